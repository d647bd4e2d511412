import { prisma } from '#app/lib/db.server.ts'
import { verifyOpening } from './open-box.server.ts'

const SHARE_CODE = /^[A-Za-z0-9_-]{8}$/

/**
 * A shared box, public by its share code (the member chose to share it): what it held, its
 * packed odds, and the fairness record; once the day is over, the re-computation from the
 * revealed seed, so anyone can check the box was not picked by hand.
 */
export async function sharedBox(code: string, now = new Date()) {
	if (!SHARE_CODE.test(code)) return null
	const row = await prisma.blindBoxOpening.findUnique({
		where: { shareCode: code },
		select: {
			id: true, userId: true, number: true, poolBefore: true, createdAt: true,
			user: { select: { displayName: true } },
			item: { select: { name: true, total: true, position: true } },
			pool: { select: { id: true, name: true, total: true, seed: true, seedHash: true, memberDay: { select: { title: true, endsAt: true } } } },
		},
	})
	if (!row) return null
	const check = await verifyOpening(row.id, now)
	return {
		member: row.user.displayName,
		item: row.item.name,
		packed: row.item.total,
		total: row.pool.total,
		pool: row.pool.name,
		day: row.pool.memberDay.title,
		openedAt: row.createdAt.toISOString(),
		record: { poolId: row.pool.id, memberId: row.userId, number: row.number, poolBefore: JSON.parse(row.poolBefore) as number[], seedHash: row.pool.seedHash },
		// The seed is in the answer only once verifyOpening says the day is over.
		check: check.verifiable ? { ...check, seed: row.pool.seed } : null,
		revealsAt: row.pool.memberDay.endsAt.toISOString(),
	}
}
