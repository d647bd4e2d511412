import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { childBand, SegmentRulesSchema, type SegmentRules } from '#app/domain/segments/rules.ts'
import { addTag } from '#app/domain/segments/tags.server.ts'
import { countSegment, isInSegment, previewSegment, rulesMemberIds, saveSegment, segmentIdsOf, segmentMemberIds } from '#app/domain/segments/segments.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '#tests/unit/posts/fixtures.ts'

// Each rule alone and together, against real members with real orders, tiers, regions,
// children and tags; and the age bands at their boundaries as "today" moves.

const NOW = new Date('2025-06-15T12:00:00Z')
const DAY = 86_400_000

type Member = Awaited<ReturnType<typeof member>>
let ann: Member
let bob: Member
let cai: Member
let boss: Member
let gold: string
let silver: string

async function paidOrder(memberId: string, yuan: number, daysAgo: number) {
	await prisma.shopOrder.create({ data: { externalId: randomUUID(), memberId, totalCents: yuan * 100, status: 'paid', placedAt: new Date(NOW.getTime() - daysAgo * DAY) } })
}

beforeAll(async () => {
	;[ann, bob, cai, boss] = await Promise.all([member({ name: 'Ann' }), member({ name: 'Bob' }), member({ name: 'Cai' }), member({ role: 'merchant', name: 'Boss' })])
	silver = (await prisma.tier.create({ data: { name: 'Silver', position: 0, minSpendCents: 0 }, select: { id: true } })).id
	gold = (await prisma.tier.create({ data: { name: 'Gold', position: 1, minSpendCents: 100_000 }, select: { id: true } })).id
	// Ann: Shanghai, big recent spender, a toddler, tagged green tea. Bob: Hangzhou, one small
	// order long ago. Cai: no region, never ordered, a seven-year-old, tagged oolong.
	await prisma.user.update({ where: { id: ann.id }, data: { region: 'Shanghai Pudong' } })
	await prisma.user.update({ where: { id: bob.id }, data: { region: '浙江杭州' } })
	await paidOrder(ann.id, 1200, 10)
	await paidOrder(bob.id, 50, 200)
	await prisma.child.create({ data: { userId: ann.id, birthYear: 2022, birthMonth: 7, consentAt: NOW } })
	await prisma.child.create({ data: { userId: cai.id, birthYear: 2018, birthMonth: 1, consentAt: NOW } })
	for (const [who, tag] of [[ann, 'Green Tea'], [cai, 'oolong'], [boss, 'green tea']] as const) {
		const { email } = await prisma.user.findUniqueOrThrow({ where: { id: who.id }, select: { email: true } })
		expect(await addTag(boss.id, { email, tag })).toMatchObject({ ok: true })
	}
})

const rules = (input: Record<string, unknown>): SegmentRules => SegmentRulesSchema.parse(input)
async function who(input: Record<string, unknown>): Promise<string[]> {
	const names = new Map([[ann.id, 'ann'], [bob.id, 'bob'], [cai.id, 'cai'], [boss.id, 'boss']])
	const { ids } = await rulesMemberIds(rules(input), { take: 500 }, NOW)
	return ids.map((id) => names.get(id) ?? id).sort()
}

describe('each rule alone', () => {
	test('tier: any of the listed tiers', async () => {
		expect(await who({ tiers: [gold] })).toEqual(['ann'])
		expect(await who({ tiers: [silver] })).toEqual(['bob', 'cai'])
		expect(await who({ tiers: [silver, gold] })).toEqual(['ann', 'bob', 'cai'])
	})

	test('spend within the tier period, in yuan, both ends included', async () => {
		expect(await who({ minSpendYuan: 1000 })).toEqual(['ann'])
		expect(await who({ minSpendYuan: 1200.01 })).toEqual([])
		expect(await who({ maxSpendYuan: 50 })).toEqual(['bob', 'cai'])
		expect(await who({ minSpendYuan: 40, maxSpendYuan: 60 })).toEqual(['bob'])
	})

	test('last order: within N days; no order for N days means a lapsed buyer, not someone who never bought', async () => {
		expect(await who({ lastOrderWithinDays: 30 })).toEqual(['ann'])
		expect(await who({ lastOrderWithinDays: 9 })).toEqual([])
		expect(await who({ noOrderForDays: 90 })).toEqual(['bob'])
		expect(await who({ noOrderForDays: 5 })).toEqual(['ann', 'bob'])
	})

	test('region: case-insensitive, a region containing any listed one', async () => {
		expect(await who({ regions: ['SHANGHAI'] })).toEqual(['ann'])
		expect(await who({ regions: ['杭州', 'Beijing'] })).toEqual(['bob'])
		expect(await who({ regions: ['Chengdu'] })).toEqual([])
	})

	test('children’s age bands, from birth month and year as of today', async () => {
		expect(await who({ childBands: ['0-3'] })).toEqual(['ann'])
		expect(await who({ childBands: ['6-12'] })).toEqual(['cai'])
		expect(await who({ childBands: ['3-6'] })).toEqual([])
	})

	test('tags: lower-cased on the way in and in the rule; staff are never in a segment', async () => {
		expect(await who({ tags: ['GREEN TEA'] })).toEqual(['ann'])
		expect(await who({ tags: ['oolong', 'green tea'] })).toEqual(['ann', 'cai'])
	})
})

