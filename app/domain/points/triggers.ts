/**
 * What a member can earn points for. The merchant sets the points and caps of each;
 * a trigger outside this list cannot be paid. Reviews pay for being posted, having
 * photos or video, or being featured for helpfulness, never for their rating; shares
 * pay only when they bring a sign-up or an order.
 */
export const TRIGGERS = {
	'post.published': { points: 10, capCount: 3, capPeriod: 'day' },
	'post.withPhotos': { points: 10, capCount: 3, capPeriod: 'day' },
	'post.withVideo': { points: 20, capCount: 2, capPeriod: 'day' },
	'post.featured': { points: 50, capCount: null, capPeriod: null },
	'vote.cast': { points: 2, capCount: 10, capPeriod: 'day' },
	'vote.selected': { points: 30, capCount: null, capPeriod: null },
	'live.watched': { points: 5, capCount: 2, capPeriod: 'day' },
	'live.firstComment': { points: 2, capCount: 3, capPeriod: 'day' },
	'profile.completed': { points: 20, capCount: 1, capPeriod: 'month' },
	'referral.signup': { points: 20, capCount: 20, capPeriod: 'month' },
	'referral.firstOrder': { points: 200, capCount: null, capPeriod: null },
	'share.signup': { points: 10, capCount: 20, capPeriod: 'month' },
	'share.order': { points: 50, capCount: null, capPeriod: null },
	'prize.points': { points: 0, capCount: null, capPeriod: null },
	// Commission paid as points carries its own amount (the order's total times the merchant's rate).
	'commission.earned': { points: 0, capCount: null, capPeriod: null },
} as const satisfies Record<string, { points: number; capCount: number | null; capPeriod: CapPeriod | null }>

export type Trigger = keyof typeof TRIGGERS
export const CAP_PERIODS = ['day', 'week', 'month'] as const
export type CapPeriod = (typeof CAP_PERIODS)[number]

/**
 * Rules a merchant may ask for and must not have, each with the reason shown to them.
 * Paying for ratings buys fake praise (and breaks marketplace and advertising rules);
 * paying for the act of sharing is forbidden by WeChat's link rules.
 */
export const FORBIDDEN_TRIGGERS = {
	'review.positive': 'points.forbidden.rating',
	'review.fiveStars': 'points.forbidden.rating',
	'review.rating': 'points.forbidden.rating',
	'share.sent': 'points.forbidden.share',
	'share.clicked': 'points.forbidden.share',
} as const

export function isTrigger(value: string): value is Trigger {
	return Object.hasOwn(TRIGGERS, value)
}

/** The start (UTC) of the cap window that `at` falls in. Weeks start on Monday. */
export function periodStart(period: CapPeriod, at: Date): Date {
	const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
	if (period === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
	if (period === 'month') d.setUTCDate(1)
	return d
}
