import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { announceSaved } from './deals-events.server.ts'
import { DEAL_INTENT_SOURCE, unlockDeal } from './deals-settle.server.ts'
import { isGroupMember } from './membership.server.ts'
import type { DealJoinStatus, DealProgressPush } from './views.ts'

export type DealRefusal = { ok: false; error: MessageKey }
export type DealChange = { ok: true; progress: DealProgressPush | null; join: DealJoinStatus | null } | DealRefusal

const refuse = (error: MessageKey): DealRefusal => ({ ok: false, error })
/** A join may race an unlock once (tried as open, found unlocked); more retries than that would mean a bug. */
const JOIN_ATTEMPTS = 2

/**
 * One batch of guarded statements: the count goes up only while the deal has the status tried
 * and its deadline is ahead (else `update` matches nothing and the batch fails), the CHECK
 * `joined <= cap` refuses a join past the cap, and the join's primary key a second join by the
 * same member. After an unlock a join is confirmed at once, with its order intent.
 */
async function joinBatch(dealId: string, memberId: string, as: 'open' | 'unlocked', now: Date): Promise<{ joined: number; target: number }> {
	const bump = prisma.groupDeal.update({ where: { id: dealId, status: as, deadline: { gt: now } }, data: { joined: { increment: 1 } }, select: { joined: true, target: true } })
	const join = prisma.groupDealJoin.create({ data: { dealId, memberId, status: as === 'open' ? 'held' : 'confirmed', createdAt: now }, select: { dealId: true } })
	if (as === 'open') return (await prisma.$transaction([bump, join]))[0]
	const intent = prisma.orderIntent.create({ data: { source: DEAL_INTENT_SOURCE, sourceId: dealId, memberId, quantity: 1 }, select: { id: true } })
	return (await prisma.$transaction([bump, join, intent]))[0]
}

/** A member takes a place in a deal; the deal unlocks when this join reaches its target. */
export async function joinDeal(dealId: string, member: { id: string }, now = new Date()): Promise<DealChange> {
	const deal = await prisma.groupDeal.findUnique({ where: { id: dealId }, select: { status: true, groupId: true, group: { select: { visibility: true } } } })
	if (!deal) return refuse('deals.error.notFound')
	if (deal.groupId && deal.group?.visibility !== 'public' && !(await isGroupMember(deal.groupId, member.id))) return refuse('deals.error.membersOnly')
	let as = deal.status
	for (let attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
		if (as !== 'open' && as !== 'unlocked') break
		let reached = false
		try {
			const bumped = await joinBatch(dealId, member.id, as, now)
			reached = as === 'open' && bumped.joined >= bumped.target
		} catch {
			const why = await whyNotJoined(dealId, member.id, as, now)
			if (why !== 'retry') return why
			as = 'unlocked'
			continue
		}
		if (reached) await unlockDeal(dealId, now)
		return { ok: true, ...(await standing(dealId, member.id)) }
	}
	return (await whyNotJoined(dealId, member.id, null, now)) as DealRefusal
}

/**
 * After a refused join: the reason, read from what is stored now. 'retry' when the deal
 * unlocked between the read and the batch, so the join should go in confirmed.
 */
async function whyNotJoined(dealId: string, memberId: string, tried: string | null, now: Date): Promise<DealRefusal | 'retry'> {
	const [deal, mine] = await Promise.all([
		prisma.groupDeal.findUnique({ where: { id: dealId }, select: { status: true, deadline: true, joined: true, cap: true } }),
		prisma.groupDealJoin.findUnique({ where: { dealId_memberId: { dealId, memberId } }, select: { status: true } }),
	])
	if (!deal) return refuse('deals.error.notFound')
	if (mine) return refuse('deals.error.alreadyJoined')
	if (deal.status === 'released') return refuse('deals.error.released')
	if (deal.deadline <= now) return refuse('deals.error.over')
	if (deal.joined >= deal.cap) return refuse('deals.error.full')
	if (tried === 'open' && deal.status === 'unlocked') return 'retry'
	return refuse('deals.error.busy')
}

/**
 * Before a deal unlocks a member may give up their place: the row goes and the count comes down
 * in one batch. Refused once the deal has filled (joined = target, the unlock is under way) or
 * unlocked, and after the deadline, so a settled deal's numbers never move.
 */
export async function leaveDeal(dealId: string, memberId: string, now = new Date()): Promise<DealChange> {
	const deal = await prisma.groupDeal.findUnique({ where: { id: dealId }, select: { target: true } })
	if (!deal) return refuse('deals.error.notFound')
	try {
		await prisma.$transaction([
			prisma.groupDealJoin.delete({ where: { dealId_memberId: { dealId, memberId }, status: 'held' }, select: { dealId: true } }),
			prisma.groupDeal.update({ where: { id: dealId, status: 'open', deadline: { gt: now }, joined: { lt: deal.target } }, data: { joined: { decrement: 1 } }, select: { id: true } }),
		])
	} catch {
		return whyNotLeft(dealId, memberId, now)
	}
	return { ok: true, ...(await standing(dealId, memberId)) }
}

async function whyNotLeft(dealId: string, memberId: string, now: Date): Promise<DealRefusal> {
	const [deal, mine] = await Promise.all([
		prisma.groupDeal.findUnique({ where: { id: dealId }, select: { status: true, deadline: true, joined: true, target: true } }),
		prisma.groupDealJoin.findUnique({ where: { dealId_memberId: { dealId, memberId } }, select: { status: true } }),
	])
	if (!deal) return refuse('deals.error.notFound')
	if (!mine) return refuse('deals.error.notJoined')
	if (deal.status === 'released') return refuse('deals.error.released')
	if (deal.status === 'unlocked' || deal.joined >= deal.target) return refuse('deals.error.filled')
	if (deal.deadline <= now) return refuse('deals.error.over')
	return refuse('deals.error.busy')
}

/** After a change: the counts everyone sees (announced to the deal's room) and this member's place. */
async function standing(dealId: string, memberId: string): Promise<{ progress: DealProgressPush | null; join: DealJoinStatus | null }> {
	const [progress, mine] = await Promise.all([
		announceSaved(dealId),
		prisma.groupDealJoin.findUnique({ where: { dealId_memberId: { dealId, memberId } }, select: { status: true } }),
	])
	return { progress, join: (mine?.status as DealJoinStatus | undefined) ?? null }
}
