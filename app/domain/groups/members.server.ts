import { randomBytes } from 'node:crypto'
import { auditStatement } from '#app/domain/moderation/audit.server.ts'
import { notify } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { GroupRefusal } from './groups.server.ts'
import { groupStanding, type GroupViewer } from './membership.server.ts'

type Member = NonNullable<GroupViewer>
type Done = { ok: true } | GroupRefusal

/**
 * Seats a member in one batch: the group's count goes up (its CHECK refuses a full group, so
 * racing joins can never overfill it) and the membership row is created, or a waiting request
 * turned active. A second join of the same member fails on the primary key and changes nothing.
 */
async function seat(groupId: string, userId: string, fromRequest: boolean, now: Date): Promise<Done> {
	try {
		await prisma.$transaction([
			prisma.group.update({ where: { id: groupId }, data: { memberCount: { increment: 1 } }, select: { id: true } }),
			fromRequest
				? prisma.groupMember.update({ where: { groupId_userId: { groupId, userId }, status: 'requested' }, data: { status: 'active', joinedAt: now }, select: { userId: true } })
				: prisma.groupMember.create({ data: { groupId, userId, role: 'member', status: 'active', joinedAt: now }, select: { userId: true } }),
		])
		return { ok: true }
	} catch {
		const [group, row] = await Promise.all([
			prisma.group.findUnique({ where: { id: groupId }, select: { memberCount: true, memberCap: true } }),
			prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { status: true } }),
		])
		if (!group) return { ok: false, error: 'groups.error.notFound', status: 404 }
		if (row?.status === 'active') return { ok: false, error: 'groups.error.alreadyMember', status: 409 }
		if (group.memberCount >= group.memberCap) return { ok: false, error: 'groups.error.full', params: { cap: group.memberCap }, status: 409 }
		return { ok: false, error: 'groups.error.busy', status: 409 }
	}
}

/** A new invite link for the group (leader, helpers, the merchant). */
export async function createInvite(actor: Member, groupId: string): Promise<({ ok: true } & { token: string }) | GroupRefusal> {
	if (!(await groupStanding(groupId, actor)).manages) return { ok: false, error: 'groups.error.managersOnly', status: 403 }
	const token = randomBytes(12).toString('base64url')
	await prisma.$transaction([
		prisma.groupInvite.create({ data: { groupId, token, createdById: actor.id }, select: { id: true } }),
		auditStatement({ actorId: actor.id, action: 'group.invite', targetType: 'group', targetId: groupId }),
	])
	return { ok: true, token }
}

export async function revokeInvite(actor: Member, groupId: string, inviteId: string, now = new Date()): Promise<Done> {
	if (!(await groupStanding(groupId, actor)).manages) return { ok: false, error: 'groups.error.managersOnly', status: 403 }
	const { count } = await prisma.groupInvite.updateMany({ where: { id: inviteId, groupId, revokedAt: null }, data: { revokedAt: now } })
	if (count === 0) return { ok: false, error: 'groups.error.noInvite', status: 404 }
	await prisma.auditLog.create({ data: { actorId: actor.id, action: 'group.revokeInvite', targetType: 'group', targetId: groupId, detail: '{}' }, select: { id: true } })
	return { ok: true }
}

export async function listInvites(groupId: string) {
	const rows = await prisma.groupInvite.findMany({ where: { groupId }, orderBy: { createdAt: 'desc' }, take: 20, select: { id: true, token: true, uses: true, revokedAt: true, createdAt: true } })
	return rows.map((r) => ({ ...r, revokedAt: r.revokedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() }))
}

/** What an invite link opens: the group it leads to, or why it no longer works. */
export async function readInvite(token: string): Promise<{ ok: true; groupId: string } | GroupRefusal> {
	const invite = await prisma.groupInvite.findUnique({ where: { token }, select: { groupId: true, revokedAt: true } })
	if (!invite) return { ok: false, error: 'groups.error.noInvite', status: 404 }
	if (invite.revokedAt) return { ok: false, error: 'groups.error.inviteRevoked', status: 409 }
	return { ok: true, groupId: invite.groupId }
}

/** Joins through an invite link: no approval needed, the link is the leader's invitation. */
export async function joinByInvite(token: string, member: Member, now = new Date()): Promise<({ ok: true } & { groupId: string }) | GroupRefusal> {
	const invite = await readInvite(token)
	if (!invite.ok) return invite
	const existing = await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId: invite.groupId, userId: member.id } }, select: { status: true } })
	const seated = await seat(invite.groupId, member.id, existing?.status === 'requested', now)
	if (!seated.ok) return seated
	await prisma.groupInvite.update({ where: { token }, data: { uses: { increment: 1 } }, select: { id: true } })
	return { ok: true, groupId: invite.groupId }
}

/** Asks to join; the leader or a helper approves. Asking twice changes nothing. */
export async function requestToJoin(groupId: string, member: Member): Promise<Done> {
	const group = await prisma.group.findUnique({ where: { id: groupId }, select: { leaderId: true, name: true, memberCount: true, memberCap: true } })
	if (!group) return { ok: false, error: 'groups.error.notFound', status: 404 }
	const existing = await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: member.id } }, select: { status: true } })
	if (existing?.status === 'active') return { ok: false, error: 'groups.error.alreadyMember', status: 409 }
	if (existing) return { ok: true }
	if (group.memberCount >= group.memberCap) return { ok: false, error: 'groups.error.full', params: { cap: group.memberCap }, status: 409 }
	await prisma.groupMember.create({ data: { groupId, userId: member.id, status: 'requested' }, select: { userId: true } })
	await notify(group.leaderId, { kind: 'groupRequest', params: { group: group.name }, link: `/groups/${groupId}/manage` })
	return { ok: true }
}

