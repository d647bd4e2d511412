import { ATTRIBUTION_WINDOW_DAYS } from '#app/domain/referrals/attribution.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getCommissionSettings } from './commission-settings.server.ts'

const DAY = 24 * 3600_000
/** Referrals that count: passed the fraud rules at sign-up (paid) or cleared by the merchant (approved). */
export const COUNTED_ATTRIBUTIONS = ['paid', 'approved']

export type CommissionOrder = { id: string; memberId: string | null; ref: string | null; placedAt: Date }
export type CommissionRecipient = { superUserId: string; level: 1 | 2 }

type Ref = { kind: 'deal' | 'share'; id: string }

function parseRef(ref: string | null): Ref | null {
	const match = ref ? /^(deal|share):(.+)$/.exec(ref.trim()) : null
	return match ? { kind: match[1] as Ref['kind'], id: match[2]! } : null
}

/**
 * Who earns on each order. Level 1 is exactly one super-user, the first that applies:
 * the order's ref (a group deal: its creator, else its group's leader; a share link: its
 * owner), else the super-user who referred the buyer, if the order was placed within
 * ATTRIBUTION_WINDOW_DAYS of the referral's sign-up. Level 2 is the super-user who referred
 * the level-1 super-user (when the merchant pays level 2). Never deeper.
 *
 * Roles are read now, when commission is settled: someone demoted since the sale earns
 * nothing. The buyer never earns on their own order: when the level-1 recipient is the
 * buyer, the order pays nobody (no fallback to the referrer, which would reward buying
 * through one's own link).
 *
 * A handful of queries for the whole page of orders, none per order.
 */
export async function recipientsByOrder(orders: CommissionOrder[], withLevel2: boolean): Promise<Map<string, CommissionRecipient[]>> {
	const refs = new Map(orders.map((o) => [o.id, parseRef(o.ref)]))
	const ids = (kind: Ref['kind']) => [...new Set([...refs.values()].filter((r) => r?.kind === kind).map((r) => r!.id))]
	const buyers = [...new Set(orders.map((o) => o.memberId).filter((id): id is string => id !== null))]
	const superUser = { role: 'superuser' }
	const [deals, shares, referrals] = await Promise.all([
		prisma.groupDeal.findMany({
			where: { id: { in: ids('deal') } },
			select: { id: true, createdById: true, group: { select: { leader: { select: { id: true, role: true } } } } },
		}),
		prisma.shareLink.findMany({ where: { code: { in: ids('share') }, user: superUser }, select: { code: true, userId: true } }),
		prisma.attribution.findMany({
			where: { memberId: { in: buyers }, status: { in: COUNTED_ATTRIBUTIONS }, referrer: superUser },
			select: { memberId: true, referrerId: true, createdAt: true },
		}),
	])
	// GroupDeal.createdById has no relation to User, so the creators' roles are one more query.
	const creators = deals.length > 0
		? await prisma.user.findMany({ where: { id: { in: [...new Set(deals.map((d) => d.createdById))] }, ...superUser }, select: { id: true } })
		: []
	const superCreators = new Set(creators.map((c) => c.id))
	const dealEarner = new Map(deals.map((d) => {
		const leader = d.group?.leader
		const earner = superCreators.has(d.createdById) ? d.createdById : leader?.role === 'superuser' ? leader.id : null
		return [d.id, earner]
	}))
	const shareEarner = new Map(shares.map((s) => [s.code, s.userId]))
	const referral = new Map(referrals.map((r) => [r.memberId, r]))

	const level1 = new Map<string, string>()
	for (const order of orders) {
		const ref = refs.get(order.id)
		let earner = ref?.kind === 'deal' ? dealEarner.get(ref.id) : ref?.kind === 'share' ? shareEarner.get(ref.id) : null
		if (!earner && order.memberId) {
			const r = referral.get(order.memberId)
			// The window runs from the sign-up the referral brought (Attribution.createdAt), not the first
			// visit: the visit already had its own 30 days to turn into a sign-up.
			const age = r ? order.placedAt.getTime() - r.createdAt.getTime() : -1
			if (r && age >= 0 && age <= ATTRIBUTION_WINDOW_DAYS * DAY) earner = r.referrerId
		}
		if (earner && earner !== order.memberId) level1.set(order.id, earner)
	}

	const uplines = withLevel2 && level1.size > 0
		? await prisma.attribution.findMany({
			where: { memberId: { in: [...new Set(level1.values())] }, status: { in: COUNTED_ATTRIBUTIONS }, referrer: superUser },
			select: { memberId: true, referrerId: true },
		})
		: []
	const upline = new Map(uplines.map((u) => [u.memberId, u.referrerId]))

	const result = new Map<string, CommissionRecipient[]>()
	for (const order of orders) {
		const first = level1.get(order.id)
		if (!first) continue
		const recipients: CommissionRecipient[] = [{ superUserId: first, level: 1 }]
		const second = upline.get(first)
		if (second && second !== first && second !== order.memberId) recipients.push({ superUserId: second, level: 2 })
		result.set(order.id, recipients)
	}
	return result
}

/** Who earns on one order, at the merchant's current terms. */
export async function commissionRecipients(order: CommissionOrder): Promise<CommissionRecipient[]> {
	const settings = await getCommissionSettings()
	return (await recipientsByOrder([order], settings.level2Bps > 0)).get(order.id) ?? []
}
