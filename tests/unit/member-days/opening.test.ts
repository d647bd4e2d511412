import { describe, expect, test } from 'vitest'
import { openBlindBox, verifyOpening } from '#app/domain/member-days/open-box.server.ts'
import { poolOdds } from '#app/domain/member-days/pools.server.ts'
import { getBalance } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { DAY, day, HOUR, memberWith, pool, regionSegment } from './helpers.ts'

// Opening blind boxes: never oversold, every box re-computes from the seed, the guarantee
// holds, and each refusal says why and writes nothing.

async function written(poolId: string, memberId: string) {
	const [openings, remaining, entries, intents, balance] = await Promise.all([
		prisma.blindBoxOpening.count({ where: { poolId } }),
		prisma.blindBoxPool.findUniqueOrThrow({ where: { id: poolId }, select: { remaining: true } }),
		prisma.pointsEntry.count({ where: { userId: memberId } }),
		prisma.orderIntent.count({ where: { memberId } }),
		getBalance(memberId),
	])
	return { openings, remaining: remaining.remaining, entries, intents, balance }
}

describe('opening blind boxes', () => {
	test('5,000 concurrent purchases on a 1,000-box pool sell exactly 1,000, with exactly the packed contents', async () => {
		const id = await pool(await day(), {
			boxes: 1000,
			perMemberLimit: 1000,
			items: [{ name: 'Tablet', total: 3 }, { name: 'Gift set', total: 200 }, { name: 'Tea sample', total: 797 }],
		})
		const members = await Promise.all(Array.from({ length: 50 }, () => memberWith(1000)))
		const results = await Promise.all(Array.from({ length: 5000 }, (_, i) => openBlindBox(id, members[i % 50]!)))
		const sold = results.flatMap((r) => (r.ok ? [r] : []))
		expect(sold).toHaveLength(1000)
		expect(new Set(results.flatMap((r) => (r.ok ? [] : [r.error])))).toEqual(new Set(['days.error.soldOut']))
		const handedOut = { Tablet: 0, 'Gift set': 0, 'Tea sample': 0 } as Record<string, number>
		for (const r of sold) handedOut[r.item.name]!++
		expect(handedOut).toEqual({ Tablet: 3, 'Gift set': 200, 'Tea sample': 797 })
		const after = await poolOdds(id)
		expect(after!.remaining).toBe(0)
		expect(after!.odds.map((o) => o.remaining)).toEqual([0, 0, 0])
		const openings = await prisma.blindBoxOpening.findMany({ where: { poolId: id }, select: { sequence: true } })
		expect(openings.map((o) => o.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1))
		// Every box was paid, once: 10 points each.
		const spent = await prisma.pointsEntry.aggregate({ where: { reason: 'spend:blindbox', sourceRef: id }, _sum: { amount: true }, _count: true })
		expect(spent).toMatchObject({ _sum: { amount: -10_000 }, _count: 1000 })
		const balances = await Promise.all(members.map((m) => getBalance(m)))
		expect(balances.reduce((a, b) => a + b, 0)).toBe(50 * 1000 - 10_000)
	}, 90_000)

	test('every opening re-computes from the revealed seed, which matches the commitment', async () => {
		const endsAt = new Date(Date.now() + HOUR)
		const id = await pool(await day({ endsAt }), { guaranteeEvery: 4, guaranteePosition: 1 })
		const m = await memberWith(1000)
		const opened = []
		for (let i = 0; i < 12; i++) opened.push(await openBlindBox(id, m))
		const later = new Date(endsAt.getTime() + 1)
		expect((await poolOdds(id))!.seed).toBeNull()
		expect((await poolOdds(id, later))!.seed).toMatch(/^[0-9a-f]{64}$/)
		for (const o of opened) {
			if (!o.ok) throw new Error(o.error)
			expect(await verifyOpening(o.openingId)).toEqual({ verifiable: false, reason: 'days.seedHidden' })
			expect(await verifyOpening(o.openingId, later)).toMatchObject({ verifiable: true, seedMatchesCommitment: true, matches: true })
		}
		// A tampered record no longer verifies.
		const first = opened[0]!
		if (!first.ok) throw new Error()
		const other = await prisma.blindBoxItem.findFirstOrThrow({ where: { poolId: id, position: { not: first.item.position } }, select: { id: true } })
		await prisma.blindBoxOpening.update({ where: { id: first.openingId }, data: { itemId: other.id } })
		expect(await verifyOpening(first.openingId, later)).toMatchObject({ verifiable: true, matches: false })
	})

	test('the guarantee holds: every 3rd box a member opens is a gift set or better', async () => {
		const id = await pool(await day(), {
			boxes: 200,
			perMemberLimit: 100,
			guaranteeEvery: 3,
			guaranteePosition: 1,
			items: [{ name: 'Tablet', total: 1 }, { name: 'Gift set', total: 9 }, { name: 'Sticker', total: 190 }],
		})
		const members = await Promise.all([memberWith(1000), memberWith(1000)])
		for (const m of members) {
			for (let n = 1; n <= 9; n++) {
				const r = await openBlindBox(id, m)
				if (!r.ok) throw new Error(r.error)
				expect(r.number).toBe(n)
				if (n % 3 === 0) expect(r.item.position).toBeLessThanOrEqual(1)
			}
		}
		expect((await poolOdds(id))!.guaranteeItem).toBe('Gift set')
	})

	test('a token cash price is recorded as an order intent with the opening', async () => {
		const id = await pool(await day(), { pricePoints: 0, priceCents: 990 })
		const m = await memberWith()
		const r = await openBlindBox(id, m)
		expect(r.ok).toBe(true)
		expect(await prisma.orderIntent.findMany({ where: { memberId: m }, select: { source: true, sourceId: true, depositCents: true, quantity: true } })).toEqual([
			{ source: 'blindbox', sourceId: id, depositCents: 990, quantity: 1 },
		])
	})

	test('racing opens by one member stop exactly at the per-member limit and at the daily cap', async () => {
		const memberDayId = await day({ dailyCapPoints: 50 })
		const [limited, capped] = [await pool(memberDayId, { pricePoints: 0, perMemberLimit: 3 }), await pool(memberDayId, { name: 'Capped box' })]
		const m = await memberWith(1000)
		const byLimit = await Promise.all(Array.from({ length: 30 }, () => openBlindBox(limited, m)))
		expect(byLimit.filter((r) => r.ok)).toHaveLength(3)
		expect(new Set(byLimit.flatMap((r) => (r.ok ? [] : [r.error])))).toEqual(new Set(['days.error.limitReached']))
		const byCap = await Promise.all(Array.from({ length: 30 }, () => openBlindBox(capped, m)))
		expect(byCap.filter((r) => r.ok)).toHaveLength(5)
		expect(new Set(byCap.flatMap((r) => (r.ok ? [] : [r.error])))).toEqual(new Set(['days.error.dailyCap']))
		expect(await getBalance(m)).toBe(950)
	})

	test('past the per-member limit: refused, nothing written', async () => {
		const id = await pool(await day(), { perMemberLimit: 2 })
		const m = await memberWith(100)
		expect((await openBlindBox(id, m)).ok).toBe(true)
		expect((await openBlindBox(id, m)).ok).toBe(true)
		const before = await written(id, m)
		expect(await openBlindBox(id, m)).toEqual({ ok: false, error: 'days.error.limitReached' })
		expect(await written(id, m)).toEqual(before)
		expect(before).toMatchObject({ openings: 2, remaining: 98, balance: 80 })
	})

	test('an empty pool: refused, nothing written', async () => {
		const id = await pool(await day(), { boxes: 2, items: [{ name: 'Pin', total: 2 }] })
		const [a, b] = await Promise.all([memberWith(100), memberWith(100)])
		expect((await openBlindBox(id, a)).ok).toBe(true)
		expect((await openBlindBox(id, a)).ok).toBe(true)
		const before = await written(id, b)
		expect(await openBlindBox(id, b)).toEqual({ ok: false, error: 'days.error.soldOut' })
		expect(await written(id, b)).toEqual(before)
	})

	test('a member outside the day\'s segment: refused, nothing written; a member inside may open', async () => {
		const segmentId = await regionSegment('Chengdu')
		const id = await pool(await day({ segmentId }))
		const [outsider, insider] = await Promise.all([memberWith(100, 'Beijing'), memberWith(100, 'Chengdu')])
		const before = await written(id, outsider)
		expect(await openBlindBox(id, outsider)).toEqual({ ok: false, error: 'days.error.notEligible' })
		expect(await written(id, outsider)).toEqual(before)
		expect((await openBlindBox(id, insider)).ok).toBe(true)
	})

	test('before the day opens and after it ends: refused, nothing written', async () => {
		const startsAt = new Date(Date.now() + DAY)
		const id = await pool(await day({ startsAt, endsAt: new Date(startsAt.getTime() + DAY) }))
		const m = await memberWith(100)
		const before = await written(id, m)
		expect(await openBlindBox(id, m)).toEqual({ ok: false, error: 'days.error.notOpen' })
		expect(await openBlindBox(id, m, new Date(startsAt.getTime() + 2 * DAY))).toEqual({ ok: false, error: 'days.error.ended' })
		expect(await written(id, m)).toEqual(before)
		expect((await openBlindBox(id, m, new Date(startsAt.getTime() + HOUR))).ok).toBe(true)
	})

	test('over the daily spending cap: refused, nothing written; the next day the member may spend again', async () => {
		const memberDayId = await day({ dailyCapPoints: 25 })
		const [first, second] = [await pool(memberDayId), await pool(memberDayId, { name: 'Second box' })]
		const m = await memberWith(1000)
		const today = new Date()
		expect((await openBlindBox(first, m, today)).ok).toBe(true)
		expect((await openBlindBox(second, m, today)).ok).toBe(true)
		const before = await written(second, m)
		// The cap spans every pool of the day.
		expect(await openBlindBox(second, m, today)).toEqual({ ok: false, error: 'days.error.dailyCap' })
		expect(await openBlindBox(first, m, today)).toEqual({ ok: false, error: 'days.error.dailyCap' })
		expect(await written(second, m)).toEqual(before)
		expect((await openBlindBox(first, m, new Date(today.getTime() + DAY))).ok).toBe(true)
	})

	test('without enough points: refused, nothing written', async () => {
		const id = await pool(await day())
		const m = await memberWith(5)
		const before = await written(id, m)
		expect(await openBlindBox(id, m)).toEqual({ ok: false, error: 'points.insufficient' })
		expect(await written(id, m)).toEqual(before)
	})
})