export async function listRequests(groupId: string) {
	const rows = await prisma.groupMember.findMany({
		where: { groupId, status: 'requested' },
		orderBy: { createdAt: 'asc' },
		take: 100,
		select: { createdAt: true, user: { select: { id: true, displayName: true } } },
	})
	return rows.map((r) => ({ ...r.user, createdAt: r.createdAt.toISOString() }))
}

/** The leader or a helper lets a waiting member in (if there is room) or turns them away. */
export async function decideRequest(actor: Member, groupId: string, userId: string, approve: boolean, now = new Date()): Promise<Done> {
	if (!(await groupStanding(groupId, actor)).manages) return { ok: false, error: 'groups.error.managersOnly', status: 403 }
	const row = await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { status: true, group: { select: { name: true } } } })
	if (row?.status !== 'requested') return { ok: false, error: 'groups.error.noRequest', status: 404 }
	if (!approve) {
		await prisma.groupMember.deleteMany({ where: { groupId, userId, status: 'requested' } })
	} else {
		const seated = await seat(groupId, userId, true, now)
		if (!seated.ok) return seated
		await notify(userId, { kind: 'groupApproved', params: { group: row.group.name }, link: `/groups/${groupId}` })
	}
	await prisma.auditLog.create({ data: { actorId: actor.id, action: approve ? 'group.approve' : 'group.decline', targetType: 'member', targetId: userId, detail: JSON.stringify({ groupId }) }, select: { id: true } })
	return { ok: true }
}

/** A member leaves; the leader cannot (the group would have nobody to run it). */
export async function leaveGroup(groupId: string, member: Member): Promise<Done> {
	const row = await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: member.id } }, select: { role: true, status: true } })
	if (!row) return { ok: false, error: 'groups.error.notMember', status: 404 }
	if (row.role === 'leader') return { ok: false, error: 'groups.error.leaderStays', status: 409 }
	await removeRow(groupId, member.id, row.status === 'active')
	return { ok: true }
}

async function removeRow(groupId: string, userId: string, active: boolean) {
	await prisma.$transaction([
		prisma.groupMember.delete({ where: { groupId_userId: { groupId, userId } }, select: { userId: true } }),
		...(active ? [prisma.group.update({ where: { id: groupId }, data: { memberCount: { decrement: 1 } }, select: { id: true } })] : []),
		// A helper who leaves stops moderating the group's chat.
		prisma.liveModerator.deleteMany({ where: { userId, room: { groupId } } }),
	])
}

/**
 * Removes a member. Helpers remove members; the leader also removes helpers; the merchant
 * anyone but the leader. Nobody removes the leader here.
 */
export async function removeMember(actor: Member, groupId: string, userId: string): Promise<Done> {
	const [standing, row] = await Promise.all([
		groupStanding(groupId, actor),
		prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { role: true, status: true } }),
	])
	if (!standing.manages) return { ok: false, error: 'groups.error.managersOnly', status: 403 }
	if (!row) return { ok: false, error: 'groups.error.notMember', status: 404 }
	if (row.role === 'leader') return { ok: false, error: 'groups.error.notTheLeader', status: 403 }
	if (row.role === 'helper' && !standing.staff && standing.role !== 'leader') return { ok: false, error: 'groups.error.leaderOnly', status: 403 }
	await removeRow(groupId, userId, row.status === 'active')
	await prisma.auditLog.create({ data: { actorId: actor.id, action: 'group.remove', targetType: 'member', targetId: userId, detail: JSON.stringify({ groupId }) }, select: { id: true } })
	return { ok: true }
}

/** The leader (or the merchant) makes a member a helper, or back; helpers moderate the group's chat too. */
export async function setHelper(actor: Member, groupId: string, userId: string, helper: boolean): Promise<Done> {
	const standing = await groupStanding(groupId, actor)
	if (!standing.staff && standing.role !== 'leader') return { ok: false, error: 'groups.error.leaderOnly', status: 403 }
	const [row, room] = await Promise.all([
		prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { role: true, status: true } }),
		prisma.liveRoom.findUnique({ where: { groupId }, select: { id: true } }),
	])
	if (row?.status !== 'active') return { ok: false, error: 'groups.error.notMember', status: 404 }
	if (row.role === 'leader') return { ok: false, error: 'groups.error.notTheLeader', status: 403 }
	await prisma.$transaction([
		prisma.groupMember.update({ where: { groupId_userId: { groupId, userId } }, data: { role: helper ? 'helper' : 'member' }, select: { userId: true } }),
		...(room
			? [helper ? prisma.liveModerator.upsert({ where: { roomId_userId: { roomId: room.id, userId } }, create: { roomId: room.id, userId }, update: {} }) : prisma.liveModerator.deleteMany({ where: { roomId: room.id, userId } })]
			: []),
		auditStatement({ actorId: actor.id, action: helper ? 'group.helper' : 'group.unhelper', targetType: 'member', targetId: userId, detail: { groupId } }),
	])
	return { ok: true }
}

export async function listMembers(groupId: string, options: { take?: number } = {}) {
	const rows = await prisma.groupMember.findMany({
		where: { groupId, status: 'active' },
		orderBy: { joinedAt: 'asc' },
		take: Math.min(options.take ?? 200, 500),
		select: { role: true, joinedAt: true, user: { select: { id: true, displayName: true } } },
	})
	// The leader first, then helpers, then members in the order they joined.
	const rank = { leader: 0, helper: 1, member: 2 } as const
	return rows
		.map((r) => ({ ...r.user, role: r.role as keyof typeof rank, joinedAt: r.joinedAt?.toISOString() ?? null }))
		.sort((a, b) => rank[a.role] - rank[b.role])
}
