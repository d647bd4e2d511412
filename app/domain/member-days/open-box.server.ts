import { randomBytes } from 'node:crypto'
import { hashSeed } from '#app/domain/lottery/fairness.server.ts'
import { isKnown, oneAtATime } from '#app/domain/lottery/draws.server.ts'
import { expireDue, getBalance, ledgerStatements } from '#app/domain/points/ledger.server.ts'
import { notify } from '#app/domain/notifications/deliver.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { boxPosition } from './box-fairness.server.ts'
import { isEligible } from './days.server.ts'

export type OpenError =
	| 'days.error.notFound' | 'days.error.notOpen' | 'days.error.ended' | 'days.error.notEligible' | 'days.error.limitReached'
	| 'days.error.soldOut' | 'days.error.dailyCap' | 'points.insufficient' | 'days.error.busy'
export type OpenResult =
	| { ok: true; openingId: string; number: number; shareCode: string; item: { name: string; position: number } }
	| { ok: false; error: OpenError }

const MAX_ATTEMPTS = 25
type Day = { id: string; startsAt: Date; endsAt: Date; segmentId: string | null; dailyCapPoints: number | null }

/**
 * A member buys one blind box: pays its price, takes one item from the fixed pool (chance =
 * remaining / boxes remaining, or the guaranteed items on a guaranteed turn) and records the
 * opening, all in one batch; never oversold, whatever the concurrency (as a prize draw).
 */
export async function openBlindBox(poolId: string, memberId: string, now = new Date()): Promise<OpenResult> {
	const head = await prisma.blindBoxPool.findUnique({
		where: { id: poolId },
		select: { name: true, memberDay: { select: { id: true, startsAt: true, endsAt: true, segmentId: true, dailyCapPoints: true } } },
	})
	if (!head) return { ok: false, error: 'days.error.notFound' }
	const day = head.memberDay
	if (now < day.startsAt) return { ok: false, error: 'days.error.notOpen' }
	if (now >= day.endsAt) return { ok: false, error: 'days.error.ended' }
	if (!(await isEligible(day, memberId, now))) return { ok: false, error: 'days.error.notEligible' }
	// One queue per day, not per pool: the daily cap spans every pool of the day.
	const result = await oneAtATime(`member-day:${day.id}`, async (): Promise<OpenResult> => {
		for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			const outcome = await tryOpen(poolId, memberId, day, now)
			if (outcome !== 'retry') return outcome
		}
		return { ok: false, error: 'days.error.busy' }
	})
	if (result.ok) {
		// The box is the member's whatever happens here: a failed announcement is logged, not thrown.
		await announceOpening(result, { dayId: day.id, poolName: head.name, memberId }).catch((error) => logError('days:announce', error, { poolId }))
	}
	return result
}

/**
 * After the box is saved: the member's notification (the record in Me, and on their other
 * devices), and for a pool's top item the day's ticker. Neither can undo the opening.
 */
async function announceOpening(opened: Extract<OpenResult, { ok: true }>, where: { dayId: string; poolName: string; memberId: string }) {
	await notify(where.memberId, { kind: 'boxOpened', params: { item: opened.item.name, pool: where.poolName }, link: '/me/prizes', key: `box-opened:${opened.openingId}` })
	if (opened.item.position !== 0) return
	const member = await prisma.user.findUnique({ where: { id: where.memberId }, select: { displayName: true } })
	const win = { id: opened.openingId, at: new Date().toISOString(), member: member?.displayName ?? '', item: opened.item.name }
	domainEvents.emit('day:win', { dayId: where.dayId, win })
}

/** The capped day's allowance row of this member for today's UTC date, made at the cap if missing. */
async function allowance(memberId: string, day: Day, now: Date): Promise<{ key: { memberId: string; memberDayId: string; day: string }; remaining: number }> {
	const key = { memberId, memberDayId: day.id, day: now.toISOString().slice(0, 10) }
	const found = await prisma.blindBoxSpend.findUnique({ where: { memberId_memberDayId_day: key }, select: { remaining: true } })
	if (found) return { key, remaining: found.remaining }
	try {
		await prisma.blindBoxSpend.create({ data: { ...key, remaining: day.dailyCapPoints! }, select: { day: true } })
	} catch (error) {
		// Another opening made it first: read what it left.
		if (!isKnown(error, 'P2002')) throw error
		return allowance(memberId, day, now)
	}
	return { key, remaining: day.dailyCapPoints! }
}