describe('rules together', () => {
	test('AND across fields, OR within a list', async () => {
		expect(await who({ tags: ['green tea'], regions: ['杭州'] })).toEqual([])
		expect(await who({ regions: ['shanghai', '杭州'], minSpendYuan: 1000 })).toEqual(['ann'])
		expect(await who({ tiers: [silver], childBands: ['6-12', '0-3'] })).toEqual(['cai'])
		expect(await who({ tiers: [silver, gold], noOrderForDays: 30, regions: ['杭州'] })).toEqual(['bob'])
	})

	test('a rule that matches nobody counts 0 and is still saved, with the count to warn by', async () => {
		const nobody = rules({ regions: ['Lhasa'] })
		expect(await previewSegment(nobody, NOW)).toEqual({ count: 0, sample: [] })
		const saved = await saveSegment({ name: 'Lhasa', rules: nobody }, NOW)
		expect(saved).toMatchObject({ ok: true, count: 0 })
		expect(await prisma.segment.count({ where: { name: 'Lhasa' } })).toBe(1)
	})

	test('preview counts and names a few; a taken name is refused next to the field', async () => {
		expect(await previewSegment(rules({ tiers: [silver, gold] }), NOW)).toEqual({ count: 3, sample: expect.arrayContaining(['Ann', 'Bob', 'Cai']) })
		expect(await saveSegment({ name: 'Lhasa', rules: rules({ tags: ['x'] }) }, NOW)).toEqual({ ok: false, error: 'segments.error.nameTaken', field: 'name' })
	})
})

describe('the contract: who is in a saved segment', () => {
	test('segmentIdsOf, isInSegment, countSegment and segmentMemberIds agree; staff see all, visitors none', async () => {
		const tea = await saveSegment({ name: 'Tea lovers', rules: rules({ tags: ['green tea', 'oolong'] }) }, NOW)
		const rich = await saveSegment({ name: 'Big spenders', rules: rules({ minSpendYuan: 1000 }) }, NOW)
		if (!tea.ok || !rich.ok) throw new Error('not saved')
		expect(tea.count).toBe(2)
		const annIn = await segmentIdsOf(ann, NOW)
		expect(annIn).toBeInstanceOf(Set)
		expect([...(annIn as Set<string>)].sort()).toEqual([tea.id, rich.id].sort())
		expect([...((await segmentIdsOf(bob, NOW)) as Set<string>)]).toEqual([])
		expect(await segmentIdsOf(boss, NOW)).toBe('all')
		expect(await segmentIdsOf(null, NOW)).toEqual(new Set())
		expect(await isInSegment(cai.id, tea.id, NOW)).toBe(true)
		expect(await isInSegment(cai.id, rich.id, NOW)).toBe(false)
		expect(await isInSegment(boss.id, tea.id, NOW)).toBe(false)
		expect(await isInSegment(ann.id, 'no-such-segment', NOW)).toBe(false)
		expect(await countSegment(tea.id, NOW)).toBe(2)

		// One at a time, in id order, until the cursor runs out.
		const first = await segmentMemberIds(tea.id, { take: 1 }, NOW)
		const second = await segmentMemberIds(tea.id, { take: 1, cursor: first.nextCursor }, NOW)
		const rest = await segmentMemberIds(tea.id, { take: 1, cursor: second.nextCursor }, NOW)
		expect([...first.ids, ...second.ids]).toEqual([ann.id, cai.id].sort())
		expect(rest).toEqual({ ids: [], nextCursor: null })
	})

	test('paging holds over more members than one scan round', async () => {
		// Written directly: hashing 230 passwords would be most of this test's time and prove nothing here.
		const many = Array.from({ length: 230 }, () => ({ id: `crowd-${randomUUID()}`, email: `${randomUUID()}@quanzi.test`, displayName: 'Crowd', passwordHash: 'x', region: 'Suzhou' }))
		await prisma.user.createMany({ data: many })
		const saved = await saveSegment({ name: 'Suzhou', rules: rules({ regions: ['suzhou'] }) }, NOW)
		if (!saved.ok) throw new Error('not saved')
		expect(saved.count).toBe(230)
		const seen: string[] = []
		let cursor: string | null = null
		do {
			const page: { ids: string[]; nextCursor: string | null } = await segmentMemberIds(saved.id, { take: 100, cursor }, NOW)
			seen.push(...page.ids)
			cursor = page.nextCursor
		} while (cursor)
		expect(seen).toEqual(many.map((m) => m.id).sort())
	})

	test('a child’s band moves on by itself as today moves: Ann leaves 0-3 for 3-6 on the 1st of July 2025', async () => {
		const toddlers = await saveSegment({ name: 'Toddlers', rules: rules({ childBands: ['0-3'] }) }, NOW)
		const preschool = await saveSegment({ name: 'Preschool', rules: rules({ childBands: ['3-6'] }) }, NOW)
		if (!toddlers.ok || !preschool.ok) throw new Error('not saved')
		const june30 = new Date('2025-06-30T23:59:59Z')
		const july1 = new Date('2025-07-01T00:00:00Z')
		expect(await isInSegment(ann.id, toddlers.id, june30)).toBe(true)
		expect(await isInSegment(ann.id, preschool.id, june30)).toBe(false)
		expect(await isInSegment(ann.id, toddlers.id, july1)).toBe(false)
		expect(await isInSegment(ann.id, preschool.id, july1)).toBe(true)
	})
})

