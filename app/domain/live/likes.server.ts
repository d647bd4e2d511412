import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { COUNTED_ONLY_POSITION, type RoomStatus } from './views.ts'

/** Taps gathered by the socket layer between two ticks: the room's total and, per pinned product, each member's "want it" taps. */
export type LikeBatch = { roomId: string; total: number; wants: Map<string, Map<string, number>> }

/**
 * Saves one tick's taps in one transaction of three statements whatever the crowd: the room's
 * total, each product's total, and each member's taps (the de-duplicated demand) as one
 * multi-row upsert. The same SQL runs on SQLite and PostgreSQL.
 */
export async function saveLikes(batch: LikeBatch): Promise<void> {
	const { roomId } = batch
	const products: [string, number][] = []
	const members: Prisma.Sql[] = []
	for (const [productId, taps] of batch.wants) {
		let sum = 0
		for (const [userId, count] of taps) {
			sum += count
			members.push(Prisma.sql`(${roomId}, ${productId}, ${userId}, ${count})`)
		}
		products.push([productId, sum])
	}
	const statements: Prisma.PrismaPromise<unknown>[] = [prisma.liveRoom.update({ where: { id: roomId }, data: { likeCount: { increment: batch.total } }, select: { id: true } })]
	if (products.length > 0) {
		const rows = products.map(([productId, sum]) => Prisma.sql`(${roomId}, ${productId}, ${COUNTED_ONLY_POSITION}, ${sum})`)
		statements.push(
			prisma.$executeRaw`INSERT INTO "LiveRoomProduct" ("roomId", "productId", "position", "wantCount") VALUES ${Prisma.join(rows)}
				ON CONFLICT ("roomId", "productId") DO UPDATE SET "wantCount" = "LiveRoomProduct"."wantCount" + excluded."wantCount"`,
			prisma.$executeRaw`INSERT INTO "LiveWant" ("roomId", "productId", "userId", "taps") VALUES ${Prisma.join(members)}
				ON CONFLICT ("roomId", "productId", "userId") DO UPDATE SET "taps" = "LiveWant"."taps" + excluded."taps"`,
		)
	}
	await prisma.$transaction(statements)
}

export async function roomStatus(roomId: string): Promise<RoomStatus> {
	const room = await prisma.liveRoom.findUnique({ where: { id: roomId }, select: { status: true } })
	return (room?.status ?? 'ended') as RoomStatus
}

/** The room's totals as stored: what a joining viewer starts from. */
export async function likeTotals(roomId: string): Promise<{ total: number; products: Record<string, number> }> {
	const [room, products] = await Promise.all([
		prisma.liveRoom.findUnique({ where: { id: roomId }, select: { likeCount: true } }),
		prisma.liveRoomProduct.findMany({ where: { roomId, wantCount: { gt: 0 } }, select: { productId: true, wantCount: true } }),
	])
	return { total: room?.likeCount ?? 0, products: Object.fromEntries(products.map((p) => [p.productId, p.wantCount])) }
}

/** Raises the room's peak viewer count when the current count passes it. */
export async function recordViewers(roomId: string, viewers: number): Promise<void> {
	await prisma.liveRoom.updateMany({ where: { id: roomId, peakViewers: { lt: viewers } }, data: { peakViewers: viewers } })
}
