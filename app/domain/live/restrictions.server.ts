import { logAction } from '#app/domain/moderation/audit.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { RoomAccess } from './access.server.ts'
import type { Refusal } from './chat.server.ts'

export const MUTE_MINUTES = [1, 5, 10, 30, 60] as const

type Outcome<T> = ({ ok: true } & T) | ({ ok: false } & Refusal)

async function target(access: RoomAccess, userId: string): Promise<Refusal | null> {
	if (!access.canModerate) return { error: 'live.notModerator' }
	if (userId === access.room.hostId) return { error: 'live.mod.notTheHost' }
	const member = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } })
	if (!member) return { error: 'live.mod.noMember' }
	if (member.role === 'merchant') return { error: 'live.mod.notStaff' }
	return null
}

/** Silences a member in this room for N minutes; a new mute replaces the old one. */
export async function muteMember(access: RoomAccess, moderatorId: string, userId: string, minutes: number, now = new Date()): Promise<Outcome<{ until: Date }>> {
	if (!(MUTE_MINUTES as readonly number[]).includes(minutes)) return { ok: false, error: 'live.mod.muteMinutes', params: { choices: MUTE_MINUTES.join(', ') } }
	const refusal = await target(access, userId)
	if (refusal) return { ok: false, ...refusal }
	const until = new Date(now.getTime() + minutes * 60_000)
	const key = { roomId_userId_kind: { roomId: access.room.id, userId, kind: 'mute' } }
	await prisma.liveRestriction.upsert({ where: key, create: { roomId: access.room.id, userId, kind: 'mute', until, byId: moderatorId }, update: { until, byId: moderatorId } })
	await logAction({ actorId: moderatorId, action: 'live.mute', targetType: 'member', targetId: userId, detail: { roomId: access.room.id, minutes } })
	return { ok: true, until }
}

/** Removes a member from this room for the rest of it: no joining, no chat, no taps, no claims. */
export async function banMember(access: RoomAccess, moderatorId: string, userId: string): Promise<Outcome<object>> {
	const refusal = await target(access, userId)
	if (refusal) return { ok: false, ...refusal }
	await prisma.liveRestriction.upsert({
		where: { roomId_userId_kind: { roomId: access.room.id, userId, kind: 'ban' } },
		create: { roomId: access.room.id, userId, kind: 'ban', until: null, byId: moderatorId },
		update: {},
	})
	await logAction({ actorId: moderatorId, action: 'live.ban', targetType: 'member', targetId: userId, detail: { roomId: access.room.id } })
	return { ok: true }
}
