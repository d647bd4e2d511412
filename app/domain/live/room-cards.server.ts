import { hasRole } from '#app/domain/accounts/roles.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { RoomActor } from './room-hosts.server.ts'
import { COUNTED_ONLY_POSITION, type RoomCard, type RoomStatus } from './views.ts'

export type Viewer = { id: string; role: string } | null

const MEDIA = { id: true, kind: true, status: true, failureReason: true, width: true, height: true, durationMs: true, placeholder: true, format: true } as const

/** Everything a card shows, in one query for a whole page (Prisma batches the relations). */
export function cardSelect(viewer: Viewer) {
	return {
		id: true,
		title: true,
		description: true,
		status: true,
		startsAt: true,
		startedAt: true,
		endedAt: true,
		host: { select: { id: true, displayName: true } },
		cover: { where: { status: 'ready' }, orderBy: { createdAt: 'desc' }, take: 1, select: MEDIA },
		products: { where: { position: { lt: COUNTED_ONLY_POSITION } }, orderBy: { position: 'asc' }, select: { product: { select: { id: true, name: true, priceCents: true } } } },
		// Only the viewer's own row, if any: "have I subscribed?" without reading everyone's.
		subscriptions: { where: { userId: viewer?.id ?? '' }, select: { userId: true } },
		_count: { select: { subscriptions: true } },
	} satisfies Prisma.LiveRoomSelect
}
type CardRow = Prisma.LiveRoomGetPayload<{ select: ReturnType<typeof cardSelect> }>

export function toRoomCard(row: CardRow): RoomCard {
	return {
		id: row.id,
		title: row.title,
		description: row.description,
		status: row.status as RoomStatus,
		startsAt: row.startsAt.toISOString(),
		startedAt: row.startedAt?.toISOString() ?? null,
		endedAt: row.endedAt?.toISOString() ?? null,
		host: row.host,
		cover: row.cover[0] ?? null,
		subscribed: row.subscriptions.length > 0,
		subscribers: row._count.subscriptions,
		products: row.products.map((p) => p.product),
	}
}

const CONSOLE_MAX = 100

/** The console's table: every room for the merchant, a super-user's own rooms for them; newest start first. */
export async function listConsoleRooms(actor: RoomActor) {
	const rows = await prisma.liveRoom.findMany({
		where: hasRole(actor.role, 'merchant') ? { groupId: null } : { hostId: actor.id, groupId: null },
		orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
		take: CONSOLE_MAX,
		select: { id: true, title: true, status: true, startsAt: true, host: { select: { displayName: true } }, segment: { select: { name: true } }, _count: { select: { subscriptions: true } } },
	})
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		status: r.status as RoomStatus,
		startsAt: r.startsAt.toISOString(),
		host: r.host.displayName,
		audience: r.segment?.name ?? null,
		subscribers: r._count.subscriptions,
	}))
}

/** A room as the edit form shows it, or null when there is none or the actor may not edit it. */
export async function getRoomForEdit(roomId: string, actor: RoomActor) {
	const room = await prisma.liveRoom.findFirst({
		where: { id: roomId, groupId: null },
		select: {
			...cardSelect(actor),
			streamUrl: true,
			segmentId: true,
			moderators: { select: { userId: true } },
		},
	})
	if (!room || !(hasRole(actor.role, 'merchant') || room.host.id === actor.id)) return null
	const moderators = await prisma.user.findMany({ where: { id: { in: room.moderators.map((m) => m.userId) } }, orderBy: { email: 'asc' }, select: { email: true } })
	return { ...toRoomCard(room), streamUrl: room.streamUrl, segmentId: room.segmentId, moderators: moderators.map((m) => m.email) }
}
