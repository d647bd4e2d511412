import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getNewVoterHours } from './settings.server.ts'
import type { VoteCount } from './views.ts'


/** Votes from members who have been here long enough, or who have bought: they count in full. */
export async function establishedVoter(): Promise<Prisma.UserWhereInput> {
	const cutoff = new Date(Date.now() - (await getNewVoterHours()) * 3_600_000)
	return { OR: [{ createdAt: { lte: cutoff } }, { orders: { some: { status: 'paid' } } }] }
}

/**
 * Per candidate: votes that count, and votes from new accounts shown apart. Two grouped
 * queries for the whole page, whatever its size.
 */
export async function countVotes(candidateIds: string[]): Promise<Map<string, VoteCount>> {
	const counts = new Map(candidateIds.map((id) => [id, { votes: 0, newVotes: 0 }]))
	if (candidateIds.length === 0) return counts
	const [all, established] = await Promise.all([
		prisma.vote.groupBy({ by: ['candidateId'], where: { candidateId: { in: candidateIds } }, _count: { _all: true } }),
		prisma.vote.groupBy({ by: ['candidateId'], where: { candidateId: { in: candidateIds }, member: await establishedVoter() }, _count: { _all: true } }),
	])
	const settled = new Map(established.map((g) => [g.candidateId, g._count._all]))
	for (const g of all) {
		const votes = settled.get(g.candidateId) ?? 0
		counts.set(g.candidateId, { votes, newVotes: g._count._all - votes })
	}
	return counts
}

/**
 * For the merchant only, labelled as such: each vote weighs 1 plus the voter's paid orders,
 * up to 5, so the circle's buyers speak louder than browsers. Tiers join the weight when
 * membership arrives.
 */
export async function weightedVotes(candidateIds: string[]): Promise<Map<string, number>> {
	const votes = await prisma.vote.findMany({
		where: { candidateId: { in: candidateIds }, member: await establishedVoter() },
		select: { candidateId: true, member: { select: { _count: { select: { orders: { where: { status: 'paid' } } } } } } },
		take: 100_000,
	})
	const weights = new Map<string, number>()
	for (const v of votes) weights.set(v.candidateId, (weights.get(v.candidateId) ?? 0) + 1 + Math.min(v.member._count.orders, 4))
	return weights
}
