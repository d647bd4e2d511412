import { notifyMany } from '#app/domain/notifications/deliver-many.server.ts'
import { segmentMemberIds } from '#app/domain/segments/segments.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { logEvent } from '#app/lib/log.server.ts'
import { startPeriodic } from '#app/lib/periodic.server.ts'

// "Your member day has started": told once to each member of its audience who was a member when
// it opened (a surprise day is news only then), under the member-days switch and the weekly cap.

export const ANNOUNCE_EVERY_MS = 5 * 60_000
/** A day that opened longer ago than this is no longer news (e.g. the server was down). */
export const ANNOUNCE_WINDOW_MS = 6 * 3_600_000
const PAGE = 500

type OpenedDay = { id: string; title: string; startsAt: Date; segmentId: string | null }

/** One page of the day's audience after `cursor`, members who joined before it opened. */
async function audiencePage(day: OpenedDay, cursor: string | null): Promise<{ ids: string[]; nextCursor: string | null }> {
	if (day.segmentId) {
		const page = await segmentMemberIds(day.segmentId, { cursor, take: PAGE })
		if (page.ids.length === 0) return page
		const before = await prisma.user.findMany({ where: { id: { in: page.ids }, createdAt: { lt: day.startsAt } }, select: { id: true } })
		return { ids: before.map((u) => u.id), nextCursor: page.nextCursor }
	}
	const rows = await prisma.user.findMany({
		where: { role: { not: 'merchant' }, createdAt: { lt: day.startsAt }, ...(cursor ? { id: { gt: cursor } } : {}) },
		orderBy: { id: 'asc' },
		take: PAGE,
		select: { id: true },
	})
	return { ids: rows.map((r) => r.id), nextCursor: rows.length === PAGE ? rows.at(-1)!.id : null }
}

/** Announces the days that opened within the window and are still open; safe to repeat (keyed per member and day). */
export async function announceOpenedDays(now = new Date()): Promise<number> {
	const days = await prisma.memberDay.findMany({
		where: { startsAt: { lte: now, gt: new Date(now.getTime() - ANNOUNCE_WINDOW_MS) }, endsAt: { gt: now } },
		orderBy: { startsAt: 'asc' },
		take: 20,
		select: { id: true, title: true, startsAt: true, segmentId: true },
	})
	let told = 0
	for (const day of days) {
		let cursor: string | null = null
		do {
			const page: { ids: string[]; nextCursor: string | null } = await audiencePage(day, cursor)
			told += await notifyMany(page.ids, { kind: 'memberDayOpened', params: { title: day.title }, link: `/days/${day.id}`, keyPrefix: `day-open:${day.id}:` }, now)
			cursor = page.nextCursor
		} while (cursor)
	}
	return told
}

/** At server start (server.ts): shortly after start, then every five minutes. */
export function startDayAnnouncements(intervalMs = ANNOUNCE_EVERY_MS): void {
	startPeriodic('member-days:announce', { intervalMs, firstDelayMs: 20_000 }, async () => {
		const told = await announceOpenedDays()
		if (told > 0) logEvent('member-days:announced', { told })
	})
}
