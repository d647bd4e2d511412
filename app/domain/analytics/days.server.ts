import { prisma } from '#app/lib/db.server.ts'
import { inRange, isoDay, type DateRange } from './range.ts'

const MAX_DAYS = 20
/** A day has a handful of pools; this only bounds the read. */
const MAX_POOLS_PER_DAY = 100
/** Member-and-pool pairs read to count the members at most; past it the member counts say so (truncated). */
export const MAX_OPENERS = 50_000

export type DayResult = { day: string; startsOn: string; members: number; boxes: number; pointsSpent: number; cashCents: number; boxesLeft: number }
export type DayResults = { days: DayResult[]; truncated: boolean }

/**
 * The member days that started in the range (latest 20), each with what its blind boxes did:
 * the members who opened at least one box (once each, whatever the pool), the boxes opened,
 * the points and the token cash (the boxes' cash price, settled by the shop) they were opened
 * for, and the boxes still packed. Three reads whatever the number of days.
 */
export async function memberDayResults(range: DateRange): Promise<DayResults> {
	const days = await prisma.memberDay.findMany({
		where: { startsAt: inRange(range) },
		select: { id: true, title: true, startsAt: true, pools: { select: { id: true, remaining: true }, take: MAX_POOLS_PER_DAY } },
		orderBy: { startsAt: 'desc' },
		take: MAX_DAYS,
	})
	const poolIds = days.flatMap((d) => d.pools.map((p) => p.id))
	const [byPool, openers] = poolIds.length
		? await Promise.all([
				prisma.blindBoxOpening.groupBy({ by: ['poolId'], where: { poolId: { in: poolIds } }, _count: { _all: true }, _sum: { pricePoints: true, priceCents: true } }),
				prisma.blindBoxOpening.groupBy({ by: ['poolId', 'userId'], where: { poolId: { in: poolIds } }, orderBy: [{ poolId: 'asc' }, { userId: 'asc' }], take: MAX_OPENERS + 1 }),
			])
		: [[], []]
	const pools = new Map(byPool.map((p) => [p.poolId, p]))
	const dayOf = new Map(days.flatMap((d) => d.pools.map((p) => [p.id, d.id] as const)))
	const members = new Map<string, Set<string>>()
	for (const pair of openers.slice(0, MAX_OPENERS)) {
		const dayId = dayOf.get(pair.poolId)!
		members.set(dayId, (members.get(dayId) ?? new Set()).add(pair.userId))
	}
	// A day's figures are its pools' added up.
	const figures = (dayPools: { id: string; remaining: number }[]) => {
		const sum = { boxes: 0, pointsSpent: 0, cashCents: 0, boxesLeft: 0 }
		for (const pool of dayPools) {
			const opened = pools.get(pool.id)
			sum.boxes += opened?._count._all ?? 0
			sum.pointsSpent += opened?._sum.pricePoints ?? 0
			sum.cashCents += opened?._sum.priceCents ?? 0
			sum.boxesLeft += pool.remaining
		}
		return sum
	}
	return {
		days: days.map((day) => ({ day: day.title, startsOn: isoDay(day.startsAt), members: members.get(day.id)?.size ?? 0, ...figures(day.pools) })),
		truncated: openers.length > MAX_OPENERS,
	}
}
