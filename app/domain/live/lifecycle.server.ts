import { logAction } from '#app/domain/moderation/audit.server.ts'
import { notifyMany } from '#app/domain/notifications/notifications.server.ts'
import { award } from '#app/domain/points/ledger.server.ts'
import { keepSegmentAudience } from '#app/domain/segments/segments.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { logError } from '#app/lib/log.server.ts'
import type { RoomAccess } from './access.server.ts'
import type { Refusal } from './chat.server.ts'
import { SLOW_MODE_CHOICES, type RoomState, type RoomStatus } from './views.ts'

type Outcome = { ok: true; state: RoomState } | ({ ok: false } & Refusal)

const stateOf = (room: { id: string; status: string; slowModeSeconds: number; membersOnly: boolean }): RoomState => ({
	roomId: room.id,
	status: room.status as RoomStatus,
	slowModeSeconds: room.slowModeSeconds,
	membersOnly: room.membersOnly,
})
const STATE_SELECT = { id: true, status: true, slowModeSeconds: true, membersOnly: true, title: true } as const

/**
 * The host opens the room: it turns live (once; a second press changes nothing) and every
 * subscriber is told. The socket layer hears 'live:state' and updates open pages.
 */
export async function goLive(access: RoomAccess, actorId: string, now = new Date()): Promise<Outcome> {
	if (!access.isHost && !access.canModerate) return { ok: false, error: 'live.notModerator' }
	if (access.room.status === 'ended') return { ok: false, error: 'live.ended' }
	const { count } = await prisma.liveRoom.updateMany({ where: { id: access.room.id, status: 'scheduled' }, data: { status: 'live', startedAt: now } })
	const room = await prisma.liveRoom.findUniqueOrThrow({ where: { id: access.room.id }, select: STATE_SELECT })
	if (count === 1) {
		await logAction({ actorId, action: 'live.start', targetType: 'room', targetId: room.id })
		domainEvents.emit('live:state', stateOf(room))
		void tellSubscribers(room.id, room.title, access.room.segmentId)
	}
	return { ok: true, state: stateOf(room) }
}

// NOTE: sent after the response, a page of subscribers at a time through notifyMany (their
// switches and the weekly cap apply); a room with tens of thousands of subscribers wants a
// queue (noted for the scale-out issue).
async function tellSubscribers(roomId: string, title: string, segmentId: string | null): Promise<void> {
	try {
		let cursor: string | undefined
		for (;;) {
			const page = await prisma.liveSubscription.findMany({
				where: { roomId, ...(cursor ? { userId: { gt: cursor } } : {}) },
				orderBy: { userId: 'asc' },
				take: 200,
				select: { userId: true },
			})
			// A room for one segment is news only to those it is for (a subscriber may have left the segment since).
			const userIds = segmentId ? await keepSegmentAudience(page.map((p) => p.userId), segmentId) : page.map((p) => p.userId)
			await notifyMany(userIds, { kind: 'liveStarted', params: { title }, link: `/live/${roomId}`, keyPrefix: `live:${roomId}:started:` })
			if (page.length < 200) return
			cursor = page.at(-1)!.userId
		}
	} catch (error) {
		logError('live:notify', error, { roomId })
	}
}

/** The room ends: pins come down, a running sale stops, and the page becomes its replay. */
export async function endRoom(access: RoomAccess, actorId: string, now = new Date()): Promise<Outcome> {
	if (!access.isHost && !access.canModerate) return { ok: false, error: 'live.notModerator' }
	const [ended] = await prisma.$transaction([
		prisma.liveRoom.updateMany({ where: { id: access.room.id, status: { not: 'ended' } }, data: { status: 'ended', endedAt: now } }),
		prisma.livePin.updateMany({ where: { roomId: access.room.id, unpinnedAt: null }, data: { unpinnedAt: now } }),
		prisma.flashSale.updateMany({ where: { roomId: access.room.id, stoppedAt: null, closesAt: { gt: now } }, data: { stoppedAt: now } }),
	])
	const room = await prisma.liveRoom.findUniqueOrThrow({ where: { id: access.room.id }, select: STATE_SELECT })
	if (ended.count === 1) {
		await logAction({ actorId, action: 'live.end', targetType: 'room', targetId: room.id })
		domainEvents.emit('live:state', stateOf(room))
	}
	return { ok: true, state: stateOf(room) }
}

export async function updateChatSettings(access: RoomAccess, actorId: string, input: { slowModeSeconds?: number; membersOnly?: boolean }): Promise<Outcome> {
	if (!access.canModerate) return { ok: false, error: 'live.notModerator' }
	if (input.slowModeSeconds !== undefined && !(SLOW_MODE_CHOICES as readonly number[]).includes(input.slowModeSeconds)) {
		return { ok: false, error: 'live.mod.slowModeChoices', params: { choices: SLOW_MODE_CHOICES.join(', ') } }
	}
	const room = await prisma.liveRoom.update({ where: { id: access.room.id }, data: input, select: STATE_SELECT })
	await logAction({ actorId, action: 'live.settings', targetType: 'room', targetId: room.id, detail: input })
	return { ok: true, state: stateOf(room) }
}

/** Points for watching a room for a while (once per room; the rule's daily cap applies). */
export async function rewardWatching(roomId: string, userId: string): Promise<void> {
	try {
		await award({ memberId: userId, trigger: 'live.watched', key: `live:${roomId}:watch:${userId}`, sourceRef: `room:${roomId}` })
	} catch (error) {
		logError('live:reward', error, { roomId, userId })
	}
}
