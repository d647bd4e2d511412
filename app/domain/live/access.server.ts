import { hasRole } from '#app/domain/accounts/roles.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { RoomStatus } from './views.ts'

export type LiveActor = { id: string; role: string | null } | null

export type RoomAccess = {
	room: { id: string; title: string; hostId: string; status: RoomStatus; startedAt: Date | null; slowModeSeconds: number; membersOnly: boolean; groupId: string | null }
	/** False for a group's chat when the person is not one of its members (nor staff): they may not even read it. */
	allowed: boolean
	isHost: boolean
	/** The host, the merchant, and members named as the room's moderators. */
	canModerate: boolean
	banned: boolean
	mutedUntil: Date | null
}

const ROOM_SELECT = { id: true, title: true, hostId: true, status: true, startedAt: true, slowModeSeconds: true, membersOnly: true, groupId: true } as const

/** The room and what this person may do in it, in one round of queries; null when there is no such room. */
export async function roomAccess(roomId: string, actor: LiveActor, now = new Date()): Promise<RoomAccess | null> {
	const [room, moderator, restrictions] = await Promise.all([
		prisma.liveRoom.findUnique({ where: { id: roomId }, select: ROOM_SELECT }),
		actor ? prisma.liveModerator.findUnique({ where: { roomId_userId: { roomId, userId: actor.id } }, select: { userId: true } }) : null,
		actor ? prisma.liveRestriction.findMany({ where: { roomId, userId: actor.id }, select: { kind: true, until: true } }) : [],
	])
	if (!room) return null
	const isHost = actor?.id === room.hostId
	const staff = Boolean(actor?.role && hasRole(actor.role, 'merchant'))
	// A group's chat is its members' (and the merchant's, who stands above every leader).
	const allowed = !room.groupId || staff || Boolean(actor && (await prisma.groupMember.count({ where: { groupId: room.groupId, userId: actor.id, status: 'active' } })))
	const mute = restrictions.find((r) => r.kind === 'mute' && r.until && r.until > now)
	return {
		room: { ...room, status: room.status as RoomStatus },
		allowed,
		isHost,
		canModerate: isHost || staff || Boolean(moderator),
		banned: restrictions.some((r) => r.kind === 'ban'),
		mutedUntil: mute?.until ?? null,
	}
}

type Badges = { hostId: string; moderatorIds: Set<string> }
const BADGES_TTL_MS = 10_000
const badgeCache = new Map<string, { at: number; badges: Promise<Badges> }>()

/**
 * Who wears a badge in the chat: the host, then anyone else who may moderate. Every join
 * asks, so it is kept for BADGES_TTL_MS per room; a new moderator's badge shows within that
 * (their rights are checked fresh on every action, never from here).
 */
export function badgeHolders(roomId: string, now = Date.now()): Promise<Badges> {
	const cached = badgeCache.get(roomId)
	if (cached && now - cached.at < BADGES_TTL_MS) return cached.badges
	if (badgeCache.size > 1000) badgeCache.clear()
	const badges = Promise.all([
		prisma.liveRoom.findUniqueOrThrow({ where: { id: roomId }, select: { hostId: true } }),
		prisma.liveModerator.findMany({ where: { roomId }, select: { userId: true } }),
		prisma.user.findMany({ where: { role: 'merchant' }, select: { id: true }, take: 50 }),
	]).then(([room, moderators, staff]) => ({ hostId: room.hostId, moderatorIds: new Set([...moderators.map((m) => m.userId), ...staff.map((s) => s.id)]) }))
	badges.catch(() => badgeCache.delete(roomId))
	badgeCache.set(roomId, { at: now, badges })
	return badges
}
