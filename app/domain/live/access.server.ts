import { hasRole } from '#app/domain/accounts/roles.ts'
import { isInSegment, segmentIdsOf } from '#app/domain/segments/segments.server.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { RoomStatus } from './views.ts'

export type LiveActor = { id: string; role: string | null } | null

export type RoomAccess = {
	room: { id: string; title: string; hostId: string; status: RoomStatus; startedAt: Date | null; slowModeSeconds: number; membersOnly: boolean; groupId: string | null; segmentId: string | null }
	/** False for a group's chat when the person is not one of its members (nor staff): they may not even read it. */
	allowed: boolean
	isHost: boolean
	/** The host, the merchant, and members named as the room's moderators. */
	canModerate: boolean
	banned: boolean
	mutedUntil: Date | null
}

const ROOM_SELECT = { id: true, title: true, hostId: true, status: true, startedAt: true, slowModeSeconds: true, membersOnly: true, groupId: true, segmentId: true } as const

const isStaff = (actor: LiveActor) => Boolean(actor?.role && hasRole(actor.role, 'merchant'))

/**
 * Whether a room aimed at a segment exists for this person: for its members, its host and
 * moderators, and staff. For anyone else it is "not found", on the page, the list and the socket alike.
 */
async function inAudience(room: { segmentId: string | null; hostId: string }, actor: LiveActor, moderator: boolean, now: Date): Promise<boolean> {
	if (!room.segmentId || isStaff(actor)) return true
	if (!actor) return false
	return actor.id === room.hostId || moderator || isInSegment(actor.id, room.segmentId, now)
}

/** The public list's filter: rooms for everyone, for the viewer's segments, and the viewer's own. */
export async function roomAudienceWhere(viewer: LiveActor, now = new Date()): Promise<Prisma.LiveRoomWhereInput> {
	if (isStaff(viewer)) return {}
	const segmentIds = viewer?.role ? await segmentIdsOf({ id: viewer.id, role: viewer.role }, now) : new Set<string>()
	const open: Prisma.LiveRoomWhereInput[] = [{ segmentId: null }]
	if (segmentIds !== 'all' && segmentIds.size) open.push({ segmentId: { in: [...segmentIds] } })
	if (viewer) open.push({ hostId: viewer.id }, { moderators: { some: { userId: viewer.id } } })
	return { OR: open }
}

/** Whether a viewer may see a room at all (e.g. its cover photo); false when there is no such room. */
export async function canSeeRoom(roomId: string, actor: LiveActor, now = new Date()): Promise<boolean> {
	const [room, moderator] = await Promise.all([
		prisma.liveRoom.findUnique({ where: { id: roomId }, select: { segmentId: true, hostId: true } }),
		actor ? prisma.liveModerator.findUnique({ where: { roomId_userId: { roomId, userId: actor.id } }, select: { userId: true } }) : null,
	])
	return Boolean(room && (await inAudience(room, actor, Boolean(moderator), now)))
}

/** The room and what this person may do in it, in one round of queries; null when there is no such room (or it is not for them). */
export async function roomAccess(roomId: string, actor: LiveActor, now = new Date()): Promise<RoomAccess | null> {
	const [room, moderator, restrictions] = await Promise.all([
		prisma.liveRoom.findUnique({ where: { id: roomId }, select: ROOM_SELECT }),
		actor ? prisma.liveModerator.findUnique({ where: { roomId_userId: { roomId, userId: actor.id } }, select: { userId: true } }) : null,
		actor ? prisma.liveRestriction.findMany({ where: { roomId, userId: actor.id }, select: { kind: true, until: true } }) : [],
	])
	if (!room || !(await inAudience(room, actor, Boolean(moderator), now))) return null
	const isHost = actor?.id === room.hostId
	const staff = isStaff(actor)
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
