/**
 * The kinds of notification; each names the i18n template `notification.<kind>`.
 * A plain module (not .server.ts) so the settings page can list them by category.
 */
export const NOTIFICATION_KINDS = [
	'welcome',
	'passwordChanged',
	'postPublished',
	'postFeatured',
	'postHidden',
	'postReplied',
	'postCommented',
	'mediaFailed',
	'moderationWarning',
	'moderationBurst',
	'voteSelected',
	'votePresale',
	'voteInStock',
	'voteDeclined',
	'liveStarted',
	'groupRequest',
	'groupApproved',
	'dealUnlocked',
	'dealReleased',
	'orderLinked',
	'tierReached',
	'couponIssued',
	'couponExpiring',
	'repurchaseReminder',
	'prizeWon',
	'boxOpened',
	'memberDayOpened',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]
