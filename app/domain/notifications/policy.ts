import type { NotificationKind } from './kinds.ts'

/**
 * Who may hear what, and how (docs/decisions/013-notifications.md). Plain, so the settings
 * page and the delivery code read the same table.
 *
 * Marketing categories are capped per week and can be switched off; `groups` can be switched
 * off but is not capped, since it answers something the member did; `account` (everything
 * else: their account, posts, orders, prizes) is always on and never capped.
 */
export const MARKETING_CATEGORIES = ['coupons', 'votes', 'live', 'memberDays', 'reminders'] as const
export const OPTIONAL_CATEGORIES = [...MARKETING_CATEGORIES, 'groups'] as const
export type MarketingCategory = (typeof MARKETING_CATEGORIES)[number]
export type OptionalCategory = (typeof OPTIONAL_CATEGORIES)[number]
export type NotificationCategory = OptionalCategory | 'account'

// A Record over every kind: a new kind without a category fails the type check.
const CATEGORY_OF: Record<NotificationKind, NotificationCategory> = {
	couponIssued: 'coupons',
	couponExpiring: 'coupons',
	voteSelected: 'votes',
	votePresale: 'votes',
	voteInStock: 'votes',
	voteDeclined: 'votes',
	liveStarted: 'live',
	repurchaseReminder: 'reminders',
	groupRequest: 'groups',
	groupApproved: 'groups',
	dealUnlocked: 'groups',
	dealReleased: 'groups',
	welcome: 'account',
	passwordChanged: 'account',
	postPublished: 'account',
	postFeatured: 'account',
	postHidden: 'account',
	postReplied: 'account',
	postCommented: 'account',
	mediaFailed: 'account',
	moderationWarning: 'account',
	moderationBurst: 'account',
	orderLinked: 'account',
	tierReached: 'account',
	prizeWon: 'account',
	boxOpened: 'account',
	memberDayOpened: 'memberDays',
}

/** Account kinds that also go by email: the ones a member would want to see outside Quanzi. */
const EMAILED_ACCOUNT_KINDS: ReadonlySet<NotificationKind> = new Set(['prizeWon', 'orderLinked', 'tierReached', 'passwordChanged'])

export function categoryOf(kind: NotificationKind): NotificationCategory {
	return CATEGORY_OF[kind]
}

export function isMarketing(category: NotificationCategory): category is MarketingCategory {
	return (MARKETING_CATEGORIES as readonly string[]).includes(category)
}

export function isOptional(category: NotificationCategory): category is OptionalCategory {
	return category !== 'account'
}

/** Whether this kind is ever emailed (the member's email switch still applies). */
export function sendsEmail(kind: NotificationKind): boolean {
	return categoryOf(kind) !== 'account' || EMAILED_ACCOUNT_KINDS.has(kind)
}

/** Marketing notifications a member may get per ISO week; the merchant sets it in the console. */
export const WEEKLY_CAP = { default: 3, min: 0, max: 50 } as const

/** The ISO-8601 week of a moment, in UTC: "2026-W48". Weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
	const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
	const weekday = day.getUTCDay() || 7
	// The Thursday of this week decides which year the week belongs to.
	day.setUTCDate(day.getUTCDate() + 4 - weekday)
	const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
	const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
	return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}
