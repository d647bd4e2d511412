import { notify } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { ISSUE_PAGE, issueBatch, tellIssuedMany } from './coupon-bulk.server.ts'
import { chinaDate, chinaMonth } from './coupon-dates.ts'
import { getAutoSettings } from './coupon-settings.server.ts'
import { activeAutoTemplate } from './coupon-templates.server.ts'

// The coupons the daily job hands out by itself. Each step reads a page, issues what that page
// is owed under keys that name the reason, and moves on: run it twice, or twice at once, and
// every member still gets each coupon once.

const DAY = 86_400_000
/** A birthday entered this recently earns nothing yet, so changing it cannot farm coupons. */
export const BIRTHDAY_SETTLE_DAYS = 30
const MEMBER_ROLES = ['customer', 'superuser']

/**
 * The birthday coupon: members whose birthday month is this month (China time) and whose
 * birthday was entered at least 30 days ago (counted back from now, strictly: a birthday
 * entered last week earns nothing this year). Once per member per year.
 */
export async function issueBirthdayCoupons(now: Date): Promise<number> {
	const template = await activeAutoTemplate('birthday')
	if (!template) return 0
	const { year, month } = chinaMonth(now)
	const settledBy = new Date(now.getTime() - BIRTHDAY_SETTLE_DAYS * DAY)
	let issued = 0
	let cursor: string | null = null
	for (;;) {
		const page: { id: string }[] = await prisma.user.findMany({
			where: { birthdayMonth: month, role: { in: MEMBER_ROLES }, OR: [{ birthdaySetAt: null }, { birthdaySetAt: { lte: settledBy } }] },
			orderBy: { id: 'asc' },
			take: ISSUE_PAGE,
			...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			select: { id: true },
		})
		if (page.length === 0) return issued
		const got = await issueBatch(template, page.map((u) => ({ userId: u.id, key: `birthday:${u.id}:${year}` })), 'birthday', now)
		await tellIssuedMany(got, template, now, `coupon-issued:birthday:${year}:`)
		issued += got.length
		cursor = page.at(-1)!.id
	}
}

/**
 * "We miss you": members whose last paid order is more than N days old (setting
 * membership.winbackDays) get the winback coupon, once per last order: a member who orders
 * again and lapses again is missed again.
 */
export async function issueWinbackCoupons(now: Date): Promise<number> {
	const template = await activeAutoTemplate('winback')
	if (!template) return 0
	const { winbackDays } = await getAutoSettings()
	const lapsedBefore = new Date(now.getTime() - winbackDays * DAY)
	let issued = 0
	for (let skip = 0; ; skip += ISSUE_PAGE) {
		const lapsed = await prisma.shopOrder.groupBy({
			by: ['memberId'],
			where: { status: 'paid', memberId: { not: null }, placedAt: { lte: now } },
			_max: { placedAt: true },
			having: { placedAt: { _max: { lt: lapsedBefore } } },
			orderBy: { memberId: 'asc' },
			skip,
			take: ISSUE_PAGE,
		})
		if (lapsed.length === 0) return issued
		// Each member's last order, to name in the key (one query for the page).
		const last = await prisma.shopOrder.findMany({
			where: { status: 'paid', OR: lapsed.map((g) => ({ memberId: g.memberId, placedAt: g._max.placedAt! })) },
			orderBy: { id: 'asc' },
			select: { id: true, memberId: true },
		})
		const lastOrder = new Map(last.map((o) => [o.memberId!, o.id]))
		const entries = [...lastOrder].map(([userId, orderId]) => ({ userId, key: `winback:${userId}:${orderId}` }))
		const got = await issueBatch(template, entries, 'winback', now)
		await tellIssuedMany(got, template, now, `coupon-issued:winback:${chinaDate(now)}:`)
		issued += got.length
	}
}

/**
 * Reminds members of coupons ending within N days (setting membership.reminderDays), once per
 * coupon: the notification's key makes it once-only, and remindedAt (a guarded update that
 * only an unreminded coupon matches) keeps the next run from asking again.
 */
export async function sendExpiryReminders(now: Date): Promise<number> {
	const { reminderDays } = await getAutoSettings()
	const endsBy = new Date(now.getTime() + reminderDays * DAY)
	let reminded = 0
	let cursor: string | null = null
	for (;;) {
		const page: { id: string; userId: string; code: string; expiresAt: Date; template: { name: string } }[] = await prisma.coupon.findMany({
			where: { redeemedAt: null, remindedAt: null, expiresAt: { gt: now, lte: endsBy } },
			orderBy: { id: 'asc' },
			take: ISSUE_PAGE,
			...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			select: { id: true, userId: true, code: true, expiresAt: true, template: { select: { name: true } } },
		})
		if (page.length === 0) return reminded
		const told: string[] = []
		for (const coupon of page) {
			try {
				await notify(coupon.userId, {
					kind: 'couponExpiring',
					params: { name: coupon.template.name, code: coupon.code, expires: chinaDate(coupon.expiresAt) },
					link: '/me/coupons',
					key: `coupon-expiring:${coupon.id}`,
				})
				told.push(coupon.id)
			} catch (error) {
				// Left unreminded: the next run tries again.
				logError('coupons:reminder', error, { couponId: coupon.id })
			}
		}
		const { count } = await prisma.coupon.updateMany({ where: { id: { in: told }, remindedAt: null }, data: { remindedAt: now } })
		reminded += count
		cursor = page.at(-1)!.id
	}
}
