import { randomUUID } from 'node:crypto'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import type { PreparedMedia } from '../media/ingest.server.ts'
import { discardMedia } from '../media/ingest.server.ts'
import { auditStatement } from '../moderation/audit.server.ts'
import { canSeeRoom, roomAudienceWhere } from './access.server.ts'
import { cardSelect, toRoomCard, type Viewer } from './room-cards.server.ts'
import { canScheduleRooms, type RoomActor } from './room-hosts.server.ts'
import { checkRoomInput, refuse, type CheckedRoom, type RoomFailure } from './room-input.server.ts'
import { MAX_PAST_PAGE_SIZE, PAST_PAGE_SIZE, type RoomInput, type RoomTab } from './room-schema.ts'
import { COUNTED_ONLY_POSITION, type RoomCard } from './views.ts'

export type RoomSaveResult = { ok: true; id: string } | RoomFailure

const isKnown = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code
const auditDetail = (room: CheckedRoom) => ({ title: room.title, ...room.settled, products: room.productIds, moderators: room.moderatorIds.length, segmentId: room.segmentId })

/** Schedules a room with its featured products, moderators and cover (a stored, unsaved photo); one batch with its audit entry. */
export async function scheduleRoom(actor: RoomActor, input: RoomInput, cover: PreparedMedia | null = null, now = new Date()): Promise<RoomSaveResult> {
	if (!(await canScheduleRooms(actor))) return refuse(403, 'liveConsole.error.notAllowed')
	const checked = await checkRoomInput(actor, input, null, now)
	if (!checked.ok) return checked
	const { room } = checked
	// Made here rather than by the database, so the room and its audit entry commit together.
	const id = randomUUID().replaceAll('-', '')
	await prisma.$transaction([
		prisma.liveRoom.create({
			data: {
				id,
				title: room.title,
				description: room.description,
				...room.settled!,
				segmentId: room.segmentId ?? null,
				products: { create: room.productIds.map((productId, position) => ({ productId, position })) },
				moderators: { create: room.moderatorIds.map((userId) => ({ userId })) },
				...(cover ? { cover: { create: [{ ...cover, uploaderId: actor.id }] } } : {}),
			},
			select: { id: true },
		}),
		auditStatement({ actorId: actor.id, action: 'room.schedule', targetType: 'room', targetId: id, detail: auditDetail(room) }),
	])
	return { ok: true, id }
}

/**
 * Changes a room: everything while it is scheduled; title, description, products,
 * moderators and cover once it is live; nothing once it has ended. A new cover replaces the old.
 */
export async function updateRoom(actor: RoomActor, roomId: string, input: RoomInput, cover: PreparedMedia | null = null, now = new Date()): Promise<RoomSaveResult> {
	if (!(await canScheduleRooms(actor))) return refuse(403, 'liveConsole.error.notAllowed')
	const saved = await prisma.liveRoom.findUnique({
		where: { id: roomId },
		select: { id: true, status: true, hostId: true, startsAt: true, streamUrl: true, products: { where: { position: { lt: COUNTED_ONLY_POSITION } }, select: { productId: true } }, cover: { select: { id: true } } },
	})
	if (!saved) return refuse(404, 'liveConsole.error.notFound')
	if (!hasRole(actor.role, 'merchant') && saved.hostId !== actor.id) return refuse(403, 'liveConsole.error.notAllowed')
	if (saved.status === 'ended') return refuse(409, 'liveConsole.error.ended')
	const checked = await checkRoomInput(actor, input, { ...saved, productIds: saved.products.map((p) => p.productId) }, now)
	if (!checked.ok) return checked
	const { room } = checked
	try {
		await prisma.$transaction([
			// Guarded by the status read above: a room that went live meanwhile refuses the whole batch.
			prisma.liveRoom.update({
				where: { id: roomId, status: saved.status },
				data: { title: room.title, description: room.description, ...room.settled, ...(room.segmentId !== undefined ? { segmentId: room.segmentId } : {}) },
				select: { id: true },
			}),
			// Every product keeps its "want it" count: one taken off the list stays as a counted-only row if it has taps.
			prisma.liveRoomProduct.deleteMany({ where: { roomId, productId: { notIn: room.productIds }, wantCount: 0 } }),
			prisma.liveRoomProduct.updateMany({ where: { roomId, productId: { notIn: room.productIds } }, data: { position: COUNTED_ONLY_POSITION } }),
			...room.productIds.map((productId, position) =>
				prisma.liveRoomProduct.upsert({ where: { roomId_productId: { roomId, productId } }, create: { roomId, productId, position }, update: { position }, select: { productId: true } }),
			),
			prisma.liveModerator.deleteMany({ where: { roomId } }),
			prisma.liveModerator.createMany({ data: room.moderatorIds.map((userId) => ({ roomId, userId })) }),
			...(cover ? [prisma.media.deleteMany({ where: { roomId } }), prisma.media.create({ data: { ...cover, uploaderId: actor.id, roomId }, select: { id: true } })] : []),
			auditStatement({ actorId: actor.id, action: 'room.update', targetType: 'room', targetId: roomId, detail: auditDetail(room) }),
		])
	} catch (error) {
		if (isKnown(error, 'P2025')) return refuse(409, 'liveConsole.error.changed')
		throw error
	}
	if (cover) await discardMedia(saved.cover.map((m) => m.id))
	return { ok: true, id: roomId }
}

