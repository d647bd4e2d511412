import { NEW_ACCOUNT_DAYS } from '#app/domain/moderation/rules.server.ts'
import { award } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { badgeHolders, type LiveActor, type RoomAccess } from './access.server.ts'
import { MAX_MESSAGE_CHARS, REPLAY_MESSAGES, type ChatMessage } from './views.ts'

export type Refusal = { error: string; params?: Record<string, string | number> }

const CATCH_UP_MAX = 200
const REMOVED_WINDOW_MS = 30 * 60_000
const DAY_MS = 24 * 3600_000

/**
 * Why this person may not chat now (an i18n key), or null. Flood and slow mode are
 * checked separately, per message. "Members only" lets in established members: an
 * account older than NEW_ACCOUNT_DAYS or with an order from the shop (decision 010).
 */
export async function chatBlocked(access: RoomAccess, actor: LiveActor, now = new Date()): Promise<Refusal | null> {
	if (!actor) return { error: 'live.chat.signIn' }
	if (access.room.status === 'ended') return { error: 'live.chat.ended' }
	if (access.banned) return { error: 'live.chat.banned' }
	if (access.mutedUntil) return { error: 'live.chat.muted', params: { until: access.mutedUntil.toISOString() } }
	if (access.canModerate) return null
	const member = await prisma.user.findUnique({ where: { id: actor.id }, select: { bannedAt: true, createdAt: true, _count: { select: { orders: { where: { status: 'paid' } } } } } })
	if (!member || member.bannedAt) return { error: 'live.chat.accountBanned' }
	if (access.room.membersOnly && now.getTime() - member.createdAt.getTime() < NEW_ACCOUNT_DAYS * DAY_MS && member._count.orders === 0) {
		return { error: 'live.chat.membersOnly', params: { days: NEW_ACCOUNT_DAYS } }
	}
	return null
}

/** Newlines become spaces and control characters go; the text is kept as typed otherwise and always rendered as text. */
export function cleanMessage(raw: string): string {
	return raw.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim()
}

/** Slow mode from the saved messages, so it holds whichever process the member's socket is on. */
async function slowModeWait(access: RoomAccess, userId: string, now: Date): Promise<number> {
	if (!access.room.slowModeSeconds || access.canModerate) return 0
	const last = await prisma.liveMessage.findFirst({ where: { roomId: access.room.id, userId }, orderBy: { id: 'desc' }, select: { createdAt: true } })
	if (!last) return 0
	const wait = last.createdAt.getTime() + access.room.slowModeSeconds * 1000 - now.getTime()
	return Math.max(0, Math.ceil(wait / 1000))
}

/** What is wrong with a message's text, before any other rule; null when it can be sent. */
export function checkBody(raw: string): Refusal | null {
	const body = cleanMessage(raw)
	if (!body) return { error: 'live.chat.empty' }
	if ([...body].length > MAX_MESSAGE_CHARS) return { error: 'live.chat.tooLong', params: { max: MAX_MESSAGE_CHARS } }
	return null
}

/** Saves a message (after every rule but the flood limit, which the socket layer holds) and returns it as sent to the room. */
export async function postMessage(
	access: RoomAccess,
	actor: NonNullable<LiveActor> & { displayName: string },
	raw: string,
	now = new Date(),
): Promise<{ ok: true; message: ChatMessage; first: boolean } | ({ ok: false } & Refusal)> {
	const invalid = checkBody(raw)
	if (invalid) return { ok: false, ...invalid }
	const body = cleanMessage(raw)
	const blocked = await chatBlocked(access, actor, now)
	if (blocked) return { ok: false, ...blocked }
	const wait = await slowModeWait(access, actor.id, now)
	if (wait > 0) return { ok: false, error: 'live.chat.slowMode', params: { seconds: wait } }
	const [message, , earlier] = await prisma.$transaction([
		prisma.liveMessage.create({ data: { roomId: access.room.id, userId: actor.id, body, createdAt: now }, select: { id: true, createdAt: true } }),
		prisma.liveRoom.update({ where: { id: access.room.id }, data: { messageCount: { increment: 1 } }, select: { id: true } }),
		prisma.liveMessage.count({ where: { roomId: access.room.id, userId: actor.id } }),
	])
	const badge = access.isHost ? 'host' : access.canModerate ? 'moderator' : null
	return {
		ok: true,
		first: earlier === 1,
		message: { id: message.id, roomId: access.room.id, userId: actor.id, author: actor.displayName, badge, body, createdAt: message.createdAt.toISOString() },
	}
}

