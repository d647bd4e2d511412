import { prisma } from '#app/lib/db.server.ts'
import { inRange, type DateRange } from './range.ts'

/** Buyers read per range at most (one grouped row each). */
const MAX_BUYERS = 50_000
const DAY_MS = 86_400_000

export type Repurchase = {
	buyers: number
	repeaters: number
	/** Repeaters / buyers, 0..1; 0 when nobody bought. */
	rate: number
	/** Median whole-and-fractional days from a member's first to second paid order; null with no repeaters. */
	medianDaysToSecond: number | null
	/** How many repeaters made their second order within 0–7, 8–30, 31–90 and over 90 days. */
	buckets: { label: '0-7' | '8-30' | '31-90' | '90+'; members: number }[]
}

/**
 * Repurchase over the range: members with at least two paid orders placed in it, out of members
 * with at least one. Orders not linked to a member (a guest at the shop) are nobody's repurchase.
 */
export async function repurchase(range: DateRange): Promise<Repurchase> {
	const paid = { status: 'paid', memberId: { not: null }, placedAt: inRange(range) }
	const buyers = await prisma.shopOrder.groupBy({ by: ['memberId'], where: paid, _count: { _all: true }, orderBy: { memberId: 'asc' }, take: MAX_BUYERS })
	const repeaterIds = buyers.filter((b) => b._count._all >= 2).map((b) => b.memberId!)
	// One query for every repeater's orders; only the first two of each are used.
	const orders = repeaterIds.length
		? await prisma.shopOrder.findMany({ where: { ...paid, memberId: { in: repeaterIds } }, select: { memberId: true, placedAt: true }, orderBy: [{ memberId: 'asc' }, { placedAt: 'asc' }] })
		: []
	const firstTwo = new Map<string, Date[]>()
	for (const order of orders) {
		const seen = firstTwo.get(order.memberId!) ?? []
		if (seen.length < 2) seen.push(order.placedAt)
		firstTwo.set(order.memberId!, seen)
	}
	const gaps = [...firstTwo.values()].map(([first, second]) => (second!.getTime() - first!.getTime()) / DAY_MS).sort((a, b) => a - b)
	const count = (min: number, max: number) => gaps.filter((d) => d >= min && d < max).length
	return {
		buyers: buyers.length,
		repeaters: repeaterIds.length,
		rate: buyers.length === 0 ? 0 : repeaterIds.length / buyers.length,
		medianDaysToSecond: median(gaps),
		buckets: [
			{ label: '0-7', members: count(0, 8) },
			{ label: '8-30', members: count(8, 31) },
			{ label: '31-90', members: count(31, 91) },
			{ label: '90+', members: count(91, Number.POSITIVE_INFINITY) },
		],
	}
}

export function median(sorted: number[]): number | null {
	if (sorted.length === 0) return null
	const mid = Math.floor(sorted.length / 2)
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
