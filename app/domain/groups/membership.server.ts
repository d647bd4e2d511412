import { hasRole } from '#app/domain/accounts/roles.ts'
import { prisma } from '#app/lib/db.server.ts'

export type GroupRole = 'leader' | 'helper' | 'member'
export type GroupViewer = { id: string; role: string } | null

/** The viewer's standing in a group: their role there (active members only), and whether they run it. */
export async function groupStanding(groupId: string, viewer: GroupViewer): Promise<{ role: GroupRole | null; requested: boolean; staff: boolean; manages: boolean }> {
	const staff = Boolean(viewer && hasRole(viewer.role, 'merchant'))
	const row = viewer ? await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId: viewer.id } }, select: { role: true, status: true } }) : null
	const role = row?.status === 'active' ? (row.role as GroupRole) : null
	return { role, requested: row?.status === 'requested', staff, manages: staff || role === 'leader' || role === 'helper' }
}

/** True when the member belongs to the group now (leader, helper or member). */
export async function isGroupMember(groupId: string, userId: string): Promise<boolean> {
	const row = await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { status: true } })
	return row?.status === 'active'
}

/** The groups whose members-only content this viewer may read: the ones they belong to. */
export async function memberGroupIds(userId: string): Promise<string[]> {
	const rows = await prisma.groupMember.findMany({ where: { userId, status: 'active' }, select: { groupId: true }, take: 500 })
	return rows.map((r) => r.groupId)
}

/** The group (id and name) when the member belongs to it, for pages that act inside a group. */
export async function memberGroup(groupId: string, userId: string): Promise<{ id: string; name: string } | null> {
	const row = await prisma.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, select: { status: true, group: { select: { id: true, name: true } } } })
	return row?.status === 'active' ? row.group : null
}
