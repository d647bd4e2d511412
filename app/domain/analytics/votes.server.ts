import { PRESALE } from '#app/domain/voting/presale.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { inRange, type DateRange } from './range.ts'

const MAX_CANDIDATES = 20

export type VoteConversion = { candidate: string; votes: number; reservations: number; units: number; rate: number }

/**
 * The 20 most-voted candidates of the range: votes cast in it against open pre-sale reservations
 * (OrderIntent, source 'presale'; a member's variants count once each) and the units reserved.
 */
export async function voteConversion(range: DateRange): Promise<VoteConversion[]> {
	const top = await prisma.vote.groupBy({
		by: ['candidateId'],
		where: { createdAt: inRange(range) },
		_count: { candidateId: true },
		orderBy: { _count: { candidateId: 'desc' } },
		take: MAX_CANDIDATES,
	})
	if (top.length === 0) return []
	const ids = top.map((t) => t.candidateId)
	const [candidates, intents] = await Promise.all([
		prisma.candidate.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
		prisma.orderIntent.groupBy({ by: ['sourceId'], where: { source: PRESALE, sourceId: { in: ids }, status: 'open' }, _count: { _all: true }, _sum: { quantity: true } }),
	])
	const titles = new Map(candidates.map((c) => [c.id, c.title]))
	const reserved = new Map(intents.map((i) => [i.sourceId, i]))
	return top.map((t) => {
		const votes = t._count.candidateId
		const reservations = reserved.get(t.candidateId)?._count._all ?? 0
		return { candidate: titles.get(t.candidateId) ?? '', votes, reservations, units: reserved.get(t.candidateId)?._sum.quantity ?? 0, rate: votes === 0 ? 0 : reservations / votes }
	})
}
