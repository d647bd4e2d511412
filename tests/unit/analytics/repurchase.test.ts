import { describe, expect, test } from 'vitest'
import { repurchase } from '#app/domain/analytics/repurchase.server.ts'
import { paidOrder, signedUp } from './fixtures.ts'

const JANUARY = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-31T23:59:59.999Z') }

describe('repurchase', () => {
	test('members with two paid orders out of members with one, and the median days to the second', async () => {
		const [p, q, s, t, u, v] = await Promise.all([1, 2, 3, 4, 5, 6].map(() => signedUp('2025-06-01')))
		for (const day of ['2026-01-02', '2026-01-05', '2026-01-20']) await paidOrder(p!.id, day) // 3 days to the second
		for (const day of ['2026-01-03', '2026-01-13']) await paidOrder(q!.id, day) // 10 days
		for (const day of ['2026-01-01', '2026-01-21']) await paidOrder(s!.id, day) // 20 days
		await paidOrder(t!.id, '2026-01-08')
		await paidOrder(u!.id, '2026-01-04')
		await paidOrder(u!.id, '2026-01-06', 'refunded') // a refunded order is no repurchase
		await paidOrder(v!.id, '2025-12-10') // before the range
		await paidOrder(v!.id, '2026-01-10')
		await paidOrder(null, '2026-01-10') // guests are nobody's repurchase
		await paidOrder(null, '2026-01-12')

		const figures = await repurchase(JANUARY)
		expect(figures).toMatchObject({ buyers: 6, repeaters: 3, rate: 0.5, medianDaysToSecond: 10 })
		expect(figures.buckets).toEqual([
			{ label: '0-7', members: 1 },
			{ label: '8-30', members: 2 },
			{ label: '31-90', members: 0 },
			{ label: '90+', members: 0 },
		])
	})
})