/** Points for a member's first message in a room (the rule's daily cap applies); never fails the message. */
export async function rewardFirstMessage(roomId: string, userId: string): Promise<void> {
	try {
		await award({ memberId: userId, trigger: 'live.firstComment', key: `live:${roomId}:comment:${userId}`, sourceRef: `room:${roomId}` })
	} catch (error) {
		logError('live:reward', error, { roomId, userId })
	}
}

const MESSAGE_SELECT = { id: true, roomId: true, userId: true, body: true, createdAt: true, user: { select: { displayName: true } } } as const
type MessageRow = { id: number; roomId: string; userId: string; body: string; createdAt: Date; user: { displayName: string } }

export async function toChatMessages(roomId: string, rows: MessageRow[]): Promise<ChatMessage[]> {
	if (rows.length === 0) return []
	const { hostId, moderatorIds } = await badgeHolders(roomId)
	return rows.map((row) => ({
		id: row.id,
		roomId: row.roomId,
		userId: row.userId,
		author: row.user.displayName,
		badge: row.userId === hostId ? 'host' : moderatorIds.has(row.userId) ? 'moderator' : null,
		body: row.body,
		createdAt: row.createdAt.toISOString(),
	}))
}

/** The last REPLAY_MESSAGES shown messages, or those after `afterId` (a reconnecting client catching up). */
export async function recentMessages(roomId: string, afterId?: number): Promise<ChatMessage[]> {
	const rows =
		afterId === undefined
			? (await prisma.liveMessage.findMany({ where: { roomId, deletedAt: null }, orderBy: { id: 'desc' }, take: REPLAY_MESSAGES, select: MESSAGE_SELECT })).reverse()
			: await prisma.liveMessage.findMany({ where: { roomId, deletedAt: null, id: { gt: afterId } }, orderBy: { id: 'asc' }, take: CATCH_UP_MAX, select: MESSAGE_SELECT })
	return toChatMessages(roomId, rows)
}

/** Ids removed by moderators lately: a client that was away drops them from what it shows. */
export async function recentlyRemoved(roomId: string, now = new Date()): Promise<number[]> {
	const rows = await prisma.liveMessage.findMany({
		where: { roomId, deletedAt: { gt: new Date(now.getTime() - REMOVED_WINDOW_MS) } },
		select: { id: true },
		take: 500,
	})
	return rows.map((r) => r.id)
}

/** A moderator removes a message for everyone; it stays stored, marked, for the record. */
export async function removeMessage(access: RoomAccess, moderatorId: string, messageId: number): Promise<{ ok: true } | ({ ok: false } & Refusal)> {
	if (!access.canModerate) return { ok: false, error: 'live.notModerator' }
	const { count } = await prisma.liveMessage.updateMany({
		where: { id: messageId, roomId: access.room.id, deletedAt: null },
		data: { deletedAt: new Date(), deletedById: moderatorId },
	})
	if (count === 0) {
		const exists = await prisma.liveMessage.findFirst({ where: { id: messageId, roomId: access.room.id }, select: { id: true } })
		if (!exists) return { ok: false, error: 'live.chat.noMessage' }
	}
	return { ok: true }
}

/** Every shown message of a room in order, for the replay (capped; a replay longer than this shows its first part). */
export async function replayMessages(roomId: string, take = 2000): Promise<ChatMessage[]> {
	const rows = await prisma.liveMessage.findMany({ where: { roomId, deletedAt: null }, orderBy: { id: 'asc' }, take, select: MESSAGE_SELECT })
	return toChatMessages(roomId, rows)
}
