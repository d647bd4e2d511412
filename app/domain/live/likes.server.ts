import { prisma, type Prisma } from '#app/lib/db.server.ts'
import { COUNTED_ONLY_POSITION } from './views.ts'

/** Taps gathered by the socket layer between two ticks: the room's total and, per pinned product, each member's "want it" taps. */
export type LikeBatch = { roomId: string; total: number; wants: Map<string, Map<string, number>> }

/** Saves one tick's taps in one transaction: room total, per-product totals, and each member's taps (the de-duplicated demand). */
export async function saveLikes(batch: LikeBatch): Promise<void> {
	const { roomId } = batch
	const statements: Prisma.PrismaPromise<unknown>[] = [prisma.liveRoom.update({ where: { id: roomId }, data: { likeCount: { increment: batch.total } }, select: { id: true } })]
	for (const [productId, members] of batch.wants) {
		let taps = 0
		for (const [userId, count] of members) {
			taps += count
			statements.push(
				prisma.liveWant.upsert({
					where: { roomId_productId_userId: { roomId, productId, userId } },
					create: { roomId, productId, userId, taps: count },
					update: { taps: { increment: count } },
					select: { roomId: true },
				}),
			)
		}
		statements.push(
			prisma.liveRoomProduct.upsert({
				where: { roomId_productId: { roomId, productId } },
				create: { roomId, productId, position: COUNTED_ONLY_POSITION, wantCount: taps },
				update: { wantCount: { increment: taps } },
				select: { roomId: true },
			}),
		)
	}
	await prisma.$transaction(statements)
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
