import { Prisma } from '#app/generated/prisma/client.ts'
import { award, totalAwarded } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { Visit } from './links.server.ts'

export const ATTRIBUTION_WINDOW_DAYS = 30
export const SAME_ADDRESS_HOURS = 24
/** At most this many referred sign-ups from one address a week before they are held. */
export const MAX_SIGNUPS_PER_ADDRESS_WEEK = 10
export const RETURN_WINDOW_DAYS = 14

const DAY = 24 * 3600_000
export type FlagReason = 'self' | 'sameDevice' | 'sameAddress' | 'addressVelocity'

type Source = { referrerId: string; shareLinkId: string | null; campaign: string }

async function sourceOf(visit: Visit): Promise<Source | null> {
	if (visit.kind === 'referral') {
		const row = await prisma.referralCode.findUnique({ where: { code: visit.code }, select: { userId: true } })
		return row ? { referrerId: row.userId, shareLinkId: null, campaign: 'referral' } : null
	}
	const row = await prisma.shareLink.findUnique({ where: { code: visit.code }, select: { id: true, userId: true, targetType: true } })
	return row ? { referrerId: row.userId, shareLinkId: row.id, campaign: `share:${row.targetType}` } : null
}

/** The first fraud rule the sign-up breaks, if any (each reason is reviewed by the merchant). */
async function fraudCheck(source: Source, memberId: string, ip: string, deviceId: string | null, now: Date): Promise<FlagReason | null> {
	if (source.referrerId === memberId) return 'self'
	if (deviceId && (await prisma.deviceSeen.count({ where: { userId: source.referrerId, deviceId } })) > 0) return 'sameDevice'
	const recent = new Date(now.getTime() - SAME_ADDRESS_HOURS * 3600_000)
	if ((await prisma.deviceSeen.count({ where: { userId: source.referrerId, ip, seenAt: { gte: recent } } })) > 0) return 'sameAddress'
	const week = new Date(now.getTime() - 7 * DAY)
	if ((await prisma.attribution.count({ where: { signupIp: ip, createdAt: { gte: week } } })) >= MAX_SIGNUPS_PER_ADDRESS_WEEK) return 'addressVelocity'
	return null
}

function signupTrigger(campaign: string) {
	return campaign === 'referral' ? ('referral.signup' as const) : ('share.signup' as const)
}

/**
 * Records who brought a new member (first touch, within 30 days of the visit) and pays
 * the referrer's small sign-up reward, unless a fraud rule holds it for the merchant.
 */
export async function attributeSignup(input: { memberId: string; visit: Visit & { at: Date }; ip: string; deviceId: string | null; now?: Date }) {
	const now = input.now ?? new Date()
	if (now.getTime() - input.visit.at.getTime() > ATTRIBUTION_WINDOW_DAYS * DAY) return null
	const source = await sourceOf(input.visit)
	if (!source) return null
	const flag = await fraudCheck(source, input.memberId, input.ip, input.deviceId, now)
	try {
		const created = await prisma.attribution.create({
			data: {
				memberId: input.memberId, ...source, status: flag ? 'flagged' : 'paid', flagReason: flag,
				visitedAt: input.visit.at, signupIp: input.ip, deviceId: input.deviceId,
			},
			select: { id: true, status: true, flagReason: true },
		})
		if (!flag) await award({ memberId: source.referrerId, trigger: signupTrigger(source.campaign), key: `referral:${input.memberId}:signup`, sourceRef: input.memberId })
		return created
	} catch (error) {
		// Already attributed (a retried sign-up): first touch wins, nothing pays twice.
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null
		throw error
	}
}

/** The merchant's decision on a held referral; approving pays what was held. */
export async function reviewAttribution(id: string, decision: 'approve' | 'reject'): Promise<boolean> {
	const { count } = await prisma.attribution.updateMany({
		where: { id, status: 'flagged' },
		data: { status: decision === 'approve' ? 'approved' : 'rejected', reviewedAt: new Date() },
	})
	if (count === 0) return false
	if (decision === 'approve') {
		const row = await prisma.attribution.findUniqueOrThrow({ where: { id }, select: { memberId: true, referrerId: true, campaign: true } })
		await award({ memberId: row.referrerId, trigger: signupTrigger(row.campaign), key: `referral:${row.memberId}:signup`, sourceRef: row.memberId })
	}
	return true
}

export function listFlagged(take = 50) {
	return prisma.attribution.findMany({
		where: { status: 'flagged' },
		orderBy: { createdAt: 'desc' },
		take: Math.min(take, 100),
		select: { id: true, flagReason: true, signupIp: true, createdAt: true, campaign: true, member: { select: { displayName: true, email: true } }, referrer: { select: { displayName: true, email: true } } },
	})
}

/**
 * The entry point for orders (the import comes with membership): a referred member's
 * first qualifying order earns the referrer the larger reward after the return window.
 */
