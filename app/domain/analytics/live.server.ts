import { prisma } from '#app/lib/db.server.ts'
import { inRange, type DateRange } from './range.ts'

const MAX_ROOMS = 20

export type RoomSales = { room: string; likes: number; units: number; salesCents: number }

/** The latest 20 live rooms that started in the range (group chats are not shows): likes against flash-sale units claimed and their value. */
export async function liveLikesVsSales(range: DateRange): Promise<RoomSales[]> {
	const rooms = await prisma.liveRoom.findMany({
		where: { groupId: null, startsAt: inRange(range) },
		select: { id: true, title: true, likeCount: true, sales: { select: { id: true, priceCents: true } } },
		orderBy: { startsAt: 'desc' },
		take: MAX_ROOMS,
	})
	const saleIds = rooms.flatMap((r) => r.sales.map((s) => s.id))
	const claimed = saleIds.length ? await prisma.flashClaim.groupBy({ by: ['saleId'], where: { saleId: { in: saleIds } }, _sum: { quantity: true } }) : []
	const units = new Map(claimed.map((c) => [c.saleId, c._sum.quantity ?? 0]))
	return rooms.map((room) => ({
		room: room.title,
		likes: room.likeCount,
		units: room.sales.reduce((sum, s) => sum + (units.get(s.id) ?? 0), 0),
		salesCents: room.sales.reduce((sum, s) => sum + (units.get(s.id) ?? 0) * s.priceCents, 0),
	}))
}
