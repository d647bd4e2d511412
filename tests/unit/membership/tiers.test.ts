import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { memberStandings, onTierReached, pointsMultiplierPct, refreshTiers, saveTierSettings } from '#app/domain/membership/tiers.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '../posts/fixtures.ts'

// Tier evaluation on real rows: orders are written as the import writes them (paid, placed at
// a date), since spend over a rolling period is the rule's input.

const DAY = 86_400_000
const daysAgo = (n: number, from = Date.now()) => new Date(from - n * DAY)

async function ladder() {
	await prisma.memberTier.deleteMany()
	await prisma.tier.deleteMany()
	const tiers = [
		{ name: 'Member', position: 0, minSpendCents: 0, pointsMultiplierPct: 100 },
		{ name: 'Silver', position: 1, minSpendCents: 200_000, pointsMultiplierPct: 120 },
		{ name: 'Gold', position: 2, minSpendCents: 800_000, pointsMultiplierPct: 150 },
		{ name: 'Diamond', position: 3, minSpendCents: 2_000_000, pointsMultiplierPct: 200 },
	]
	for (const t of tiers) await prisma.tier.create({ data: t, select: { id: true } })
	await saveTierSettings({ periodDays: 365, graceDays: 30 })
}

async function order(memberId: string, totalCents: number, placedAt: Date, status = 'paid') {
	await prisma.shopOrder.create({ data: { externalId: `T-${randomUUID()}`, memberId, totalCents, placedAt, status }, select: { id: true } })
}

const tierName = async (userId: string, now?: Date) => (await memberStandings([userId], now)).get(userId)?.tier?.name

beforeEach(ladder)

describe('tiers follow spend over the period', () => {
	test('a member with no orders stands in the first tier; spend past a threshold promotes at once, skipping tiers on the way', async () => {
		const m = await member()
		expect(await tierName(m.id)).toBe('Member')
		await order(m.id, 900_000, daysAgo(3))
		const reached: { tier: string; skipped: string[] }[] = []
		onTierReached(async (c) => void reached.push({ tier: c.tier.name, skipped: c.skipped.map((t) => t.name) }))
		const changes = await refreshTiers([m.id])
		expect(changes.map((c) => c.to.name)).toEqual(['Gold'])
		expect(await tierName(m.id)).toBe('Gold')
		expect(reached.filter((r) => r.tier === 'Gold')).toEqual([{ tier: 'Gold', skipped: ['Member', 'Silver'] }])
		const told = await prisma.notification.findMany({ where: { userId: m.id, kind: 'tierReached' }, select: { params: true } })
		expect(told.map((n) => JSON.parse(n.params).tier)).toEqual(['Gold'])
	})

	test('refunded orders and orders older than the period do not count', async () => {
		const m = await member()
		await order(m.id, 900_000, daysAgo(3), 'refunded')
		await order(m.id, 900_000, daysAgo(400))
		await order(m.id, 250_000, daysAgo(10))
		await refreshTiers([m.id])
		expect(await tierName(m.id)).toBe('Silver')
		expect((await memberStandings([m.id])).get(m.id)?.spendCents).toBe(250_000)
	})

	test('a member whose spend falls short keeps the tier through the grace period, then moves down', async () => {
		const m = await member()
		const start = Date.now()
		await order(m.id, 900_000, daysAgo(360, start))
		await refreshTiers([m.id], new Date(start))
		expect(await tierName(m.id, new Date(start))).toBe('Gold')

		// Ten days later the order has left the 365-day period: spend is 0, the grace begins.
		const later = new Date(start + 10 * DAY)
		expect(await refreshTiers([m.id], later)).toEqual([])
		const standing = (await memberStandings([m.id], later)).get(m.id)!
		expect(standing.tier?.name).toBe('Gold')
		expect(standing.keepsUntil?.toISOString()).toBe(new Date(later.getTime() + 30 * DAY).toISOString())

		// Still inside the grace: nothing moves, and the grace does not restart.
		await refreshTiers([m.id], new Date(start + 30 * DAY))
		expect(await tierName(m.id)).toBe('Gold')
		const downgraded = await refreshTiers([m.id], new Date(start + 41 * DAY))
		expect(downgraded.map((c) => [c.from?.name, c.to.name])).toEqual([['Gold', 'Member']])
		expect(await tierName(m.id)).toBe('Member')
	})

	test('spending again during the grace keeps the tier and ends the grace', async () => {
		const m = await member()
		const start = Date.now()
		await order(m.id, 900_000, daysAgo(360, start))
		await refreshTiers([m.id], new Date(start))
		await refreshTiers([m.id], new Date(start + 10 * DAY))
		await order(m.id, 850_000, new Date(start + 12 * DAY))
		await refreshTiers([m.id], new Date(start + 12 * DAY))
		const standing = (await memberStandings([m.id], new Date(start + 12 * DAY))).get(m.id)!
		expect(standing.tier?.name).toBe('Gold')
		expect(standing.belowSince).toBeNull()
	})

	test('ten refreshes at once promote the member once and tell them once', async () => {
		const m = await member()
		await order(m.id, 2_100_000, daysAgo(1))
		const results = await Promise.all(Array.from({ length: 10 }, () => refreshTiers([m.id])))
		expect(results.flat().filter((c) => c.to.name === 'Diamond')).toHaveLength(1)
		expect(await prisma.notification.count({ where: { userId: m.id, kind: 'tierReached' } })).toBe(1)
		expect(await prisma.memberTier.count({ where: { userId: m.id } })).toBe(1)
	})

	test('the points multiplier is the tier’s', async () => {
		const m = await member()
		expect(await pointsMultiplierPct(m.id)).toBe(100)
		await order(m.id, 800_000, daysAgo(1))
		await refreshTiers([m.id])
		expect(await pointsMultiplierPct(m.id)).toBe(150)
	})
})