export async function recordQualifyingOrder(input: { memberId: string; orderRef: string; placedAt: Date; returnWindowDays?: number }): Promise<'scheduled' | 'notReferred' | 'alreadyCounted'> {
	const attribution = await prisma.attribution.findUnique({ where: { memberId: input.memberId }, select: { id: true, status: true } })
	if (!attribution || !['paid', 'approved'].includes(attribution.status)) return 'notReferred'
	const payableAt = new Date(input.placedAt.getTime() + (input.returnWindowDays ?? RETURN_WINDOW_DAYS) * DAY)
	try {
		await prisma.qualifyingOrder.create({ data: { attributionId: attribution.id, orderRef: input.orderRef, placedAt: input.placedAt, payableAt }, select: { id: true } })
		return 'scheduled'
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'alreadyCounted'
		throw error
	}
}

/**
 * A first order refunded or cancelled before its reward was paid qualifies no more: its
 * scheduled reward is dropped (guarded on not yet paid), so the member's next paid order can
 * qualify instead. A reward already paid stays paid: the return window had passed.
 */
export async function cancelQualifyingOrder(orderRef: string): Promise<boolean> {
	const { count } = await prisma.qualifyingOrder.deleteMany({ where: { orderRef, paidAt: null } })
	return count > 0
}

/** Pays every first-order reward whose return window has passed; safe to run often. */
export async function payDueOrderRewards(now = new Date()): Promise<number> {
	const due = await prisma.qualifyingOrder.findMany({
		where: { payableAt: { lte: now }, paidAt: null },
		take: 500,
		select: { id: true, orderRef: true, attribution: { select: { memberId: true, referrerId: true, campaign: true } } },
	})
	let paid = 0
	for (const order of due) {
		const { memberId, referrerId, campaign } = order.attribution
		const trigger = campaign === 'referral' ? 'referral.firstOrder' : 'share.order'
		// The key makes a crash between these two writes harmless: a rerun pays nothing twice.
		const result = await award({ memberId: referrerId, trigger, key: `referral:${memberId}:firstOrder`, sourceRef: order.orderRef })
		if (result.ok) await prisma.qualifyingOrder.updateMany({ where: { id: order.id, paidAt: null }, data: { paidAt: now } })
		if (result.ok && !result.duplicate) paid++
	}
	return paid
}

export type InviteNode = { memberId: string; displayName: string; children: InviteNode[] }

/** Who the member brought, and who those brought, level by level (one query a level). */
export async function inviteTree(memberId: string, depth = 3): Promise<InviteNode[]> {
	const roots: InviteNode[] = []
	let level = new Map<string, InviteNode[]>([[memberId, roots]])
	for (let d = 0; d < depth && level.size > 0; d++) {
		const rows = await prisma.attribution.findMany({
			where: { referrerId: { in: [...level.keys()] }, status: { in: ['paid', 'approved'] } },
			orderBy: { createdAt: 'asc' },
			take: 1000,
			select: { referrerId: true, memberId: true, member: { select: { displayName: true } } },
		})
		const next = new Map<string, InviteNode[]>()
		for (const r of rows) {
			const node: InviteNode = { memberId: r.memberId, displayName: r.member.displayName, children: [] }
			level.get(r.referrerId)!.push(node)
			next.set(r.memberId, node.children)
		}
		level = next
	}
	return roots
}

/**
 * The merchant's fission numbers per campaign: links opened, sign-ups, first orders,
 * K-factor (new members per member who brought anyone) and points paid per new member.
 */
export async function fissionStats() {
	const [referralVisits, shareVisits, groups, ordered] = await Promise.all([
		prisma.referralCode.aggregate({ _sum: { visits: true } }),
		prisma.shareLink.groupBy({ by: ['targetType'], _sum: { visits: true } }),
		prisma.attribution.groupBy({ by: ['campaign'], where: { status: { in: ['paid', 'approved'] } }, _count: { _all: true } }),
		prisma.qualifyingOrder.findMany({ select: { attribution: { select: { campaign: true } } } }),
	])
	const inviters = await prisma.attribution.groupBy({ by: ['campaign', 'referrerId'], where: { status: { in: ['paid', 'approved'] } } })
	const visits = new Map<string, number>([['referral', referralVisits._sum.visits ?? 0], ...shareVisits.map((s) => [`share:${s.targetType}`, s._sum.visits ?? 0] as [string, number])])
	const campaigns = new Set([...visits.keys(), ...groups.map((g) => g.campaign)])
	const stats = []
	for (const campaign of campaigns) {
		const signedUp = groups.find((g) => g.campaign === campaign)?._count._all ?? 0
		const inviting = inviters.filter((i) => i.campaign === campaign).length
		const reasons = campaign === 'referral' ? ['referral.signup', 'referral.firstOrder'] : ['share.signup', 'share.order']
		const points = await totalAwarded(reasons)
		stats.push({
			campaign,
			invited: visits.get(campaign) ?? 0,
			signedUp,
			ordered: ordered.filter((o) => o.attribution.campaign === campaign).length,
			kFactor: inviting === 0 ? 0 : signedUp / inviting,
			pointsPerMember: signedUp === 0 ? 0 : points / signedUp,
		})
	}
	return stats
}