const STATUS_OF: Record<RoomTab, string> = { live: 'live', upcoming: 'scheduled', past: 'ended' }
const ORDER_OF: Record<RoomTab, Prisma.LiveRoomOrderByWithRelationInput[]> = {
	live: [{ startedAt: 'desc' }, { id: 'desc' }],
	upcoming: [{ startsAt: 'asc' }, { id: 'asc' }],
	past: [{ endedAt: 'desc' }, { id: 'desc' }],
}

/** A page of the public list: live now, upcoming (soonest first) or past (newest first). */
export async function listRooms(viewer: Viewer, options: { tab: RoomTab; cursor?: string | null; take?: number }): Promise<{ items: RoomCard[]; nextCursor: string | null }> {
	const take = Math.min(Math.max(options.take ?? PAST_PAGE_SIZE, 1), MAX_PAST_PAGE_SIZE)
	const rows = await prisma.liveRoom.findMany({
		// A group's chat is a room too, but it belongs on the group's page, never in this list;
		// a room for a segment is listed only to those it is for.
		where: { status: STATUS_OF[options.tab], groupId: null, ...(await roomAudienceWhere(viewer)) },
		orderBy: ORDER_OF[options.tab],
		take: take + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: cardSelect(viewer),
	})
	const page = rows.slice(0, take)
	return { items: page.map(toRoomCard), nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null }
}

export async function getRoomCard(roomId: string, viewer: Viewer): Promise<RoomCard | null> {
	const row = await prisma.liveRoom.findFirst({ where: { id: roomId, groupId: null }, select: cardSelect(viewer) })
	return row ? toRoomCard(row) : null
}

async function subscriberMaySee(roomId: string, userId: string): Promise<boolean> {
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true } })
	return Boolean(user && (await canSeeRoom(roomId, user)))
}

export type SubscriptionResult = { ok: true; subscribed: boolean; subscribers: number } | { ok: false; status: 404 | 409; error: MessageKey }

/** Be told (or no longer) when a room goes live. Safe to repeat: the (room, member) key holds one row. */
export async function setSubscription(roomId: string, userId: string, on: boolean): Promise<SubscriptionResult> {
	const room = await prisma.liveRoom.findUnique({ where: { id: roomId }, select: { status: true, segmentId: true } })
	if (!room || (room.segmentId && !(await subscriberMaySee(roomId, userId)))) return { ok: false, status: 404, error: 'liveList.error.notFound' }
	if (room.status === 'ended') return { ok: false, status: 409, error: 'liveList.error.ended' }
	if (on) {
		try {
			await prisma.liveSubscription.upsert({ where: { roomId_userId: { roomId, userId } }, create: { roomId, userId }, update: {}, select: { roomId: true } })
		} catch (error) {
			// Two taps racing: the other one inserted the row, which is what this one wanted.
			if (!isKnown(error, 'P2002')) throw error
		}
	} else {
		await prisma.liveSubscription.deleteMany({ where: { roomId, userId } })
	}
	return { ok: true, subscribed: on, subscribers: await prisma.liveSubscription.count({ where: { roomId } }) }
}
