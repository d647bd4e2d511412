import { createHash, createHmac, randomBytes } from 'node:crypto'

/** A fresh secret seed and its commitment (published before the draw opens). */
export function newSeed(): { seed: string; seedHash: string } {
	const seed = randomBytes(32).toString('hex')
	return { seed, seedHash: hashSeed(seed) }
}

export function hashSeed(seed: string): string {
	return createHash('sha256').update(seed).digest('hex')
}

const RANGE = 2n ** 52n

/**
 * The draw's number in [0, total): HMAC-SHA256(seed, "campaign:member:number"), read as
 * a 52-bit integer; values past the largest multiple of total are re-hashed (with a
 * counter) instead of folded, so there is no modulo bias.
 */
export function drawIndex(seed: string, campaignId: string, memberId: string, number: number, total: number): number {
	if (!Number.isInteger(total) || total <= 0) throw new RangeError('total must be a positive integer')
	const n = BigInt(total)
	const limit = (RANGE / n) * n
	for (let round = 0; ; round++) {
		const message = round === 0 ? `${campaignId}:${memberId}:${number}` : `${campaignId}:${memberId}:${number}:${round}`
		const digest = createHmac('sha256', Buffer.from(seed, 'hex')).update(message).digest()
		const value = digest.readBigUInt64BE(0) >> 12n
		if (value < limit) return Number(value % n)
	}
}

/** The prize position the index falls on, walking the pool in position order. */
export function pickPosition(pool: number[], index: number): number {
	let edge = 0
	for (let position = 0; position < pool.length; position++) {
		edge += pool[position]!
		if (index < edge) return position
	}
	throw new RangeError('index beyond the pool')
}
