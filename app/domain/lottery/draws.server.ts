import { Prisma } from '#app/generated/prisma/client.ts'
import { memberDayGate, type GateError } from '#app/domain/member-days/activities.server.ts'
import { couponIssueStatement } from '#app/domain/membership/coupons.server.ts'
import { notify } from '#app/domain/notifications/notifications.server.ts'
import { expireDue, getBalance, grantExpiry, ledgerStatements } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { remember } from '#app/lib/remember.ts'
import { drawIndex, hashSeed, pickPosition } from './fairness.server.ts'

export type DrawError = 'lottery.notFound' | 'lottery.notStarted' | 'lottery.ended' | 'lottery.limitReached' | 'lottery.soldOut' | 'points.insufficient' | 'lottery.busy' | GateError
export type DrawResult =
	| { ok: true; drawId: string; number: number; prize: { name: string; kind: string; points: number | null } }
	| { ok: false; error: DrawError }

const MAX_ATTEMPTS = 25

// Draws of one campaign run one at a time in this process, so they never collide here;
// across processes the campaign version makes a stale draw fail and read again.
// Blind boxes (app/domain/member-days/) queue their openings the same way.
const queues = remember('draw-queues', () => new Map<string, Promise<unknown>>())
export function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
	const previous = queues.get(key) ?? Promise.resolve()
	const next = previous.then(task, task)
	const settled = next.catch(() => undefined)
	queues.set(key, settled)
	void settled.then(() => {
		if (queues.get(key) === settled) queues.delete(key)
	})
	return next
}

export const isKnown = (error: unknown, ...codes: string[]) => error instanceof Prisma.PrismaClientKnownRequestError && codes.includes(error.code)

/**
 * One draw for a member: pays the cost, takes one prize from the fixed pool (chance =
 * remaining / total remaining), credits a points prize, and records the draw, all in
 * one batch. Nothing is oversold or half-paid, whatever the concurrency.
 */
export async function draw(campaignId: string, memberId: string, now = new Date()): Promise<DrawResult> {
	// A member day's campaign is asked about once per draw, not once per retry.
	let gate: Promise<GateError | null> | undefined
	const dayGate = (memberDayId: string) => (gate ??= memberDayGate(memberDayId, memberId, now))
	const result = await oneAtATime(`campaign:${campaignId}`, async (): Promise<DrawResult> => {
		for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			const outcome = await tryDraw(campaignId, memberId, now, dayGate)
			if (outcome !== 'retry') return outcome
		}
		return { ok: false, error: 'lottery.busy' }
	})
	// Told outside the campaign's queue, so the next draw does not wait for the notification.
	if (result.ok && result.prize.kind !== 'nothing') await tellWinner(memberId, result.drawId, result.prize.name, campaignId)
	return result
}

