import { prisma } from '#app/lib/db.server.ts'
import { COUNTED_ONLY_POSITION, type ProductDemand, type RoomStatus, type RoomSummary } from './views.ts'

/**
 * Share of the members who tapped "want it" but claimed none of the product that the
 * forecast counts on: merchants who sell live stock about half the likes.
 */
export const FORECAST_WANT_SHARE = 0.5

type Product = { id: string; name: string; priceCents: number }

/** What a room did, for the merchant: a few queries for the whole room, none per product. */
export async function roomSummary(roomId: string): Promise<RoomSummary | null> {
	const [room, kept, deleted, wants, sales, tallies] = await Promise.all([
		prisma.liveRoom.findUnique({
			where: { id: roomId },
			select: {
				id: true, title: true, status: true, startedAt: true, endedAt: true, peakViewers: true, likeCount: true,
				products: { orderBy: { position: 'asc' }, select: { position: true, wantCount: true, product: { select: { id: true, name: true, priceCents: true } } } },
				pins: { distinct: ['productId'], orderBy: { pinnedAt: 'asc' }, select: { product: { select: { id: true, name: true, priceCents: true } } } },
			},
		}),
		prisma.liveMessage.count({ where: { roomId, deletedAt: null } }),
		prisma.liveMessage.count({ where: { roomId, deletedAt: { not: null } } }),
		prisma.liveWant.findMany({ where: { roomId, taps: { gt: 0 } }, select: { productId: true, userId: true, taps: true } }),
		prisma.flashSale.findMany({
			where: { roomId },
			// NOTE: ids break ties, or two sales opening together come back in either order on PostgreSQL.
			orderBy: [{ opensAt: 'asc' }, { id: 'asc' }],
			select: {
				id: true, productId: true, priceCents: true, stock: true, remaining: true, opensAt: true, closesAt: true, stoppedAt: true,
				product: { select: { name: true, priceCents: true } },
				// A tally row exists only for a member who claimed (its CHECK keeps claimed > 0).
				_count: { select: { tallies: true } },
			},
		}),
		prisma.flashTally.findMany({ where: { sale: { roomId } }, select: { memberId: true, sale: { select: { productId: true } } } }),
	])
	if (!room) return null

	const products = new Map<string, Product>()
	for (const p of [...room.products.map((r) => r.product), ...room.pins.map((r) => r.product), ...sales.map((s) => ({ id: s.productId, ...s.product }))]) {
		if (!products.has(p.id)) products.set(p.id, p)
	}
	const wantCount = new Map(room.products.map((r) => [r.product.id, r.wantCount]))
	const featured = new Set(room.products.filter((r) => r.position < COUNTED_ONLY_POSITION).map((r) => r.product.id))
	const pinned = new Set(room.pins.map((r) => r.product.id))
	const claimersOf = groupSets(tallies.map((t) => [t.sale.productId, t.memberId]))
	const wantersOf = groupSets(wants.map((w) => [w.productId, w.userId]))

	return {
		room: {
			id: room.id, title: room.title, status: room.status as RoomStatus, peakViewers: room.peakViewers, likeCount: room.likeCount,
			startedAt: room.startedAt?.toISOString() ?? null, endedAt: room.endedAt?.toISOString() ?? null,
		},
		messages: { kept, deleted },
		products: [...products.values()].map((p): ProductDemand => {
			const claimers = claimersOf.get(p.id) ?? new Set()
			const wanters = wantersOf.get(p.id) ?? new Set()
			const claimedUnits = sales.filter((s) => s.productId === p.id).reduce((sum, s) => sum + s.stock - s.remaining, 0)
			const idleWanters = [...wanters].filter((id) => !claimers.has(id)).length
			return {
				...p,
				featured: featured.has(p.id),
				pinned: pinned.has(p.id),
				wantTaps: wantCount.get(p.id) ?? wants.filter((w) => w.productId === p.id).reduce((sum, w) => sum + w.taps, 0),
				wantMembers: wanters.size,
				claimedUnits,
				claimers: claimers.size,
				idleWanters,
				forecast: claimedUnits + Math.round(FORECAST_WANT_SHARE * idleWanters),
			}
		}),
		sales: sales.map((s) => ({
			id: s.id, productId: s.productId, productName: s.product.name, priceCents: s.priceCents, stock: s.stock,
			claimed: s.stock - s.remaining, claimers: s._count.tallies,
			opensAt: s.opensAt.toISOString(), closesAt: s.closesAt.toISOString(), stoppedAt: s.stoppedAt?.toISOString() ?? null,
		})),
	}
}

function groupSets(pairs: [string, string][]): Map<string, Set<string>> {
	const groups = new Map<string, Set<string>>()
	for (const [key, value] of pairs) {
		let set = groups.get(key)
		if (!set) groups.set(key, (set = new Set()))
		set.add(value)
	}
	return groups
}
