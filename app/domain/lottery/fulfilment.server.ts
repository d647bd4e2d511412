import { prisma } from '#app/lib/db.server.ts'
import { MAX_ADDRESS_LENGTH } from './limits.ts'

/** The winner gives (or corrects) where a physical prize goes, until it has been sent. */
export async function setShippingAddress(drawId: string, memberId: string, address: string): Promise<'saved' | 'invalid' | 'notYours'> {
	const text = address.trim()
	if (text.length < 5 || text.length > MAX_ADDRESS_LENGTH) return 'invalid'
	const { count } = await prisma.draw.updateMany({
		where: { id: drawId, userId: memberId, shippedAt: null, prize: { kind: 'physical' } },
		data: { shipTo: text },
	})
	return count === 1 ? 'saved' : 'notYours'
}

/** Physical prizes still to send, oldest first: the merchant's fulfilment list. */
export async function listToShip(take = 100) {
	const rows = await prisma.draw.findMany({
		where: { prize: { kind: 'physical' }, shippedAt: null },
		orderBy: { createdAt: 'asc' },
		take: Math.min(take, 200),
		select: { id: true, shipTo: true, createdAt: true, prize: { select: { name: true } }, campaign: { select: { title: true } }, user: { select: { displayName: true, email: true } } },
	})
	return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))
}

/** Marks a prize sent; only once, and only when the winner has given an address. */
export async function markShipped(drawId: string): Promise<boolean> {
	const { count } = await prisma.draw.updateMany({ where: { id: drawId, shippedAt: null, shipTo: { not: null } }, data: { shippedAt: new Date() } })
	return count === 1
}
