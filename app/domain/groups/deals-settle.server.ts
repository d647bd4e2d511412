import { prisma } from '#app/lib/db.server.ts'
import { logError, logEvent } from '#app/lib/log.server.ts'
import { startPeriodic } from '#app/lib/periodic.server.ts'
import { announceProgress, notifyJoiners } from './deals-events.server.ts'

/** The source of the order intents a deal's joins become (OrderIntent.source). */
export const DEAL_INTENT_SOURCE = 'group'
const UNLOCK_ATTEMPTS = 5
const RELEASE_PAGE = 100
const JOB_EVERY_MS = 30_000

/**
 * Unlocks a deal that reached its target: in one batch the deal becomes `unlocked`, every held
 * join `confirmed`, and each gets its order intent. True when this call unlocked it.
 *
 * The guard is `joined` equal to the held joins just read: while a deal is open every join is
 * held and `joined` counts them, and leaving is refused once a deal has filled, so between the
 * read and the batch only new joins can happen, and any of them changes `joined` and fails the
 * batch (then it re-reads). So no join is confirmed without an intent, and none gets one twice.
 */
export async function unlockDeal(dealId: string, now = new Date()): Promise<boolean> {
	for (let attempt = 0; attempt < UNLOCK_ATTEMPTS; attempt++) {
		const deal = await prisma.groupDeal.findUnique({ where: { id: dealId }, select: { status: true, joined: true, target: true, cap: true, product: { select: { name: true } } } })
		if (!deal || deal.status !== 'open' || deal.joined < deal.target) return false
		const held = await prisma.groupDealJoin.findMany({ where: { dealId, status: 'held' }, select: { memberId: true } })
		if (held.length !== deal.joined) continue
		try {
			await prisma.$transaction([
				prisma.groupDeal.update({ where: { id: dealId, status: 'open', joined: held.length }, data: { status: 'unlocked', unlockedAt: now }, select: { id: true } }),
				prisma.groupDealJoin.updateMany({ where: { dealId, status: 'held' }, data: { status: 'confirmed' } }),
				prisma.orderIntent.createMany({ data: held.map(({ memberId }) => ({ source: DEAL_INTENT_SOURCE, sourceId: dealId, memberId, quantity: 1 })) }),
			])
		} catch {
			continue
		}
		announceProgress({ id: dealId, joined: deal.joined, target: deal.target, cap: deal.cap, status: 'unlocked' })
		await notifyJoiners('dealUnlocked', [{ id: dealId, productName: deal.product.name }], 'confirmed')
		return true
	}
	return false
}

/**
 * Every open deal past its deadline that did not reach its target becomes `released`, and all its
 * joins with it. Nobody holds anything afterwards: intents are only made at unlock. Safe to run
 * any number of times and in several processes: the status guard releases a deal once, and only
 * the run that released it notifies. Returns how many deals this run released.
 */
export async function releaseExpiredDeals(now = new Date()): Promise<number> {
	const unfilled = { status: 'open', deadline: { lte: now }, joined: { lt: prisma.groupDeal.fields.target } }
	let released = 0
	let after = ''
	for (;;) {
		const page = await prisma.groupDeal.findMany({ where: { ...unfilled, id: { gt: after } }, orderBy: { id: 'asc' }, take: RELEASE_PAGE, select: { id: true } })
		if (page.length === 0) break
		const ids = page.map((d) => d.id)
		const [deals] = await prisma.$transaction([
			prisma.groupDeal.updateManyAndReturn({
				where: { ...unfilled, id: { in: ids } },
				data: { status: 'released', releasedAt: now },
				select: { id: true, joined: true, target: true, cap: true, status: true, product: { select: { name: true } } },
			}),
			// Runs after the line above in the same transaction: exactly the joins of deals released by now.
			prisma.groupDealJoin.updateMany({ where: { dealId: { in: ids }, status: 'held', deal: { status: 'released' } }, data: { status: 'released' } }),
		])
		for (const deal of deals) announceProgress(deal)
		await notifyJoiners('dealReleased', deals.map((d) => ({ id: d.id, productName: d.product.name })), 'released')
		released += deals.length
		after = ids.at(-1)!
	}
	return released
}

/** Deals that reached their target but were not unlocked (the process stopped between the join and the unlock). */
async function unlockFilledDeals(now: Date): Promise<number> {
	const filled = await prisma.groupDeal.findMany({
		where: { status: 'open', joined: { gte: prisma.groupDeal.fields.target } },
		take: RELEASE_PAGE,
		select: { id: true },
	})
	let unlocked = 0
	// NOTE: one unlock per deal on purpose: each is its own guarded batch. This list is empty
	// unless a process died mid-join, so the loop is a recovery path, not a hot one.
	for (const { id } of filled) if (await unlockDeal(id, now)) unlocked++
	return unlocked
}

/** Settles deals now and every 30 s, in one process at a time: a deal that did not fill is released soon after its deadline. */
export function startDealJob(): void {
	// startPeriodic keeps a slow run (a big release) from being overlapped by the next tick.
	startPeriodic('deals:settle', { intervalMs: JOB_EVERY_MS, firstDelayMs: 0 }, async () => {
		try {
			const now = new Date()
			const unlocked = await unlockFilledDeals(now)
			const released = await releaseExpiredDeals(now)
			if (unlocked || released) logEvent('deals:settled', { unlocked, released })
		} catch (error) {
			logError('deals:settle-failed', error)
		}
	})
}
