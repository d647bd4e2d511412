import { z } from 'zod'

// Client-importable: the console's room form shows the same limits the server enforces.

export const MAX_ROOM_TITLE = 80
export const MAX_ROOM_DESCRIPTION = 1000
/** Featured products per room: a live sale shows a handful; 20 keeps the shelf under the video short. */
export const MAX_ROOM_PRODUCTS = 20
export const MAX_ROOM_MODERATORS = 20
/** A start time may be set a little in the past (a host starting "now" on a slow form), not more. */
export const START_SLACK_MS = 5 * 60_000
export const MAX_START_AHEAD_MS = 365 * 86_400_000

/** The past tab's page size, and the most one request may ask for. */
export const PAST_PAGE_SIZE = 12
export const MAX_PAST_PAGE_SIZE = 50

export const ROOM_TABS = ['live', 'upcoming', 'past'] as const
export type RoomTab = (typeof ROOM_TABS)[number]

const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim()
const text = (max: number, tooLong: string) => z.string().transform(clean).pipe(z.string().max(max, tooLong))

/**
 * A start time as the console sends it. datetime-local has no zone, so like the draws
 * console (decision 006) it is read as UTC; a full ISO time with its zone is taken as given.
 */
export function parseStartTime(raw: string): Date | null {
	const value = raw.trim()
	const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(value)
	if (!match) return null
	const date = new Date(match[2] ? value : `${match[1]}Z`)
	return Number.isNaN(date.getTime()) ? null : date
}

/** The same time as a datetime-local value in UTC, for showing a saved room in the form. */
export const toStartInput = (iso: string) => iso.slice(0, 16)

/** "a@x.com, b@y.com" or one per line → unique lower-cased addresses, in the order given. */
export function parseEmails(raw: string): string[] {
	return [...new Set(raw.split(/[\s,，;；]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))]
}

export const RoomSchema = z.object({
	title: text(MAX_ROOM_TITLE, 'liveConsole.error.titleTooLong').pipe(z.string().min(1, 'liveConsole.error.titleRequired')),
	description: text(MAX_ROOM_DESCRIPTION, 'liveConsole.error.descriptionTooLong').optional().transform((v) => v ?? ''),
	startsAt: z.string({ required_error: 'liveConsole.error.startsAtRequired' }).transform((v, ctx) => {
		const date = parseStartTime(v)
		if (!date) ctx.addIssue({ code: 'custom', message: v.trim() ? 'liveConsole.error.startsAt' : 'liveConsole.error.startsAtRequired' })
		return date ?? z.NEVER
	}),
	streamUrl: z.string({ required_error: 'liveConsole.error.streamRequired' }).trim().min(1, 'liveConsole.error.streamRequired').max(2000, 'live.stream.invalid'),
	hostId: z.string().trim().optional().transform((v) => v || undefined),
	productIds: z
		.array(z.string().trim())
		.optional()
		.transform((ids) => [...new Set((ids ?? []).filter(Boolean))])
		.pipe(z.array(z.string()).max(MAX_ROOM_PRODUCTS, 'liveConsole.error.tooManyProducts')),
	moderators: z
		.string()
		.optional()
		.transform((v) => parseEmails(v ?? ''))
		.pipe(z.array(z.string()).max(MAX_ROOM_MODERATORS, 'liveConsole.error.tooManyModerators')),
})

/** Once a room is live, its start time, stream and host are settled; the rest may still change. */
export const LiveRoomEditSchema = RoomSchema.omit({ startsAt: true, streamUrl: true, hostId: true })

/** What scheduleRoom and updateRoom take: the form's values, before any checking. */
export type RoomInput = {
	title: string
	description?: string
	startsAt?: string
	streamUrl?: string
	hostId?: string
	productIds?: string[]
	moderators?: string
	/** The merchant's room for one segment: empty for everyone; not sent, unchanged. */
	segmentId?: string
}
