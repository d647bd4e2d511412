import { prisma } from '#app/lib/db.server.ts'
import { getCentsPer100Points } from './point-value.server.ts'
import { inRange, isoDay, type DateRange } from './range.ts'

/** The points rules app/domain/referrals pays for bringing members (sign-up and first-order rewards). */
export const ACQUISITION_REASONS = ['referral.signup', 'referral.firstOrder', 'share.signup', 'share.order'] as const

/** Sign-ups read per range at most; past it the figures say so (truncated) instead of scanning on. */
export const MAX_SIGNUPS = 50_000
const MAX_REFERRED_ORDERS = 10_000
const WEEK_MS = 7 * 86_400_000

export type AcquisitionWeek = { week: string; referral: number; share: number; other: number }
export type Acquisition = {
	weeks: AcquisitionWeek[]
	referred: number
	pointsPaid: number
	pointsCents: number
	commissionCents: number
	costPerMemberCents: number
	truncated: boolean
}

/**
 * New members per week by where they came from: a referral (Attribution campaign 'referral'),
 * a share link (an Attribution with a shareLinkId), or anything else. The cost per acquired
 * member is what the referred members cost: the points paid for those rewards at the merchant's
 * point value, plus the commission earned on orders of members who came by referral, divided
 * by the referred (referral + share) members of the range.
 */
export async function acquisition(range: DateRange): Promise<Acquisition> {
	const [signups, points, centsPer100, referredOrders] = await Promise.all([
		prisma.user.findMany({
			where: { role: 'customer', createdAt: inRange(range) },
			select: { createdAt: true, attributedTo: { select: { campaign: true, shareLinkId: true } } },
			orderBy: { createdAt: 'asc' },
			take: MAX_SIGNUPS + 1,
		}),
		prisma.pointsEntry.aggregate({ where: { reason: { in: [...ACQUISITION_REASONS] }, amount: { gt: 0 }, createdAt: inRange(range) }, _sum: { amount: true } }),
		getCentsPer100Points(),
		prisma.shopOrder.findMany({
			where: { member: { attributedTo: { campaign: 'referral' } }, placedAt: inRange(range) },
			select: { id: true },
			take: MAX_REFERRED_ORDERS,
		}),
	])
	const commission = referredOrders.length
		? await prisma.commissionEntry.groupBy({
				by: ['currency'],
				// Earns net of their reversals (refunds), so a refunded order costs nothing.
				where: { orderId: { in: referredOrders.map((o) => o.id) }, kind: { in: ['earn', 'reverse'] } },
				_sum: { amount: true },
			})
		: []
	const weeks = weekBuckets(range)
	let referred = 0
	for (const signup of signups.slice(0, MAX_SIGNUPS)) {
		const bucket = weeks[Math.floor((signup.createdAt.getTime() - range.from.getTime()) / WEEK_MS)]
		if (!bucket) continue
		const source = signup.attributedTo?.shareLinkId ? 'share' : signup.attributedTo?.campaign === 'referral' ? 'referral' : 'other'
		bucket[source]++
		if (source !== 'other') referred++
	}
	const pointsPaid = points._sum.amount ?? 0
	const toCents = (pts: number) => Math.round((pts * centsPer100) / 100)
	const pointsCents = toCents(pointsPaid)
	// Commission paid in points costs what points cost; cash commission is already in cents.
	const commissionCents = commission.reduce((sum, c) => sum + (c.currency === 'points' ? toCents(c._sum.amount ?? 0) : (c._sum.amount ?? 0)), 0)
	return {
		weeks,
		referred,
		pointsPaid,
		pointsCents,
		commissionCents,
		costPerMemberCents: referred === 0 ? 0 : Math.round((pointsCents + commissionCents) / referred),
		truncated: signups.length > MAX_SIGNUPS,
	}
}

function weekBuckets(range: DateRange): AcquisitionWeek[] {
	const count = Math.max(1, Math.ceil((range.to.getTime() - range.from.getTime() + 1) / WEEK_MS))
	return Array.from({ length: count }, (_, i) => ({ week: isoDay(new Date(range.from.getTime() + i * WEEK_MS)), referral: 0, share: 0, other: 0 }))
}
