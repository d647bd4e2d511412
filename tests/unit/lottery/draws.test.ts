import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { createCampaign, getCampaign } from '#app/domain/lottery/campaigns.server.ts'
import { draw, verifyDraw } from '#app/domain/lottery/draws.server.ts'
import { drawIndex, pickPosition } from '#app/domain/lottery/fairness.server.ts'
import { award, getBalance, sumOfEntries } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'

const HOUR = 3600_000
async function member(points = 0) {
	const user = await createUser({ email: `l-${randomUUID()}@quanzi.test`, displayName: 'L', password: 'long enough' })
	if (points > 0) await award({ memberId: user!.id, trigger: 'prize.points', key: randomUUID(), points })
	return user!.id
}
async function campaign(overrides: Partial<Parameters<typeof createCampaign>[0]> = {}) {
	const created = await createCampaign({
		title: 'Autumn draw',
		costPoints: 0,
		perMemberLimit: 10,
		startsAt: new Date(Date.now() - HOUR),
		endsAt: new Date(Date.now() + HOUR),
		prizes: [
			{ name: 'Tablet', kind: 'physical', total: 1 },
			{ name: 'Coupon', kind: 'coupon', total: 20 },
			{ name: '50 points', kind: 'points', points: 50, total: 500 },
		],
		...overrides,
	})
	if (!created.ok) throw new Error(JSON.stringify(created.errors))
	return created.id
}

describe('prize draws', () => {
	test('2,000 concurrent draws on a 1,000-prize pool hand out exactly 1,000 prizes, as advertised', async () => {
		const id = await campaign({
			perMemberLimit: 1000,
			prizes: [
				{ name: 'Tablet', kind: 'physical', total: 1 },
				{ name: 'Coupon', kind: 'coupon', total: 99 },
				{ name: 'Tea sample', kind: 'physical', total: 900 },
			],
		})
		const members = await Promise.all(Array.from({ length: 20 }, () => member()))
		const results = await Promise.all(Array.from({ length: 2000 }, (_, i) => draw(id, members[i % 20]!)))
		const won = results.filter((r) => r.ok)
		expect(won).toHaveLength(1000)
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'lottery.soldOut')).toBe(true)
		const byPrize = Object.fromEntries(['Tablet', 'Coupon', 'Tea sample'].map((n) => [n, won.filter((r) => r.ok && r.prize.name === n).length]))
		expect(byPrize).toEqual({ Tablet: 1, Coupon: 99, 'Tea sample': 900 })
		const pool = await prisma.prize.findMany({ where: { campaignId: id }, select: { remaining: true } })
		expect(pool.every((p) => p.remaining === 0)).toBe(true)
		expect(await prisma.draw.count({ where: { campaignId: id } })).toBe(1000)
	}, 120_000)

	test('each draw re-computes from the revealed seed, and the seed matches the commitment', async () => {
		const id = await campaign({ endsAt: new Date(Date.now() + 2000) })
		const m = await member()
		const draws = []
		for (let i = 0; i < 5; i++) draws.push(await draw(id, m))
		const before = await getCampaign(id)
		expect(before!.seed).toBeNull()
		expect(before!.seedHash).toMatch(/^[0-9a-f]{64}$/)
		const later = new Date(Date.now() + 5000)
		const after = await getCampaign(id, later)
		expect(after!.seed).toMatch(/^[0-9a-f]{64}$/)
		for (const d of draws) {
			if (!d.ok) throw new Error(d.error)
			expect(await verifyDraw(d.drawId)).toEqual({ verifiable: false, reason: 'lottery.seedHidden' })
			const check = await verifyDraw(d.drawId, later)
			expect(check).toMatchObject({ verifiable: true, seedMatchesCommitment: true, matches: true })
		}
		// A tampered record no longer verifies.
		const first = draws[0]!
		if (!first.ok) throw new Error()
		const row = await prisma.draw.findUniqueOrThrow({ where: { id: first.drawId }, select: { prize: { select: { position: true } } } })
		const other = await prisma.prize.findFirstOrThrow({ where: { campaignId: id, position: { not: row.prize.position } }, select: { id: true } })
		await prisma.draw.update({ where: { id: first.drawId }, data: { prizeId: other.id } })
		expect(await verifyDraw(first.drawId, later)).toMatchObject({ verifiable: true, matches: false })
	})

	test('the cost is paid in points; not enough points changes nothing; a points prize is credited at once', async () => {
		const id = await campaign({ costPoints: 30, prizes: [{ name: '100 points', kind: 'points', points: 100, total: 5 }] })
		const rich = await member(30)
		const won = await draw(id, rich)
		expect(won).toMatchObject({ ok: true, prize: { name: '100 points', kind: 'points', points: 100 } })
		expect(await getBalance(rich)).toBe(100)
		expect(await sumOfEntries(rich)).toBe(100)
		const poor = await member(10)
		expect(await draw(id, poor)).toEqual({ ok: false, error: 'points.insufficient' })
		expect(await draw(id, await member())).toEqual({ ok: false, error: 'points.insufficient' })
		expect(await getBalance(poor)).toBe(10)
		expect((await prisma.prize.findFirstOrThrow({ where: { campaignId: id }, select: { remaining: true } })).remaining).toBe(4)
	})

	test('per-member limits, and draws outside the campaign window, are refused', async () => {
		const id = await campaign({ perMemberLimit: 2 })
		const m = await member()
		expect((await draw(id, m)).ok).toBe(true)
		expect((await draw(id, m)).ok).toBe(true)
		expect(await draw(id, m)).toEqual({ ok: false, error: 'lottery.limitReached' })
		const later = await campaign({ startsAt: new Date(Date.now() + HOUR), endsAt: new Date(Date.now() + 2 * HOUR) })
		expect(await draw(later, m)).toEqual({ ok: false, error: 'lottery.notStarted' })
		const over = await campaign({ startsAt: new Date(Date.now() - 2 * HOUR), endsAt: new Date(Date.now() - HOUR) })
		expect(await draw(over, m)).toEqual({ ok: false, error: 'lottery.ended' })
		expect(await draw('no-such-campaign', m)).toEqual({ ok: false, error: 'lottery.notFound' })
	})

	test('bad campaigns are refused whole, with the reason per field', async () => {
		const before = await prisma.campaign.count()
		const bad = await createCampaign({
			title: '',
			costPoints: -1,
			perMemberLimit: 0,
			startsAt: new Date(Date.now() + HOUR),
			endsAt: new Date(),
			noEmptyDraws: true,
			prizes: [{ name: 'Better luck next time', kind: 'nothing', total: 10 }, { name: 'Points', kind: 'points', total: 0 }],
		})
		expect(bad.ok).toBe(false)
		expect(!bad.ok && bad.errors).toMatchObject({ title: 'lottery.title', costPoints: 'lottery.cost', perMemberLimit: 'lottery.limit', 'prizes.1.total': 'lottery.prizeCount' })
		expect(await prisma.campaign.count()).toBe(before)
	})
})

