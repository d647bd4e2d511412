import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { award, expireDue, getBalance, listHistory, spend, sumOfEntries, upcomingExpiries } from '#app/domain/points/ledger.server.ts'
import { saveRule, setValidityMonths } from '#app/domain/points/rules.server.ts'
import { prisma } from '#app/lib/db.server.ts'

async function member() {
	const user = await createUser({ email: `p-${randomUUID()}@quanzi.test`, displayName: 'P', password: 'long enough' })
	return user!.id
}
const key = () => randomUUID()

async function expectConsistent(memberId: string, balance: number) {
	expect(await getBalance(memberId)).toBe(balance)
	expect(await sumOfEntries(memberId)).toBe(balance)
}

describe('awards', () => {
	test('pays what the rule says, once per key', async () => {
		const m = await member()
		const first = await award({ memberId: m, trigger: 'post.featured', key: 'post:1:featured', sourceRef: 'post:1' })
		expect(first).toMatchObject({ ok: true, amount: 50, duplicate: false })
		const again = await award({ memberId: m, trigger: 'post.featured', key: 'post:1:featured' })
		expect(again).toMatchObject({ ok: true, amount: 50, duplicate: true })
		await expectConsistent(m, 50)
	})

	test('50 concurrent duplicates of one event write one entry', async () => {
		const m = await member()
		const results = await Promise.all(Array.from({ length: 50 }, () => award({ memberId: m, trigger: 'post.featured', key: `race:${m}` })))
		expect(results.every((r) => r.ok)).toBe(true)
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1)
		expect(await prisma.pointsEntry.count({ where: { userId: m } })).toBe(1)
		await expectConsistent(m, 50)
	})

	test('a cap per member per period holds under concurrency', async () => {
		const m = await member()
		// vote.cast defaults to 2 points, at most 10 a day.
		const results = await Promise.all(Array.from({ length: 25 }, () => award({ memberId: m, trigger: 'vote.cast', key: key() })))
		expect(results.filter((r) => r.ok)).toHaveLength(10)
		expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(Array(15).fill('points.capReached'))
		await expectConsistent(m, 20)
	})

	test('bad input changes nothing and says why', async () => {
		const m = await member()
		expect(await award({ memberId: m, trigger: 'review.fiveStars', key: key() })).toEqual({ ok: false, error: 'points.unknownRule' })
		expect(await award({ memberId: m, trigger: 'post.featured', key: '' })).toEqual({ ok: false, error: 'points.badKey' })
		expect(await award({ memberId: m, trigger: 'prize.points', key: key(), points: -5 })).toEqual({ ok: false, error: 'points.badAmount' })
		expect(await award({ memberId: m, trigger: 'prize.points', key: key(), points: 1.5 })).toEqual({ ok: false, error: 'points.badAmount' })
		expect(await saveRule({ trigger: 'share.order', points: 50, capCount: null, capPeriod: null, enabled: false })).toEqual({ ok: true })
		expect(await award({ memberId: m, trigger: 'share.order', key: key() })).toEqual({ ok: false, error: 'points.ruleDisabled' })
		await saveRule({ trigger: 'share.order', points: 50, capCount: null, capPeriod: null, enabled: true })
		await expectConsistent(m, 0)
	})
})

describe('spending', () => {
	test('never below zero, whatever the concurrency: 30 racing spends of 10 on a balance of 100', async () => {
		const m = await member()
		await award({ memberId: m, trigger: 'prize.points', key: key(), points: 100 })
		const results = await Promise.all(Array.from({ length: 30 }, () => spend({ memberId: m, amount: 10, reason: 'spend:draw', key: key() })))
		expect(results.filter((r) => r.ok)).toHaveLength(10)
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'points.insufficient')).toBe(true)
		await expectConsistent(m, 0)
	})

	test('the same spend key twice takes once; bad amounts are refused', async () => {
		const m = await member()
		await award({ memberId: m, trigger: 'prize.points', key: key(), points: 30 })
		const k = key()
		expect(await spend({ memberId: m, amount: 20, reason: 'spend:draw', key: k })).toMatchObject({ ok: true, duplicate: false })
		expect(await spend({ memberId: m, amount: 20, reason: 'spend:draw', key: k })).toMatchObject({ ok: true, duplicate: true })
		expect(await spend({ memberId: m, amount: 20, reason: 'spend:draw', key: key() })).toEqual({ ok: false, error: 'points.insufficient' })
		for (const amount of [0, -5, 2.5, Number.NaN]) expect(await spend({ memberId: m, amount, reason: 'spend:draw', key: key() })).toEqual({ ok: false, error: 'points.badAmount' })
		await expectConsistent(m, 10)
	})

	test('a member with no points cannot spend', async () => {
		const m = await member()
		expect(await spend({ memberId: m, amount: 1, reason: 'spend:draw', key: key() })).toEqual({ ok: false, error: 'points.insufficient' })
		await expectConsistent(m, 0)
	})
})