describe('childBand', () => {
	test.each([
		['2022-03-01', 2022, 3, '0-3'], // born this month: 0 months
		['2025-02-28', 2022, 3, '0-3'], // 35 months
		['2025-03-01', 2022, 3, '3-6'], // 36 months
		['2028-02-29', 2022, 3, '3-6'], // 71 months
		['2028-03-01', 2022, 3, '6-12'], // 72 months
		['2034-02-28', 2022, 3, '6-12'], // 143 months
		['2034-03-01', 2022, 3, null], // 144 months: 12, past the bands
		['2022-02-28', 2022, 3, null], // not born yet
	])('on %s a child born %i-%i is in %s', (today, year, month, band) => {
		expect(childBand(year, month, new Date(`${today}T12:00:00Z`))).toBe(band)
	})
})

describe('validation', () => {
	const messages = (input: Record<string, unknown>) => {
		const result = SegmentRulesSchema.safeParse(input)
		return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]))
	}

	test('at least one rule; empty lists are no rule', () => {
		expect(messages({})).toEqual({ form: 'segments.error.noRule' })
		expect(messages({ tiers: [], regions: [], tags: [] })).toEqual({ form: 'segments.error.noRule' })
	})

	test('spend: min ≤ max, yuan with at most two decimals, not negative', () => {
		expect(messages({ minSpendYuan: 500, maxSpendYuan: 100 })).toEqual({ maxSpendYuan: 'segments.error.spendRange' })
		expect(messages({ minSpendYuan: -1 })).toEqual({ minSpendYuan: 'segments.error.spend' })
		expect(messages({ minSpendYuan: 9.999 })).toEqual({ minSpendYuan: 'segments.error.spend' })
		expect(messages({ minSpendYuan: Number.NaN })).toEqual({ minSpendYuan: 'segments.error.spend' })
		expect(messages({ minSpendYuan: 99.5, maxSpendYuan: 99.5 })).toEqual({})
	})

	test('days: whole, 1 to 3650; "within 30" with "none for 60" cannot both hold', () => {
		expect(messages({ lastOrderWithinDays: 0 })).toEqual({ lastOrderWithinDays: 'segments.error.days' })
		expect(messages({ noOrderForDays: 3651 })).toEqual({ noOrderForDays: 'segments.error.days' })
		expect(messages({ lastOrderWithinDays: 1.5 })).toEqual({ lastOrderWithinDays: 'segments.error.days' })
		expect(messages({ lastOrderWithinDays: 30, noOrderForDays: 60 })).toEqual({ noOrderForDays: 'segments.error.orderWindow' })
		expect(messages({ lastOrderWithinDays: 90, noOrderForDays: 30 })).toEqual({})
	})

	test('bands from the list only; tags trimmed, lower-cased, without commas, at most 30 characters', () => {
		expect(messages({ childBands: ['12-18'] })).toEqual({ childBands: 'segments.error.childBand' })
		expect(messages({ tags: ['a'.repeat(31)] })).toEqual({ tags: 'tags.error.tooLong' })
		expect(SegmentRulesSchema.parse({ tags: ['  Green Tea ', 'green tea'] })).toEqual({ tags: ['green tea'] })
		expect(messages({ regions: Array.from({ length: 21 }, (_, i) => `r${i}`) })).toEqual({ regions: 'segments.error.tooMany' })
	})
})
