import { hasRole } from '#app/domain/accounts/roles.ts'
import { prisma } from '#app/lib/db.server.ts'
import { segmentExists } from '#app/domain/segments/segments.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import type { FieldErrors } from '#app/lib/forms.ts'
import type { MessageKey, Params } from '#app/lib/i18n/index.ts'
import type { RoomActor } from './room-hosts.server.ts'
import { LiveRoomEditSchema, MAX_START_AHEAD_MS, parseStartTime, RoomSchema, START_SLACK_MS, type RoomInput } from './room-schema.ts'
import { checkStreamUrl } from './stream-url.ts'

export type RoomFailure = {
	ok: false
	status: 400 | 403 | 404 | 409
	fieldErrors: FieldErrors
	/** Values for a field's message, e.g. the moderator email nobody has. */
	fieldParams: Record<string, Params>
	formError?: MessageKey
}

/** The room as saved, for an update: what may still change depends on its status. */
export type SavedRoom = { id: string; status: string; hostId: string; startsAt: Date; streamUrl: string; productIds: string[] }

/** Input that passed every rule; start, stream and host only when they may change. */
export type CheckedRoom = {
	title: string
	description: string
	settled: { startsAt: Date; streamUrl: string; hostId: string } | null
	productIds: string[]
	moderatorIds: string[]
	/** undefined: leave the room's audience as it is. */
	segmentId: string | null | undefined
}

export const refuse = (status: RoomFailure['status'], formError: MessageKey): RoomFailure => ({ ok: false, status, fieldErrors: {}, fieldParams: {}, formError })

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Checks a room form against the rules and the database, collecting every field's first
 * problem so the form can show them all at once. A room that has started keeps its
 * start time, stream and host: a different value sent for them is refused, not ignored.
 */
export async function checkRoomInput(actor: RoomActor, input: RoomInput, saved: SavedRoom | null, now: Date): Promise<{ ok: true; room: CheckedRoom } | RoomFailure> {
	const open = !saved || saved.status === 'scheduled'
	const fieldErrors: FieldErrors = {}
	const fieldParams: Record<string, Params> = {}
	const fail = (field: string, key: MessageKey, params?: Params) => {
		fieldErrors[field] ??= key
		if (params && fieldErrors[field] === key) fieldParams[field] = params
	}
	const full = open ? RoomSchema.safeParse(input) : null
	const parsed = full ?? LiveRoomEditSchema.safeParse(input)
	if (!parsed.success) for (const issue of parsed.error.issues) fail(String(issue.path[0] ?? 'form'), issue.message as MessageKey)
	const data = parsed.success ? parsed.data : null
	const productIds = data?.productIds ?? []
	const emails = data?.moderators ?? []

	let settled: CheckedRoom['settled'] = null
	if (!open && saved) {
		if (input.startsAt !== undefined && parseStartTime(input.startsAt)?.getTime() !== saved.startsAt.getTime()) fail('startsAt', 'liveConsole.error.locked')
		if (input.streamUrl !== undefined && input.streamUrl.trim() !== saved.streamUrl) fail('streamUrl', 'liveConsole.error.locked')
		if (input.hostId && input.hostId !== saved.hostId) fail('hostId', 'liveConsole.error.locked')
	} else if (full?.success) {
		const { data } = full
		const changed = !saved || saved.startsAt.getTime() !== data.startsAt.getTime()
		if (changed && data.startsAt.getTime() < now.getTime() - START_SLACK_MS) fail('startsAt', 'liveConsole.error.startsAtPast')
		if (data.startsAt.getTime() > now.getTime() + MAX_START_AHEAD_MS) fail('startsAt', 'liveConsole.error.startsAtFar')
		const stream = checkStreamUrl(data.streamUrl, getEnv().LIVE_STREAM_ORIGINS)
		if (!stream.ok) fail('streamUrl', stream.error)
		// A super-user always hosts their own rooms; the merchant may hand a room to any super-user.
		const hostId = hasRole(actor.role, 'merchant') ? (data.hostId ?? saved?.hostId ?? actor.id) : actor.id
		settled = { startsAt: data.startsAt, streamUrl: stream.ok ? stream.url : data.streamUrl, hostId }
	}

	// Only the merchant aims a room at a segment; a super-user's form has no such field, and keeps what the merchant set.
	const staff = hasRole(actor.role, 'merchant')
	const segmentId = input.segmentId === undefined ? undefined : input.segmentId.trim() || null
	if (segmentId && !staff) fail('segmentId', 'segments.error.staffOnly')

	const badEmail = emails.find((e) => !EMAIL.test(e))
	if (badEmail) fail('moderators', 'liveConsole.error.moderatorEmail', { email: badEmail })
	const [host, products, moderators, segmentFound] = await Promise.all([
		settled && settled.hostId !== actor.id ? prisma.user.findFirst({ where: { id: settled.hostId, role: { in: ['merchant', 'superuser'] } }, select: { id: true } }) : { id: actor.id },
		productIds.length ? prisma.product.findMany({ where: { id: { in: productIds }, status: 'active' }, select: { id: true } }) : [],
		emails.length && !badEmail ? prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }) : [],
		segmentId && staff ? segmentExists(segmentId) : true,
	])
	if (!segmentFound) fail('segmentId', 'segments.error.unknown')
	if (!host) fail('hostId', 'liveConsole.error.host')
	// A product already featured may stay after it is archived; a new one must be on sale.
	const usable = new Set([...products.map((p) => p.id), ...(saved?.productIds ?? [])])
	if (productIds.some((id) => !usable.has(id))) fail('productIds', 'liveConsole.error.productUnavailable')
	const byEmail = new Map(moderators.map((m) => [m.email, m.id]))
	const unknown = badEmail ? undefined : emails.find((e) => !byEmail.has(e))
	if (unknown) fail('moderators', 'liveConsole.error.moderatorUnknown', { email: unknown })

	if (!data || Object.keys(fieldErrors).length) return { ok: false, status: 400, fieldErrors, fieldParams }
	return {
		ok: true,
		room: { title: data.title, description: data.description, settled, productIds, moderatorIds: emails.map((e) => byEmail.get(e)!), segmentId: staff ? segmentId : undefined },
	}
}
