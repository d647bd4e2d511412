import { memberStandings } from '#app/domain/membership/tiers.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { childBand, type ChildBand, type MemberFacts } from './rules.ts'

export type FactsWithRole = MemberFacts & { role: string }

/**
 * What the segment rules look at, for a page of members: tier, spend and last order from
 * the membership tiers, plus one query each for regions and roles, children and tags (never
 * one per member). Children's bands are worked out from `now`, so they are always today's.
 */
export async function memberFacts(userIds: string[], now = new Date()): Promise<Map<string, FactsWithRole>> {
	const ids = [...new Set(userIds)]
	const facts = new Map<string, FactsWithRole>()
	if (ids.length === 0) return facts
	const [standings, users, children, tags] = await Promise.all([
		memberStandings(ids, now),
		prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, role: true, region: true } }),
		prisma.child.findMany({ where: { userId: { in: ids } }, select: { userId: true, birthYear: true, birthMonth: true } }),
		prisma.memberTag.findMany({ where: { userId: { in: ids } }, select: { userId: true, tag: true } }),
	])
	const bands = new Map<string, Set<ChildBand>>()
	for (const child of children) {
		const band = childBand(child.birthYear, child.birthMonth, now)
		if (!band) continue
		if (!bands.has(child.userId)) bands.set(child.userId, new Set())
		bands.get(child.userId)!.add(band)
	}
	const tagsOf = new Map<string, string[]>()
	for (const { userId, tag } of tags) tagsOf.set(userId, [...(tagsOf.get(userId) ?? []), tag])
	for (const user of users) {
		const standing = standings.get(user.id)
		facts.set(user.id, {
			role: user.role,
			tierId: standing?.tier?.id ?? null,
			spendCents: standing?.spendCents ?? 0,
			lastOrderAt: standing?.lastOrderAt ?? null,
			region: user.region,
			childBands: [...(bands.get(user.id) ?? [])],
			tags: tagsOf.get(user.id) ?? [],
		})
	}
	return facts
}