async function tryDraw(campaignId: string, memberId: string, now: Date, dayGate: (memberDayId: string) => Promise<GateError | null>): Promise<DrawResult | 'retry'> {
	const campaign = await prisma.campaign.findUnique({
		where: { id: campaignId },
		select: {
			seed: true, version: true, costPoints: true, perMemberLimit: true, startsAt: true, endsAt: true, memberDayId: true,
			prizes: { orderBy: { position: 'asc' }, select: { id: true, name: true, kind: true, points: true, remaining: true, couponTemplateId: true } },
		},
	})
	if (!campaign) return { ok: false, error: 'lottery.notFound' }
	// Before any read of the member's draws or any expiry write: an outsider leaves no trace.
	const dayRefusal = campaign.memberDayId ? await dayGate(campaign.memberDayId) : null
	if (dayRefusal) return { ok: false, error: dayRefusal }
	if (now < campaign.startsAt) return { ok: false, error: 'lottery.notStarted' }
	if (now >= campaign.endsAt) return { ok: false, error: 'lottery.ended' }
	const number = (await prisma.draw.count({ where: { campaignId, userId: memberId } })) + 1
	if (number > campaign.perMemberLimit) return { ok: false, error: 'lottery.limitReached' }
	const pool = campaign.prizes.map((p) => p.remaining)
	const total = pool.reduce((a, b) => a + b, 0)
	if (total === 0) return { ok: false, error: 'lottery.soldOut' }

	const prize = campaign.prizes[pickPosition(pool, drawIndex(campaign.seed, campaignId, memberId, number, total))]!
	const key = `draw:${campaignId}:${memberId}:${number}`
	if (campaign.costPoints > 0) await expireDue(memberId, now)
	const recordDraw = prisma.draw.create({
		data: { campaignId, userId: memberId, number, sequence: campaign.version + 1, poolBefore: JSON.stringify(pool), prizeId: prize.id },
		select: { id: true },
	})
	// A coupon prize's coupon is saved with the draw or not at all; its key is the draw's, so it is never doubled.
	const coupon = prize.kind === 'coupon' && prize.couponTemplateId
		? (await couponIssueStatement({ templateId: prize.couponTemplateId, userId: memberId, source: 'prize', key: `prize:${key}`, now })).statement
		: null
	const statements = [
		...(campaign.costPoints > 0 ? ledgerStatements({ userId: memberId, amount: -campaign.costPoints, reason: 'spend:draw', key, sourceRef: campaignId }) : []),
		// Fails (P2025) when another process drew since we read the pool: read again.
		prisma.campaign.update({ where: { id: campaignId, version: campaign.version }, data: { version: { increment: 1 } }, select: { id: true } }),
		prisma.prize.update({ where: { id: prize.id, remaining: { gt: 0 } }, data: { remaining: { decrement: 1 } }, select: { id: true } }),
		recordDraw,
		...(prize.kind === 'points' && prize.points
			? ledgerStatements({ userId: memberId, amount: prize.points, reason: 'prize.points', key: `prize:${key}`, sourceRef: campaignId, expiresAt: await grantExpiry(now) })
			: []),
		...(coupon ? [coupon] : []),
	]
	try {
		const results = await prisma.$transaction(statements)
		const { id: drawId } = results[statements.indexOf(recordDraw)] as { id: string }
		return { ok: true, drawId, number, prize: { name: prize.name, kind: prize.kind, points: prize.points } }
	} catch (error) {
		if (isKnown(error, 'P2025', 'P2002')) {
			// A stale pool or a draw number taken elsewhere, unless the member simply
			// lacks the points (a member who never had any has no balance row to update).
			if (campaign.costPoints > 0 && (await getBalance(memberId)) < campaign.costPoints) return { ok: false, error: 'points.insufficient' }
			return 'retry'
		}
		// The balance CHECK refused the spend: nothing was written.
		if (campaign.costPoints > 0) return { ok: false, error: 'points.insufficient' }
		throw error
	}
}

/** The winner hears of a real prize (transactional: never capped); a failure here never undoes the draw. */
async function tellWinner(memberId: string, drawId: string, prize: string, campaignId: string): Promise<void> {
	try {
		const campaign = await prisma.campaign.findUnique({ where: { id: campaignId }, select: { title: true } })
		await notify(memberId, { kind: 'prizeWon', params: { prize, campaign: campaign?.title ?? '' }, link: '/me/prizes', key: `prize-won:${drawId}` })
	} catch (error) {
		logError('lottery:notify', error, { drawId })
	}
}

/**
 * Re-computes a draw from the revealed seed: checks the seed against the commitment and
 * that the recorded pool, read with the seed, gives the recorded prize.
 */
export async function verifyDraw(drawId: string, now = new Date()) {
	const row = await prisma.draw.findUnique({
		where: { id: drawId },
		select: {
			userId: true, number: true, poolBefore: true, prize: { select: { position: true, name: true } },
			campaign: { select: { id: true, seed: true, seedHash: true, endsAt: true } },
		},
	})
	if (!row) return { verifiable: false as const, reason: 'lottery.notFound' }
	if (now < row.campaign.endsAt) return { verifiable: false as const, reason: 'lottery.seedHidden' }
	const pool = JSON.parse(row.poolBefore) as number[]
	const total = pool.reduce((a, b) => a + b, 0)
	const index = drawIndex(row.campaign.seed, row.campaign.id, row.userId, row.number, total)
	const position = pickPosition(pool, index)
	return {
		verifiable: true as const,
		seedMatchesCommitment: hashSeed(row.campaign.seed) === row.campaign.seedHash,
		index,
		total,
		expectedPosition: position,
		recordedPosition: row.prize.position,
		matches: position === row.prize.position,
	}
}
