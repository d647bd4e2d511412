import { beforeAll, describe, expect, test } from 'vitest'
import { boxOutcomes } from '#app/domain/analytics/boxes.server.ts'
import { memberDayResults } from '#app/domain/analytics/days.server.ts'
import { createMemberDay } from '#app/domain/member-days/days.server.ts'
import { openBlindBox } from '#app/domain/member-days/open-box.server.ts'
import { packPool, type PoolInput } from '#app/domain/member-days/pools.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { memberWith } from '../member-days/helpers.ts'
import { RANGE } from './fixtures.ts'

// Member days scheduled, packed and opened through the member-days domain, back in January
// 2026 (each call is told the time), so the figures are those of real openings.

const HOUR = 3_600_000

async function memberDay(title: string, startsAt: string) {
	const start = new Date(startsAt)
	const created = await createMemberDay({ title, startsAt: start, endsAt: new Date(start.getTime() + 48 * HOUR) }, new Date(start.getTime() - HOUR))
	if (!created.ok) throw new Error(JSON.stringify(created.errors))
	return { id: created.id, open: new Date(start.getTime() + HOUR) }
}

async function pool(day: { id: string; open: Date }, input: Omit<PoolInput, 'memberDayId' | 'perMemberLimit'>) {
	const packed = await packPool({ memberDayId: day.id, perMemberLimit: 10, ...input }, day.open)
	if (!packed.ok) throw new Error(JSON.stringify(packed.errors))
	return packed.id
}

/** Opens `count` boxes of a pool for a member; returns the item names they held. */
async function open(poolId: string, memberId: string, count: number, now: Date): Promise<string[]> {
	const items = []
	for (let i = 0; i < count; i++) {
		const opened = await openBlindBox(poolId, memberId, now)
		if (!opened.ok) throw new Error(opened.error)
		items.push(opened.item.name)
	}
	return items
}

async function winterAndSpring() {
	const winter = await memberDay('Winter member day', '2026-01-08T09:00:00Z')
	const spring = await memberDay('Spring member day', '2026-01-20T09:00:00Z')
	const february = await memberDay('February day', '2026-02-05T09:00:00Z') // after the range
	const tea = await pool(winter, { name: 'Tea box', boxes: 10, pricePoints: 10, priceCents: 500, items: [{ name: 'Teapot', total: 2 }, { name: 'Sample', total: 8 }] })
	const cups = await pool(winter, { name: 'Cup box', boxes: 5, pricePoints: 20, items: [{ name: 'Cup', total: 5 }] })
	await pool(spring, { name: 'Spring box', boxes: 6, pricePoints: 0, items: [{ name: 'Fan', total: 1 }, { name: 'Card', total: 5 }] })
	const later = await pool(february, { name: 'Late box', boxes: 3, pricePoints: 0, items: [{ name: 'Pen', total: 3 }] })
	const [a, b, c] = await Promise.all([memberWith(1000), memberWith(1000), memberWith(1000)])
	const teaItems = [...(await open(tea, a, 3, winter.open)), ...(await open(tea, b, 2, winter.open))]
	await open(cups, a, 1, winter.open)
	await open(cups, c, 1, winter.open)
	await open(later, a, 2, february.open)
	return { tea, teaItems }
}

// The database lives for the whole file: one set of days for every test.
let fixture: Awaited<ReturnType<typeof winterAndSpring>>
beforeAll(async () => {
	fixture = await winterAndSpring()
})

describe('member-day results', () => {
	test('per day that started in the range: members who opened, boxes, points, token cash and boxes left', async () => {
		expect(await memberDayResults(RANGE)).toEqual({
			days: [
				{ day: 'Spring member day', startsOn: '2026-01-20', members: 0, boxes: 0, pointsSpent: 0, cashCents: 0, boxesLeft: 6 },
				// a opened in both pools and counts once; 5 tea boxes at 10 points and ¥5, 2 cup boxes at 20 points.
				{ day: 'Winter member day', startsOn: '2026-01-08', members: 3, boxes: 7, pointsSpent: 90, cashCents: 2500, boxesLeft: 8 },
			],
			truncated: false,
		})
	})

	test('a range without member days is empty', async () => {
		const march = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-31T23:59:59.999Z') }
		expect(await memberDayResults(march)).toEqual({ days: [], truncated: false })
		expect(await boxOutcomes(march)).toEqual([])
	})
})

describe('blind-box outcomes against published odds', () => {
	test('each item packed against the boxes that held it; the actual share is opened / all opened', async () => {
		const { tea, teaItems } = fixture
		const outcomes = await boxOutcomes(RANGE)
		expect(outcomes.map((o) => `${o.day} · ${o.pool}`)).toEqual(['Spring member day · Spring box', 'Winter member day · Tea box', 'Winter member day · Cup box'])
		const byPool = new Map(outcomes.map((o) => [o.pool, o]))
		expect(byPool.get('Spring box')).toEqual({
			day: 'Spring member day', pool: 'Spring box', opened: 0,
			items: [
				{ prize: 'Fan', packed: 1, won: 0, publishedPct: 100 / 6, actualPct: 0 },
				{ prize: 'Card', packed: 5, won: 0, publishedPct: 500 / 6, actualPct: 0 },
			],
		})
		expect(byPool.get('Cup box')).toEqual({ day: 'Winter member day', pool: 'Cup box', opened: 2, items: [{ prize: 'Cup', packed: 5, won: 2, publishedPct: 100, actualPct: 100 }] })

		// Which tea items came out is the seed's choice: the chart must count exactly what was opened.
		const teaBox = byPool.get('Tea box')!
		const held = (name: string) => teaItems.filter((item) => item === name).length
		expect(teaBox.opened).toBe(5)
		expect(teaBox.items).toEqual([
			{ prize: 'Teapot', packed: 2, won: held('Teapot'), publishedPct: 20, actualPct: (100 * held('Teapot')) / 5 },
			{ prize: 'Sample', packed: 8, won: held('Sample'), publishedPct: 80, actualPct: (100 * held('Sample')) / 5 },
		])
		// The same counts the pool itself has given out.
		const items = await prisma.blindBoxItem.findMany({ where: { poolId: tea }, select: { total: true, remaining: true }, orderBy: { position: 'asc' } })
		expect(items.map((i) => i.total - i.remaining)).toEqual(teaBox.items.map((i) => i.won))
	})
})
