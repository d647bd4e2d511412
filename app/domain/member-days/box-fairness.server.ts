import { drawIndex, pickPosition } from '#app/domain/lottery/fairness.server.ts'

// The pick of one blind box, shared by the opening and its verification, so both read the
// pool the same way: the draw engine's HMAC of the seed over the remaining boxes.

export type Guarantee = { every: number | null; position: number | null }

/**
 * The counts this opening picks from: the whole remaining pool, or on a guaranteed turn (the
 * member's every Nth box) only the items at the guaranteed position or better, while any are left.
 */
export function candidatePool(poolBefore: number[], number: number, guarantee: Guarantee): number[] {
	if (!guarantee.every || guarantee.position === null || number % guarantee.every !== 0) return poolBefore
	const better = poolBefore.map((count, position) => (position <= guarantee.position! ? count : 0))
	// Once the better items are gone the guarantee cannot be kept; the box comes from the whole pool.
	return better.some((count) => count > 0) ? better : poolBefore
}

/** The item position this opening gets, from the seed, the pool before it and who opens which box. */
export function boxPosition(seed: string, poolId: string, memberId: string, number: number, poolBefore: number[], guarantee: Guarantee): number {
	const pool = candidatePool(poolBefore, number, guarantee)
	const total = pool.reduce((a, b) => a + b, 0)
	return pickPosition(pool, drawIndex(seed, poolId, memberId, number, total))
}
