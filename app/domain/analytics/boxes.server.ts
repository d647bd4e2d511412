import { DAY_LIMITS } from '#app/domain/member-days/limits.ts'
import { prisma } from '#app/lib/db.server.ts'
import { againstOdds, type PrizeOutcome } from './odds.ts'
import { inRange, type DateRange } from './range.ts'

const MAX_POOLS = 20

/** A blind-box pool's items against their published odds; an item's `won` is the boxes opened that held it. */
export type BoxOutcome = { day: string; pool: string; opened: number; items: PrizeOutcome[] }

/**
 * The blind-box pools of the member days that started in the range (latest 20): each item's
 * packed count (the published chance, packed / all boxes, as the member-day page shows it)
 * against the openings that held it so far, as for a prize draw.
 */
export async function boxOutcomes(range: DateRange): Promise<BoxOutcome[]> {
	const pools = await prisma.blindBoxPool.findMany({
		where: { memberDay: { startsAt: inRange(range) } },
		select: {
			id: true, name: true, memberDay: { select: { title: true } },
			items: { select: { id: true, name: true, total: true }, orderBy: { position: 'asc' }, take: DAY_LIMITS.items },
		},
		orderBy: [{ memberDay: { startsAt: 'desc' } }, { createdAt: 'asc' }, { id: 'asc' }],
		take: MAX_POOLS,
	})
	const opened = pools.length
		? await prisma.blindBoxOpening.groupBy({ by: ['itemId'], where: { poolId: { in: pools.map((p) => p.id) } }, _count: { _all: true } })
		: []
	const openings = new Map(opened.map((o) => [o.itemId, o._count._all]))
	return pools.map((pool) => {
		const { drawn, prizes } = againstOdds(pool.items, openings)
		return { day: pool.memberDay.title, pool: pool.name, opened: drawn, items: prizes }
	})
}
