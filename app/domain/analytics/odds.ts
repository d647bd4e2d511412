/** One item of a fixed, pre-packed pool (a draw's prize, a blind box's item) against what came out of it. */
export type PrizeOutcome = { prize: string; packed: number; won: number; publishedPct: number; actualPct: number }

/**
 * A packed pool's items against their published odds: the published chance is the item's packed
 * count out of all packed (the pool being fixed), the actual share is what came out as that item
 * out of everything that came out so far. `won` holds the count per item id (missing: none yet).
 */
export function againstOdds(items: { id: string; name: string; total: number }[], won: Map<string, number>): { drawn: number; prizes: PrizeOutcome[] } {
	const packed = items.reduce((sum, i) => sum + i.total, 0)
	const drawn = items.reduce((sum, i) => sum + (won.get(i.id) ?? 0), 0)
	return {
		drawn,
		prizes: items.map((i) => ({
			prize: i.name,
			packed: i.total,
			won: won.get(i.id) ?? 0,
			publishedPct: packed === 0 ? 0 : (100 * i.total) / packed,
			actualPct: drawn === 0 ? 0 : (100 * (won.get(i.id) ?? 0)) / drawn,
		})),
	}
}
