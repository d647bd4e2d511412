import { describe, expect, test } from 'vitest'
import { announceOpenedDays, ANNOUNCE_WINDOW_MS } from '#app/domain/member-days/announce.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { day, HOUR, memberWith, regionSegment } from './helpers.ts'

// "Your member day has started": once per member and day, to the day's audience as it was when
// the day opened, whatever the number of runs.

const told = (memberId: string) => prisma.notification.count({ where: { userId: memberId, kind: 'memberDayOpened' } })

describe('announcing member days', () => {
	test('a day for everyone reaches each member who had joined when it opened, once, however many runs race', async () => {
		const early = [await memberWith(), await memberWith()]
		const startsAt = new Date()
		const dayId = await day({ title: 'Autumn member day', startsAt })
		const late = await memberWith()
		const at = new Date(startsAt.getTime() + 60_000)
		await Promise.all([announceOpenedDays(at), announceOpenedDays(at), announceOpenedDays(at)])
		await announceOpenedDays(at)
		for (const m of early) expect(await told(m)).toBe(1)
		expect(await told(late)).toBe(0)
		const note = await prisma.notification.findFirstOrThrow({ where: { userId: early[0]!, kind: 'memberDayOpened' }, select: { params: true, link: true } })
		expect(note.link).toBe(`/days/${dayId}`)
		expect(JSON.parse(note.params)).toEqual({ title: 'Autumn member day' })
	})

	test('a surprise day for a segment reaches its members only', async () => {
		const segmentId = await regionSegment('Suzhou')
		const [inside, outside] = [await memberWith(0, 'Suzhou'), await memberWith(0, 'Xiamen')]
		const startsAt = new Date()
		await day({ title: 'Suzhou surprise', startsAt, surprise: true, segmentId })
		await announceOpenedDays(new Date(startsAt.getTime() + 1000))
		const titles = async (m: string) =>
			(await prisma.notification.findMany({ where: { userId: m, kind: 'memberDayOpened' }, select: { params: true } })).map((n) => JSON.parse(n.params).title)
		expect(await titles(inside)).toContain('Suzhou surprise')
		expect(await titles(outside)).not.toContain('Suzhou surprise')
	})

	test('a day not yet open, or opened longer ago than the window, is not announced', async () => {
		const m = await memberWith()
		const now = new Date()
		const future = await day({ title: 'Next week', startsAt: new Date(now.getTime() + HOUR), endsAt: new Date(now.getTime() + 3 * HOUR) })
		await announceOpenedDays(now)
		const stale = new Date(now.getTime() + HOUR + ANNOUNCE_WINDOW_MS + 1000)
		// Still open at `stale`, but it opened more than the window before.
		await prisma.memberDay.update({ where: { id: future }, data: { endsAt: new Date(stale.getTime() + HOUR) } })
		await announceOpenedDays(stale)
		expect(await prisma.notification.count({ where: { userId: m, kind: 'memberDayOpened', link: `/days/${future}` } })).toBe(0)
	})
})
