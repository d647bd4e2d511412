import { prisma } from '#app/lib/db.server.ts'
import type { RoomAccess } from './access.server.ts'
import type { Refusal } from './chat.server.ts'
import { COUNTED_ONLY_POSITION, MAX_PINS, type PinView } from './views.ts'

export const MEDIA_VIEW_SELECT = { id: true, kind: true, status: true, failureReason: true, width: true, height: true, durationMs: true, placeholder: true, format: true } as const

const PIN_SELECT = {
	productId: true,
	pinnedAt: true,
	product: {
		select: {
			name: true,
			priceCents: true,
			media: { where: { status: 'ready', kind: 'image' }, orderBy: { position: 'asc' }, take: 1, select: MEDIA_VIEW_SELECT },
		},
	},
} as const

type PinRow = { productId: string; pinnedAt: Date; product: { name: string; priceCents: number; media: PinView['image'][] } }
const toPinView = (row: PinRow): PinView => ({
	productId: row.productId,
	name: row.product.name,
	priceCents: row.product.priceCents,
	image: row.product.media[0] ?? null,
	pinnedAt: row.pinnedAt.toISOString(),
})

/** The products on screen now, oldest pin first. */
export async function currentPins(roomId: string): Promise<PinView[]> {
	const rows = await prisma.livePin.findMany({ where: { roomId, unpinnedAt: null }, orderBy: { pinnedAt: 'asc' }, take: MAX_PINS, select: PIN_SELECT })
	return rows.map(toPinView)
}

/** Every pinning of a room with its start and end, for the replay's timeline. */
export async function pinHistory(roomId: string): Promise<(PinView & { unpinnedAt: string | null })[]> {
	const rows = await prisma.livePin.findMany({ where: { roomId }, orderBy: { pinnedAt: 'asc' }, take: 200, select: { ...PIN_SELECT, unpinnedAt: true } })
	return rows.map((row) => ({ ...toPinView(row), unpinnedAt: row.unpinnedAt?.toISOString() ?? null }))
}

/**
 * Pins or unpins an active product. At most MAX_PINS at once: a pin that would make one too
 * many (two hosts racing) is taken back, so the room never shows four.
 */
export async function setPin(access: RoomAccess, productId: string, pinned: boolean, now = new Date()): Promise<{ ok: true; pins: PinView[] } | ({ ok: false } & Refusal)> {
	if (!access.canModerate) return { ok: false, error: 'live.notModerator' }
	if (access.room.status === 'ended') return { ok: false, error: 'live.ended' }
	const roomId = access.room.id
	if (!pinned) {
		await prisma.livePin.updateMany({ where: { roomId, productId, unpinnedAt: null }, data: { unpinnedAt: now } })
		return { ok: true, pins: await currentPins(roomId) }
	}
	const product = await prisma.product.findUnique({ where: { id: productId }, select: { status: true } })
	if (!product || product.status !== 'active') return { ok: false, error: 'live.pin.noProduct' }
	const active = await prisma.livePin.findMany({ where: { roomId, unpinnedAt: null }, select: { productId: true } })
	if (active.some((p) => p.productId === productId)) return { ok: true, pins: await currentPins(roomId) }
	if (active.length >= MAX_PINS) return { ok: false, error: 'live.pin.full', params: { max: MAX_PINS } }
	const [pin] = await prisma.$transaction([
		prisma.livePin.create({ data: { roomId, productId, pinnedAt: now }, select: { id: true } }),
		// A product pinned in a room counts among its featured products, so its taps are kept.
		prisma.liveRoomProduct.upsert({ where: { roomId_productId: { roomId, productId } }, create: { roomId, productId, position: COUNTED_ONLY_POSITION }, update: {} }),
	])
	const after = await prisma.livePin.findMany({ where: { roomId, unpinnedAt: null }, orderBy: [{ pinnedAt: 'asc' }, { id: 'asc' }], select: { id: true } })
	if (after.slice(MAX_PINS).some((p) => p.id === pin.id)) {
		await prisma.livePin.delete({ where: { id: pin.id } })
		return { ok: false, error: 'live.pin.full', params: { max: MAX_PINS } }
	}
	return { ok: true, pins: await currentPins(roomId) }
}

/** Whether a product is pinned in the room now: "want it" taps and flash sales need it. */
export async function isPinned(roomId: string, productId: string): Promise<boolean> {
	return Boolean(await prisma.livePin.findFirst({ where: { roomId, productId, unpinnedAt: null }, select: { id: true } }))
}