async function tryOpen(poolId: string, memberId: string, day: Day, now: Date): Promise<OpenResult | 'retry'> {
	const pool = await prisma.blindBoxPool.findUnique({
		where: { id: poolId },
		select: {
			seed: true, version: true, pricePoints: true, priceCents: true, perMemberLimit: true, guaranteeEvery: true, guaranteePosition: true, remaining: true,
			items: { orderBy: { position: 'asc' }, select: { id: true, name: true, position: true, remaining: true } },
		},
	})
	if (!pool) return { ok: false, error: 'days.error.notFound' }
	if (pool.remaining === 0) return { ok: false, error: 'days.error.soldOut' }
	const number = (await prisma.blindBoxOpening.count({ where: { poolId, userId: memberId } })) + 1
	if (number > pool.perMemberLimit) return { ok: false, error: 'days.error.limitReached' }
	// The daily cap is an allowance row taken down with a guard in the batch, so it holds across processes.
	const capped = day.dailyCapPoints !== null && pool.pricePoints > 0 ? await allowance(memberId, day, now) : null
	if (capped && capped.remaining < pool.pricePoints) return { ok: false, error: 'days.error.dailyCap' }

	const poolBefore = pool.items.map((i) => i.remaining)
	const item = pool.items[boxPosition(pool.seed, poolId, memberId, number, poolBefore, { every: pool.guaranteeEvery, position: pool.guaranteePosition })]!
	const key = `blindbox:${poolId}:${memberId}:${number}`
	if (pool.pricePoints > 0) await expireDue(memberId, now)
	const shareCode = randomBytes(6).toString('base64url')
	const recordOpening = prisma.blindBoxOpening.create({
		data: { poolId, userId: memberId, number, sequence: pool.version + 1, poolBefore: JSON.stringify(poolBefore), itemId: item.id, pricePoints: pool.pricePoints, priceCents: pool.priceCents, shareCode, createdAt: now },
		select: { id: true },
	})
	const statements = [
		...(pool.pricePoints > 0 ? ledgerStatements({ userId: memberId, amount: -pool.pricePoints, reason: 'spend:blindbox', key, sourceRef: poolId }) : []),
		// Fails (P2025) when another opening spent today's allowance since we read it.
		...(capped
			? [prisma.blindBoxSpend.update({ where: { memberId_memberDayId_day: capped.key, remaining: { gte: pool.pricePoints } }, data: { remaining: { decrement: pool.pricePoints } }, select: { day: true } })]
			: []),
		// Fails (P2025) when another opening came first since we read the pool: read again.
		prisma.blindBoxPool.update({ where: { id: poolId, version: pool.version, remaining: { gt: 0 } }, data: { version: { increment: 1 }, remaining: { decrement: 1 } }, select: { id: true } }),
		prisma.blindBoxItem.update({ where: { id: item.id, remaining: { gt: 0 } }, data: { remaining: { decrement: 1 } }, select: { id: true } }),
		recordOpening,
		// The token cash price is an order intent the shop settles, one per box (its number).
		...(pool.priceCents > 0
			? [prisma.orderIntent.create({ data: { memberId, source: 'blindbox', sourceId: poolId, variant: String(number), quantity: 1, depositCents: pool.priceCents }, select: { id: true } })]
			: []),
	]
	try {
		const results = await prisma.$transaction(statements)
		const { id: openingId } = results[statements.indexOf(recordOpening)] as { id: string }
		return { ok: true, openingId, number, shareCode, item: { name: item.name, position: item.position } }
	} catch (error) {
		if (isKnown(error, 'P2025', 'P2002')) {
			// A stale pool, a box number taken elsewhere or today's allowance spent meanwhile, unless the
			// member simply lacks the points; the allowance is checked again on the retry.
			if (pool.pricePoints > 0 && (await getBalance(memberId)) < pool.pricePoints) return { ok: false, error: 'points.insufficient' }
			return 'retry'
		}
		// The balance CHECK refused the spend: nothing was written.
		if (pool.pricePoints > 0) return { ok: false, error: 'points.insufficient' }
		throw error
	}
}

/**
 * Re-computes an opening from the revealed seed: the seed against the commitment, and the
 * recorded pool read with the seed gives the recorded item. The seed is hidden until the day ends.
 */
export async function verifyOpening(openingId: string, now = new Date()) {
	const row = await prisma.blindBoxOpening.findUnique({
		where: { id: openingId },
		select: {
			userId: true, number: true, poolBefore: true, item: { select: { position: true } },
			pool: { select: { id: true, seed: true, seedHash: true, guaranteeEvery: true, guaranteePosition: true, memberDay: { select: { endsAt: true } } } },
		},
	})
	if (!row) return { verifiable: false as const, reason: 'days.error.notFound' }
	if (now < row.pool.memberDay.endsAt) return { verifiable: false as const, reason: 'days.seedHidden' }
	const { pool } = row
	const expected = boxPosition(pool.seed, pool.id, row.userId, row.number, JSON.parse(row.poolBefore) as number[], { every: pool.guaranteeEvery, position: pool.guaranteePosition })
	return {
		verifiable: true as const,
		seedMatchesCommitment: hashSeed(pool.seed) === pool.seedHash,
		expectedPosition: expected,
		recordedPosition: row.item.position,
		matches: expected === row.item.position,
	}
}
