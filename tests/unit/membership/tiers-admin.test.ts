import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { tierCardData } from '#app/domain/membership/benefits.server.ts'
import { saveTiers, SUGGESTED_LADDER, tierDistribution, type LadderInput } from '#app/domain/membership/tier-admin.server.ts'
import { getTierSettings, listTiers, memberStandings, refreshTiers } from '#app/domain/membership/tiers.server.ts'
import { award } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { customer, paidOrder, template } from './coupons-fixtures.ts'

const ladder = (tiers: LadderInput['tiers'], periodDays = '365', graceDays = '30'): LadderInput => ({ tiers, periodDays, graceDays })
const row = (name: string, threshold: string, multiplier: string, couponTemplateId?: string) => ({ name, threshold, multiplier, couponTemplateId })

async function refused(input: LadderInput) {
	const before = JSON.stringify([await listTiers(), await getTierSettings()])
	const result = await saveTiers(input)
	expect(result.ok).toBe(false)
	// Nothing half-saved: the ladder and the settings are as they were.
	expect(JSON.stringify([await listTiers(), await getTierSettings()])).toBe(before)
	return result.ok ? null : result
}

// One ladder for the whole file (the tests run in order): empty, refused, suggested, edited.
describe('the ladder form', () => {
	test('each mistake is refused next to its field, and nothing is saved', async () => {
		expect(await refused(ladder([row('Member', '0', '1')]))).toMatchObject({ formError: 'tiers.error.count' })
		expect(await refused(ladder(Array.from({ length: 7 }, (_, i) => row(`T${i}`, String(i * 100), '1'))))).toMatchObject({ formError: 'tiers.error.count' })
		expect((await refused(ladder([row('Member', '10', '1'), row('Silver', '2000', '1.2')])))?.fieldErrors).toEqual({ 'tier0.threshold': 'tiers.error.firstThreshold' })
		expect((await refused(ladder([row('Member', '0', '1'), row('Silver', '2000', '1.2'), row('Gold', '2000', '1.5')])))?.fieldErrors).toEqual({ 'tier2.threshold': 'tiers.error.thresholdOrder' })
		expect((await refused(ladder([row('Member', '0', '1'), row('Gold', '8000', '1.5'), row('Silver', '2000', '1.2')])))?.fieldErrors).toEqual({
			'tier2.threshold': 'tiers.error.thresholdOrder',
			'tier2.multiplier': 'tiers.error.multiplierOrder',
		})
		expect((await refused(ladder([row('Member', '0', '0.5'), row('Silver', '2000', '1.25'), row('Gold', 'lots', '11')])))?.fieldErrors).toEqual({
			'tier0.multiplier': 'tiers.error.multiplier',
			'tier1.multiplier': 'tiers.error.multiplier',
			'tier2.threshold': 'tiers.error.threshold',
			'tier2.multiplier': 'tiers.error.multiplier',
		})
		expect((await refused(ladder([row('Member', '0', '1'), row('member', '2000', '1.2'), row('A name far over twenty', '3000', '1.2')])))?.fieldErrors).toEqual({
			'tier1.name': 'tiers.error.nameTaken',
			'tier2.name': 'tiers.error.name',
		})
		expect((await refused(ladder([row('Member', '0', '1'), row('Silver', '2000', '1.2', 'no-such-template')])))?.fieldErrors).toEqual({ 'tier1.couponTemplateId': 'tiers.error.couponTemplate' })
		expect((await refused(ladder([row('Member', '0', '1'), row('Silver', '2000', '1.2')], '10', '200')))?.fieldErrors).toEqual({ periodDays: 'tiers.error.period', graceDays: 'tiers.error.grace' })
		// A threshold row without a name is a tier without a name, not a blank row.
		expect((await refused(ladder([row('Member', '0', '1'), row('', '2000', '1.2')])))?.fieldErrors).toEqual({ 'tier1.name': 'tiers.error.name' })
	})

	test('the suggested ladder saves four tiers with their thresholds and multipliers, and the period and grace', async () => {
		const member = await customer()
		await paidOrder(member, 900_000)
		expect(await saveTiers(SUGGESTED_LADDER)).toMatchObject({ ok: true })
		expect((await listTiers()).map((t) => [t.position, t.name, t.minSpendCents, t.pointsMultiplierPct])).toEqual([
			[0, 'Member', 0, 100],
			[1, 'Silver', 200_000, 120],
			[2, 'Gold', 800_000, 150],
			[3, 'Diamond', 2_000_000, 200],
		])
		expect(await getTierSettings()).toEqual({ periodDays: 365, graceDays: 30 })
		// Members with orders were evaluated against it at once.
		expect(await prisma.memberTier.findUnique({ where: { userId: member }, select: { tier: { select: { name: true } } } })).toEqual({ tier: { name: 'Gold' } })
		const goldId = (await listTiers()).find((t) => t.name === 'Gold')!.id
		expect((await tierDistribution()).find((d) => d.tierId === goldId)?.members).toBe(1)
	})

	test('tiers are edited in place: names may swap, members keep their tier row, a held tier cannot be removed', async () => {
		const before = await listTiers()
		const coupon = await template({ name: 'Gold gift' })
		// Swap two names (unique in the table) and attach a coupon, in one save.
		const swapped = await saveTiers(ladder([row('Member', '0', '1'), row('Gold', '2000', '1.2'), row('Silver', '8000', '1.5', coupon), row('Diamond', '20000', '2')]))
		expect(swapped.ok).toBe(true)
		const after = await listTiers()
		expect(after.map((t) => t.id)).toEqual(before.map((t) => t.id))
		expect(after.map((t) => t.name)).toEqual(['Member', 'Gold', 'Silver', 'Diamond'])
		expect(after[2]!.couponTemplateId).toBe(coupon)

		// A member stands in the third tier: removing it is refused, with the tier and the count.
		const held = await refused(ladder([row('Member', '0', '1'), row('Gold', '2000', '1.2')]))
		expect(held).toMatchObject({ formError: 'tiers.error.tierHeld', formParams: { tier: 'Silver', count: 1 } })
		// The top tier holds nobody: it goes.
		expect((await saveTiers(ladder([row('Member', '0', '1'), row('Silver', '2000', '1.2'), row('Gold', '8000', '1.5')]))).ok).toBe(true)
		expect((await listTiers()).map((t) => t.name)).toEqual(['Member', 'Silver', 'Gold'])
	})

	test('raising a threshold re-evaluates members: below it they keep their tier through the grace', async () => {
		const member = await customer()
		await paidOrder(member, 900_000)
		expect((await saveTiers(ladder([row('Member', '0', '1'), row('Silver', '2000', '1.2'), row('Gold', '8000', '1.5')]))).ok).toBe(true)
		expect((await memberStandings([member])).get(member)?.tier?.name).toBe('Gold')
		expect((await saveTiers(ladder([row('Member', '0', '1'), row('Silver', '2000', '1.2'), row('Gold', '10000', '1.5')]))).ok).toBe(true)
		const standing = (await memberStandings([member])).get(member)
		expect(standing?.tier?.name).toBe('Gold')
		expect(standing?.belowSince).not.toBeNull()
		const card = await tierCardData(member)
		expect(card?.standing.keepsUntil).toBe(standing?.keepsUntil?.toISOString())
	})
})

