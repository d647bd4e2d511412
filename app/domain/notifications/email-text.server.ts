import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { isLocale, translator, type MessageKey } from '#app/lib/i18n/index.ts'
import type { NotificationKind } from './kinds.ts'
import { categoryOf, isOptional } from './policy.ts'

export type Recipient = { id: string; email: string; displayName: string; locale: string | null }
export type EmailText = { to: string; subject: string; text: string }

/** The members' addresses and languages, one query for the page. */
export async function recipientsOf(userIds: string[]): Promise<Map<string, Recipient>> {
	if (userIds.length === 0) return new Map()
	const rows = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, displayName: true, locale: true } })
	return new Map(rows.map((r) => [r.id, r]))
}

/**
 * The email for a notification, in the member's language (English when they chose none: an
 * email has no browser to ask). Plain text only, so nothing a member typed (a name, a title)
 * can become markup. The subject comes from the catalogue alone, never from params, so no
 * user text reaches a mail header.
 */
export function renderEmail(recipient: Recipient, input: { kind: NotificationKind; params?: Record<string, string | number>; link?: string | null }): EmailText {
	const t = translator(isLocale(recipient.locale) ? recipient.locale : 'en')
	const base = getEnv().PUBLIC_URL
	const category = categoryOf(input.kind)
	const settings = `${base}/me/notification-settings`
	const lines = [t('notifyEmail.greeting', { name: recipient.displayName }), '', t(`notification.${input.kind}` as MessageKey, input.params ?? {})]
	if (input.link) lines.push('', t('notifyEmail.open', { url: base + input.link }))
	lines.push(
		'',
		'-- ',
		isOptional(category)
			? t('notifyEmail.whyOptional', { category: t(`notifyCategory.${category}` as MessageKey), url: settings })
			: t('notifyEmail.whyAccount', { url: settings }),
	)
	return { to: recipient.email, subject: t(`notifyEmail.subject.${category}` as MessageKey), text: lines.join('\n') }
}
