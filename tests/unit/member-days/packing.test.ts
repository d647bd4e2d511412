import { describe, expect, test } from 'vitest'
import { createMemberDay, listMemberOpenings, listOpenDaysFor, memberDayFor } from '#app/domain/member-days/days.server.ts'
import { openBlindBox } from '#app/domain/member-days/open-box.server.ts'
import { dayPools, notableWins, packPool, poolOdds } from '#app/domain/member-days/pools.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '#tests/unit/posts/fixtures.ts'
import { DAY, day, HOUR, memberWith, pool, regionSegment } from './helpers.ts'

// Scheduling days and packing pools: bad input refused whole with a message per field, the
// published odds are the packed counts, and a day outside a member's audience does not exist for them.

const good = (memberDayId: string) => ({
	memberDayId,
	name: 'Lucky box',
	boxes: 10,
	pricePoints: 5,
	perMemberLimit: 3,
	items: [{ name: 'Tablet', total: 1 }, { name: 'Sticker', total: 9 }],
})

describe('packing pools', () => {
	test('an empty box, counts that do not add up, a negative price or a day already over: refused, nothing saved', async () => {
		const id = await day()
		expect(await packPool({ ...good(id), items: [{ name: 'Tablet', total: 1 }, { name: 'Air', total: 0 }], boxes: 1 })).toEqual({
			ok: false,
			errors: { 'items.1.total': 'days.error.emptyBox' },
		})
		expect(await packPool({ ...good(id), boxes: 11 })).toEqual({ ok: false, errors: { boxes: 'days.error.countsDontAddUp' } })
		expect(await packPool({ ...good(id), pricePoints: -1 })).toEqual({ ok: false, errors: { pricePoints: 'days.error.price' } })
		expect(await packPool({ ...good(id), guaranteeEvery: 5 })).toEqual({ ok: false, errors: { guaranteePosition: 'days.error.guarantee' } })
		const over = await day({ startsAt: new Date(Date.now() - 2 * HOUR), endsAt: new Date(Date.now() + HOUR) })
		expect(await packPool(good(over), new Date(Date.now() + 2 * HOUR))).toEqual({ ok: false, errors: { memberDayId: 'days.error.past' } })
		expect(await prisma.blindBoxPool.count({ where: { memberDayId: { in: [id, over] } } })).toBe(0)
		expect(await prisma.blindBoxItem.count({ where: { pool: { memberDayId: { in: [id, over] } } } })).toBe(0)
	})

	test('a member day scheduled in the past, or ending before it starts: refused, nothing saved', async () => {
		const before = await prisma.memberDay.count()
		const past = await createMemberDay({ title: 'Old day', startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) })
		expect(past).toEqual({ ok: false, errors: { endsAt: 'days.error.past' } })
		const backwards = await createMemberDay({ title: 'Odd day', startsAt: new Date(Date.now() + 2 * DAY), endsAt: new Date(Date.now() + DAY) })
		expect(backwards).toEqual({ ok: false, errors: { endsAt: 'days.error.endsAt' } })
		expect(await createMemberDay({ title: ' ', startsAt: new Date(), endsAt: new Date(Date.now() + DAY), segmentId: 'gone' })).toEqual({
			ok: false,
			errors: { title: 'days.error.title' },
		})
		expect(await prisma.memberDay.count()).toBe(before)
	})

	test('the published odds are the packed counts; remaining counts follow the openings', async () => {
		const memberDayId = await day()
		const id = await pool(memberDayId)
		const odds = await poolOdds(id)
		expect(odds!.odds.map((o) => [o.name, o.total, o.remaining, o.chance])).toEqual([
			['Tablet', 1, 1, 0.01],
			['Gift set', 19, 19, 0.19],
			['Tea sample', 80, 80, 0.8],
		])
		expect(odds).toMatchObject({ total: 100, remaining: 100, seed: null, seedHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
		const m = await memberWith(100)
		const opened = await openBlindBox(id, m)
		if (!opened.ok) throw new Error(opened.error)
		const [after] = await dayPools(memberDayId)
		expect(after!.remaining).toBe(99)
		expect(after!.odds.map((o) => o.total)).toEqual([1, 19, 80])
		expect(after!.odds[opened.item.position]!.remaining).toBe(odds!.odds[opened.item.position]!.remaining - 1)
		// The member finds the box among their own.
		expect((await listMemberOpenings(m)).map((o) => [o.id, o.item.name])).toEqual([[opened.openingId, opened.item.name]])
	})

	test('the ticker shows each pool\'s top item as it is won, and nothing else', async () => {
		const memberDayId = await day()
		const id = await pool(memberDayId, { boxes: 2, items: [{ name: 'Tablet', total: 1 }, { name: 'Sticker', total: 1 }] })
		const m = await memberWith(100)
		expect(await notableWins(memberDayId)).toEqual([])
		await openBlindBox(id, m)
		await openBlindBox(id, m)
		expect((await notableWins(memberDayId)).map((w) => [w.member, w.item])).toEqual([['Box fan', 'Tablet']])
	})

	test('a surprise day exists only for eligible members once it opens; staff see every day', async () => {
		const segmentId = await regionSegment('Xiamen')
		const startsAt = new Date(Date.now() + HOUR)
		const id = await day({ surprise: true, segmentId, startsAt, endsAt: new Date(startsAt.getTime() + DAY) })
		const [insider, outsider, boss] = await Promise.all([memberWith(0, 'Xiamen'), memberWith(0, 'Fuzhou'), member({ role: 'merchant' })])
		const open = new Date(startsAt.getTime() + 1)
		expect(await memberDayFor({ id: insider, role: 'customer' }, id)).toBeNull()
		expect(await memberDayFor({ id: insider, role: 'customer' }, id, open)).toMatchObject({ id, surprise: true })
		expect(await memberDayFor({ id: outsider, role: 'customer' }, id, open)).toBeNull()
		expect(await memberDayFor({ id: boss.id, role: 'merchant' }, id)).toMatchObject({ id })
		// Listed as open only to its audience, and only once it has opened.
		const listed = async (who: string, now: Date) => (await listOpenDaysFor({ id: who, role: 'customer' }, now)).map((d) => d.id)
		expect(await listed(insider, new Date())).not.toContain(id)
		expect(await listed(insider, open)).toContain(id)
		expect(await listed(outsider, open)).not.toContain(id)
	})
})