describe('the tier card', () => {
	test('shows the tier, the spend and what the next tier needs by when', async () => {
		const member = await customer()
		const placed = new Date(Date.now() - 100 * 86_400_000)
		await paidOrder(member, 300_000, placed)
		const card = await tierCardData(member)
		expect(card?.standing).toMatchObject({ tier: { name: 'Silver', pointsMultiplierPct: 120 }, spendCents: 300_000, periodDays: 365, keepsUntil: null })
		// The ¥3,000 counts until its order leaves the 365-day period: ¥7,000 more by then reaches Gold.
		expect(card?.nextTier).toEqual({ name: 'Gold', minSpendCents: 1_000_000, moreCents: 700_000, by: new Date(placed.getTime() + 365 * 86_400_000).toISOString() })
	})
})

describe('points multiplier', () => {
	test('rule awards are multiplied by the member’s tier (rounded down, never below the rule); prize packs are not; a key still pays once', async () => {
		// The ladder is now Member ×1, Silver from ¥2,000 ×1.2, Gold from ¥10,000 ×1.5.
		const gold = await customer()
		await paidOrder(gold, 1_000_000)
		const silver = await customer()
		await paidOrder(silver, 300_000)
		const plain = await customer()
		// The order import re-evaluates tiers after every import; these orders are written directly.
		await refreshTiers([gold, silver])
		// post.featured pays 50 by default: ×1.5 is 75.
		const key = `post:${randomUUID()}:featured`
		const [first, again] = await Promise.all([award({ memberId: gold, trigger: 'post.featured', key }), award({ memberId: gold, trigger: 'post.featured', key })])
		expect(first).toMatchObject({ ok: true, amount: 75 })
		expect(again).toMatchObject({ ok: true, amount: 75 })
		expect(await prisma.pointsEntry.count({ where: { key } })).toBe(1)
		// vote.cast pays 2: ×1.2 is 2.4, rounded down to 2 (never below the rule's 2).
		expect(await award({ memberId: silver, trigger: 'vote.cast', key: randomUUID() })).toMatchObject({ ok: true, amount: 2 })
		// live.watched pays 5: ×1.5 is 7.5 → 7.
		expect(await award({ memberId: gold, trigger: 'live.watched', key: randomUUID() })).toMatchObject({ ok: true, amount: 7 })
		expect(await award({ memberId: plain, trigger: 'post.featured', key: randomUUID() })).toMatchObject({ ok: true, amount: 50 })
		// A prize pack carries its own size.
		expect(await award({ memberId: gold, trigger: 'prize.points', key: randomUUID(), points: 100 })).toMatchObject({ ok: true, amount: 100 })
	})
})
