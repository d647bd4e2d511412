import { hasRole } from '#app/domain/accounts/roles.ts'
import type { PreparedMedia } from '#app/domain/media/ingest.server.ts'
import { auditStatement } from '#app/domain/moderation/audit.server.ts'
import { MEDIA_VIEW_SELECT } from '#app/domain/live/pins.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { groupStanding, type GroupViewer } from './membership.server.ts'
import type { GroupInput } from './schemas.ts'

export type GroupRefusal = { ok: false; error: MessageKey; field?: string; params?: Record<string, string | number>; status?: 403 | 404 | 409 }

/** Who may start a group: super-users (the merchant's trusted members) and the merchant. */
export const mayCreateGroups = (viewer: GroupViewer) => Boolean(viewer && hasRole(viewer.role, 'superuser'))

/**
 * A super-user starts a group: the group, its leader's membership (the first of its cap), its
 * chat room (a live room that belongs to the group: always open, members only, no video),
 * the cover and the audit entry, in one transaction.
 */
export async function createGroup(actor: NonNullable<GroupViewer>, input: GroupInput, cover: PreparedMedia[], now = new Date()): Promise<{ ok: true; id: string } | GroupRefusal> {
	if (!mayCreateGroups(actor)) return { ok: false, error: 'groups.error.notSuperuser', status: 403 }
	const id = `g${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`
	await prisma.$transaction([
		prisma.group.create({
			data: {
				id,
				leaderId: actor.id,
				...input,
				memberCount: 1,
				members: { create: { userId: actor.id, role: 'leader', joinedAt: now } },
				room: { create: { title: input.name, hostId: actor.id, streamUrl: '', startsAt: now, startedAt: now, status: 'live' } },
				cover: { create: cover.map((m) => ({ ...m, uploaderId: actor.id })) },
			},
			select: { id: true },
		}),
		auditStatement({ actorId: actor.id, action: 'group.create', targetType: 'group', targetId: id, detail: { name: input.name, visibility: input.visibility } }),
	])
	return { ok: true, id }
}

/** The leader (or the merchant) changes the group; the cap never drops below the members it has. */
export async function updateGroup(actor: NonNullable<GroupViewer>, groupId: string, input: GroupInput, cover: PreparedMedia[]): Promise<{ ok: true; id: string } | GroupRefusal> {
	const standing = await groupStanding(groupId, actor)
	if (!standing.staff && standing.role !== 'leader') return { ok: false, error: 'groups.error.leaderOnly', status: 403 }
	const group = await prisma.group.findUnique({ where: { id: groupId }, select: { memberCount: true } })
	if (!group) return { ok: false, error: 'groups.error.notFound', status: 404 }
	if (input.memberCap < group.memberCount) return { ok: false, error: 'groups.error.capBelowMembers', field: 'memberCap', params: { count: group.memberCount } }
	await prisma.$transaction([
		...(cover.length ? [prisma.media.deleteMany({ where: { groupId } })] : []),
		prisma.group.update({
			where: { id: groupId },
			data: { ...input, cover: { create: cover.map((m) => ({ ...m, uploaderId: actor.id })) }, room: { update: { title: input.name } } },
			select: { id: true },
		}),
		auditStatement({ actorId: actor.id, action: 'group.update', targetType: 'group', targetId: groupId, detail: { name: input.name, visibility: input.visibility, memberCap: input.memberCap } }),
	])
	return { ok: true, id: groupId }
}

/** The leader pins an announcement at the top of the group (empty text takes it down). */
export async function setAnnouncement(actor: NonNullable<GroupViewer>, groupId: string, text: string, now = new Date()): Promise<{ ok: true } | GroupRefusal> {
	const standing = await groupStanding(groupId, actor)
	if (!standing.manages) return { ok: false, error: 'groups.error.managersOnly', status: 403 }
	await prisma.$transaction([
		prisma.group.update({ where: { id: groupId }, data: { announcement: text || null, announcedAt: text ? now : null }, select: { id: true } }),
		auditStatement({ actorId: actor.id, action: text ? 'group.announce' : 'group.unannounce', targetType: 'group', targetId: groupId }),
	])
	return { ok: true }
}

const CARD_SELECT = {
	id: true,
	name: true,
	description: true,
	visibility: true,
	memberCap: true,
	memberCount: true,
	announcement: true,
	announcedAt: true,
	createdAt: true,
	leader: { select: { id: true, displayName: true, profileLine: true } },
	cover: { where: { status: 'ready' }, take: 1, select: MEDIA_VIEW_SELECT },
	room: { select: { id: true } },
} as const

type CardRow = {
	id: string
	name: string
	description: string
	visibility: string
	memberCap: number
	memberCount: number
	announcement: string | null
	announcedAt: Date | null
	createdAt: Date
	leader: { id: string; displayName: string; profileLine: string | null }
	cover: GroupCard['cover'][]
	room: { id: string } | null
}

export type GroupCard = {
	id: string
	name: string
	description: string
	visibility: 'public' | 'invite'
	memberCap: number
	memberCount: number
	leader: { id: string; displayName: string; profileLine: string | null }
	cover: { id: string; kind: string; status: string; failureReason: string | null; width: number | null; height: number | null; durationMs: number | null; placeholder: string | null; format: string } | null
}

const toCard = (row: CardRow): GroupCard => ({
	id: row.id,
	name: row.name,
	description: row.description,
	visibility: row.visibility as GroupCard['visibility'],
	memberCap: row.memberCap,
	memberCount: row.memberCount,
	leader: row.leader,
	cover: row.cover[0] ?? null,
})

/** The groups page: the viewer's own groups, then public groups to discover (largest first). */
export async function listGroups(viewer: GroupViewer): Promise<{ mine: GroupCard[]; discover: GroupCard[] }> {
	const [mine, discover] = await Promise.all([
		viewer ? prisma.group.findMany({ where: { members: { some: { userId: viewer.id, status: 'active' } } }, orderBy: { createdAt: 'desc' }, take: 50, select: CARD_SELECT }) : [],
		prisma.group.findMany({
			where: { visibility: 'public', ...(viewer ? { members: { none: { userId: viewer.id, status: 'active' } } } : {}) },
			orderBy: [{ memberCount: 'desc' }, { createdAt: 'desc' }],
			take: 50,
			select: CARD_SELECT,
		}),
	])
	return { mine: mine.map(toCard), discover: discover.map(toCard) }
}

/**
 * A group as its page shows it, with the viewer's standing. An invite-only group shows its
 * name and leader to everyone (so an invitee knows what they join) but its feed, chat and
 * members only to members and staff: `canRead`.
 */
export async function getGroupPage(groupId: string, viewer: GroupViewer) {
	const [row, standing] = await Promise.all([prisma.group.findUnique({ where: { id: groupId }, select: CARD_SELECT }), groupStanding(groupId, viewer)])
	if (!row) return null
	const canRead = row.visibility === 'public' || standing.staff || standing.role !== null
	return {
		group: toCard(row),
		announcement: canRead && row.announcement ? { text: row.announcement, at: row.announcedAt?.toISOString() ?? null } : null,
		roomId: standing.role || standing.staff ? (row.room?.id ?? null) : null,
		standing,
		canRead,
	}
}