describe('fairness', () => {
	test('indexes are uniform: a chi-square test over 60,000 draws into 6 buckets', () => {
		const counts = Array(6).fill(0) as number[]
		const seed = 'ab'.repeat(32)
		for (let i = 0; i < 60_000; i++) counts[drawIndex(seed, 'c', `m${i % 300}`, i, 6)]!++
		const chi = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0)
		// 5 degrees of freedom: 20.5 is the 0.1% critical value.
		expect(chi).toBeLessThan(20.5)
	})

	test('the pool is walked in position order, each prize as wide as its count', () => {
		expect([0, 1, 2, 3, 4, 5].map((i) => pickPosition([1, 0, 2, 3], i))).toEqual([0, 2, 2, 3, 3, 3])
		expect(() => pickPosition([1, 1], 2)).toThrow()
	})
})

describe('a failure part-way through a draw', () => {
	test('leaves nothing half-paid: points, pool and ledger are as before', async () => {
		const id = await campaign({ costPoints: 10, prizes: [{ name: '100 points', kind: 'points', points: 100, total: 3 }] })
		const m = await member(50)
		const other = await member()
		// Another process's draw record already holds the next sequence number, so this
		// draw's last-but-one statement fails after its spend and pool statements ran.
		const prize = await prisma.prize.findFirstOrThrow({ where: { campaignId: id }, select: { id: true } })
		await prisma.draw.create({ data: { campaignId: id, userId: other, number: 1, sequence: 1, poolBefore: '[3]', prizeId: prize.id } })
		expect(await draw(id, m)).toEqual({ ok: false, error: 'lottery.busy' })
		expect(await getBalance(m)).toBe(50)
		expect(await sumOfEntries(m)).toBe(50)
		expect((await prisma.prize.findUniqueOrThrow({ where: { id: prize.id }, select: { remaining: true } })).remaining).toBe(3)
		expect(await prisma.draw.count({ where: { campaignId: id, userId: m } })).toBe(0)
	})
})
