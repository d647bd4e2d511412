import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { prisma } from '#app/lib/db.server.ts'
import { auditStatement } from '../moderation/audit.server.ts'

/** Setting holding the super-users the merchant lets schedule rooms: a JSON list of user ids. */
const KEY = 'live.hosts'
const MAX_CHOICES = 200

export type RoomActor = { id: string; role: string }
export type HostChoice = { id: string; displayName: string; email: string; role: 'merchant' | 'superuser'; allowed: boolean }

export async function getLiveHosts(): Promise<string[]> {
	const row = await prisma.setting.findUnique({ where: { key: KEY }, select: { value: true } })
	if (!row) return []
	try {
		const ids: unknown = JSON.parse(row.value)
		return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
	} catch {
		// A hand-edited, broken value allows nobody rather than stopping the console.
		return []
	}
}

/** The merchant always may; a super-user only while on the merchant's list. */
export async function canScheduleRooms(actor: RoomActor | null): Promise<boolean> {
	if (!actor) return false
	if (hasRole(actor.role, 'merchant')) return true
	return actor.role === 'superuser' && (await getLiveHosts()).includes(actor.id)
}

/** For the console's room pages: the signed-in merchant, or a super-user on the list; 403 for anyone else. */
export async function requireRoomScheduler(args: Parameters<typeof requireRole>[0]): Promise<RoomActor> {
	const user = requireRole(args, 'superuser')
	if (!(await canScheduleRooms(user))) throw new Response('Forbidden', { status: 403 })
	return user
}

/** Everyone who can host a room (staff, then super-users), with whether a super-user may schedule. */
export async function listHostChoices(): Promise<HostChoice[]> {
	const [users, allowed] = await Promise.all([
		prisma.user.findMany({
			where: { role: { in: ['merchant', 'superuser'] } },
			orderBy: [{ role: 'asc' }, { displayName: 'asc' }],
			take: MAX_CHOICES,
			select: { id: true, displayName: true, email: true, role: true },
		}),
		getLiveHosts(),
	])
	const list = new Set(allowed)
	return users.map((u) => ({ ...u, role: u.role as HostChoice['role'], allowed: u.role === 'merchant' || list.has(u.id) }))
}

/** Replaces the list; ids that are not super-users are dropped. Each change is audited with the setting, in one batch. */
export async function setLiveHosts(actorId: string, userIds: string[]): Promise<void> {
	const [before, superusers] = await Promise.all([
		getLiveHosts(),
		prisma.user.findMany({ where: { id: { in: userIds }, role: 'superuser' }, select: { id: true } }),
	])
	const after = superusers.map((u) => u.id).sort()
	const added = after.filter((id) => !before.includes(id))
	const removed = before.filter((id) => !after.includes(id))
	if (added.length === 0 && removed.length === 0) return
	const value = JSON.stringify(after)
	await prisma.$transaction([
		prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value }, select: { key: true } }),
		...added.map((id) => auditStatement({ actorId, action: 'live.hostAllowed', targetType: 'member', targetId: id })),
		...removed.map((id) => auditStatement({ actorId, action: 'live.hostRemoved', targetType: 'member', targetId: id })),
	])
}
