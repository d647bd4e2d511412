import { prisma } from '#app/lib/db.server.ts'
import { MAX_ADDRESS_LENGTH } from './limits.ts'

// Sending the goods members win: a draw's physical prize, and whatever a blind box held (every
// box item is goods). The member gives the address; the merchant marks it sent, once.

export const PRIZE_SOURCES = ['draw', 'box'] as const
export type PrizeSource = (typeof PRIZE_SOURCES)[number]
export type PrizeRef = { source: PrizeSource; id: string }

export function parsePrizeRef(source: unknown, id: unknown): PrizeRef | null {
	if (!PRIZE_SOURCES.includes(source as PrizeSource) || typeof id !== 'string' || id.length === 0 || id.length > 64) return null
	return { source: source as PrizeSource, id }
}

/** The winner gives (or corrects) where their prize goes, until it has been sent. */
export async function setShippingAddress(ref: PrizeRef, memberId: string, address: string): Promise<'saved' | 'invalid' | 'notYours'> {
	const text = address.trim()
	if (text.length < 5 || text.length > MAX_ADDRESS_LENGTH) return 'invalid'
	const { count } = ref.source === 'draw'
		? await prisma.draw.updateMany({ where: { id: ref.id, userId: memberId, shippedAt: null, prize: { kind: 'physical' } }, data: { shipTo: text } })
		: await prisma.blindBoxOpening.updateMany({ where: { id: ref.id, userId: memberId, shippedAt: null }, data: { shipTo: text } })
	return count === 1 ? 'saved' : 'notYours'
}

export type ToShip = { source: PrizeSource; id: string; item: string; from: string; createdAt: string; shipTo: string | null; member: { displayName: string; email: string } }

/** Prizes still to send, oldest first (draws and boxes together): the merchant's fulfilment list. */
export async function listToShip(take = 100): Promise<ToShip[]> {
	const limit = Math.min(take, 200)
	const user = { select: { displayName: true, email: true } }
	const [draws, boxes] = await Promise.all([
		prisma.draw.findMany({
			where: { prize: { kind: 'physical' }, shippedAt: null },
			orderBy: { createdAt: 'asc' },
			take: limit,
			select: { id: true, shipTo: true, createdAt: true, prize: { select: { name: true } }, campaign: { select: { title: true } }, user },
		}),
		prisma.blindBoxOpening.findMany({
			where: { shippedAt: null },
			orderBy: { createdAt: 'asc' },
			take: limit,
			select: { id: true, shipTo: true, createdAt: true, item: { select: { name: true } }, pool: { select: { name: true } }, user },
		}),
	])
	return [
		...draws.map((d) => ({ source: 'draw' as const, id: d.id, item: d.prize.name, from: d.campaign.title, createdAt: d.createdAt, shipTo: d.shipTo, member: d.user })),
		...boxes.map((b) => ({ source: 'box' as const, id: b.id, item: b.item.name, from: b.pool.name, createdAt: b.createdAt, shipTo: b.shipTo, member: b.user })),
	]
		.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
		.slice(0, limit)
		.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))
}

/** Marks a prize sent; only once, and only when the winner has given an address. */
export async function markShipped(ref: PrizeRef): Promise<boolean> {
	const where = { id: ref.id, shippedAt: null, shipTo: { not: null } }
	const data = { shippedAt: new Date() }
	const { count } = ref.source === 'draw' ? await prisma.draw.updateMany({ where, data }) : await prisma.blindBoxOpening.updateMany({ where, data })
	return count === 1
}
