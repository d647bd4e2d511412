import { prisma } from '#app/lib/db.server.ts'

export type TierShare = { tier: string; members: number }

/**
 * Members per tier now (a snapshot: the range does not apply). A member without a tier row has
 * not been evaluated yet (no orders), which puts them in the first tier, where they are counted.
 */
export async function tierDistribution(): Promise<TierShare[]> {
	const [tiers, counts, customers, withRow] = await Promise.all([
		prisma.tier.findMany({ select: { id: true, name: true }, orderBy: { position: 'asc' }, take: 50 }),
		prisma.memberTier.groupBy({ by: ['tierId'], where: { user: { role: 'customer' } }, _count: { _all: true } }),
		prisma.user.count({ where: { role: 'customer' } }),
		prisma.memberTier.count({ where: { user: { role: 'customer' } } }),
	])
	const byTier = new Map(counts.map((c) => [c.tierId, c._count._all]))
	return tiers.map((tier, i) => ({ tier: tier.name, members: (byTier.get(tier.id) ?? 0) + (i === 0 ? customers - withRow : 0) }))
}
