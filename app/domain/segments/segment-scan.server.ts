import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { memberFacts, type FactsWithRole } from './facts.server.ts'
import type { SegmentRules } from './rules.ts'

/** Who can be in a segment: members, not staff (staff see all targeted content anyway). */
export const MEMBER_ROLES = ['customer', 'superuser']
/** Members whose facts are gathered per round: five queries per round, well under SQLite's parameter limit. */
const SCAN_PAGE = 200

/**
 * What SQL can rule out exactly before facts are gathered: a tag rule needs a tag, a child
 * rule a child, an order rule a paid order. Everything else (tiers, spend, regions, bands)
 * is decided on the facts, so this only ever narrows to a superset of the matches.
 */
export function prefilter(rules: SegmentRules | null): Prisma.UserWhereInput {
	const where: Prisma.UserWhereInput[] = [{ role: { in: MEMBER_ROLES } }]
	if (!rules) return where[0]!
	if (rules.tags) where.push({ tags: { some: { tag: { in: rules.tags } } } })
	if (rules.childBands) where.push({ children: { some: {} } })
	if (rules.lastOrderWithinDays !== undefined || rules.noOrderForDays !== undefined || (rules.minSpendYuan ?? 0) > 0) {
		where.push({ orders: { some: { status: 'paid' } } })
	}
	return { AND: where }
}

/**
 * Members in id order from after `cursor`, a page of facts at a time.
 * NOTE: the cost grows with the number of members a segment could hold: a full scan gathers
 * facts for every member the prefilter lets through (about 5 queries per 200 members, so
 * some 250 queries for 10,000 members). That is fine for counts on the console and for
 * paging out a coupon issue; it is why a member's own segments are worked out from their
 * facts alone (segmentIdsOf), never by scanning.
 */
export async function* scanMembers(where: Prisma.UserWhereInput, cursor: string | null, now: Date): AsyncGenerator<{ id: string; facts: FactsWithRole }[]> {
	let after = cursor
	for (;;) {
		const rows = await prisma.user.findMany({
			where: after ? { AND: [where, { id: { gt: after } }] } : where,
			orderBy: { id: 'asc' },
			take: SCAN_PAGE,
			select: { id: true },
		})
		if (rows.length === 0) return
		const facts = await memberFacts(rows.map((r) => r.id), now)
		yield rows.flatMap((r) => {
			const f = facts.get(r.id)
			return f ? [{ id: r.id, facts: f }] : []
		})
		if (rows.length < SCAN_PAGE) return
		after = rows.at(-1)!.id
	}
}
