/** The outbox's states (EmailMessage.status); shared with the console page. */
export const EMAIL_STATUSES = ['pending', 'sent', 'captured', 'failed'] as const
export type EmailStatus = (typeof EMAIL_STATUSES)[number]