describe('expiry', () => {
	async function grantAt(m: string, points: number, expiresAt: Date) {
		const r = await award({ memberId: m, trigger: 'prize.points', key: key(), points })
		if (!r.ok) throw new Error(r.error)
		await prisma.pointsEntry.update({ where: { id: r.entryId }, data: { expiresAt } })
		return r.entryId
	}

	test('spends take the oldest-expiring lot first, and only what is left of a lot expires', async () => {
		const m = await member()
		const soon = new Date(Date.now() + 24 * 3600_000)
		const later = new Date(Date.now() + 60 * 24 * 3600_000)
		await grantAt(m, 100, later)
		await grantAt(m, 40, soon)
		await spend({ memberId: m, amount: 50, reason: 'spend:draw', key: key() })
		// The 40 expiring soon were spent first, then 10 of the later 100.
		expect(await upcomingExpiries(m)).toEqual([{ date: later.toISOString().slice(0, 10), points: 90 }])
		expect(await expireDue(m, new Date(later.getTime() + 1000))).toBe(90)
		await expectConsistent(m, 0)
	})

	test('expired points are gone before a spend and expiring twice takes once', async () => {
		const m = await member()
		await grantAt(m, 30, new Date(Date.now() - 1000))
		await grantAt(m, 20, new Date(Date.now() + 3600_000))
		expect(await spend({ memberId: m, amount: 30, reason: 'spend:draw', key: key() })).toEqual({ ok: false, error: 'points.insufficient' })
		expect(await expireDue(m)).toBe(0)
		await expectConsistent(m, 20)
		const history = await listHistory(m)
		expect(history.items.map((e) => e.reason)).toContain('expire')
	})

	test('the validity period is the merchant setting (12 months by default)', async () => {
		const m = await member()
		await award({ memberId: m, trigger: 'post.featured', key: key() })
		expect(await setValidityMonths(0)).toBe(false)
		expect(await setValidityMonths(6)).toBe(true)
		await award({ memberId: m, trigger: 'post.featured', key: key() })
		await setValidityMonths(12)
		const months = (await prisma.pointsEntry.findMany({ where: { userId: m }, orderBy: { createdAt: 'asc' }, select: { expiresAt: true, createdAt: true } })).map(
			(e) => Math.round((e.expiresAt!.getTime() - e.createdAt.getTime()) / (30.44 * 24 * 3600_000)),
		)
		expect(months).toEqual([12, 6])
	})
})

describe('rules the merchant may not have', () => {
	test.each([
		['review.fiveStars', 'points.forbidden.rating'],
		['review.positive', 'points.forbidden.rating'],
		['share.sent', 'points.forbidden.share'],
		['share.clicked', 'points.forbidden.share'],
		['made.up', 'points.unknownRule'],
	])('%s is refused with %s', async (trigger, error) => {
		expect(await saveRule({ trigger, points: 10, capCount: null, capPeriod: null, enabled: true })).toEqual({ ok: false, error })
	})

	test('nonsense numbers are refused', async () => {
		for (const bad of [
			{ points: -1, capCount: null, capPeriod: null },
			{ points: 10, capCount: 0, capPeriod: 'day' },
			{ points: 10, capCount: 3, capPeriod: 'year' },
			{ points: 10, capCount: null, capPeriod: 'day' },
		]) expect(await saveRule({ trigger: 'vote.cast', enabled: true, ...bad })).toEqual({ ok: false, error: 'points.badRule' })
	})
})
