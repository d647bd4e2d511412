import { describe, expect, test } from 'vitest'
import { loadChart } from '#app/domain/analytics/dashboard.server.ts'
import { CHARTS } from '#app/domain/analytics/range.ts'
import { chartTable } from '#app/domain/analytics/tables.ts'
import { RANGE } from './fixtures.ts'

// A shop that has just opened: every chart answers with zeros or nothing, never NaN or a division by zero.
describe('an empty database', () => {
	test('every chart loads with zero figures', async () => {
		const charts = await Promise.all(CHARTS.map((chart) => loadChart(chart, RANGE)))
		const byName = Object.fromEntries(charts.map((c) => [c.chart, c.data]))
		expect(byName.acquisition).toEqual({
			weeks: [
				{ week: '2026-01-05', referral: 0, share: 0, other: 0 },
				{ week: '2026-01-12', referral: 0, share: 0, other: 0 },
				{ week: '2026-01-19', referral: 0, share: 0, other: 0 },
			],
			referred: 0, pointsPaid: 0, pointsCents: 0, commissionCents: 0, costPerMemberCents: 0, truncated: false,
		})
		expect(byName.repurchase).toMatchObject({ buyers: 0, repeaters: 0, rate: 0, medianDaysToSecond: null })
		expect(byName.tiers).toEqual([])
		expect(byName.draws).toEqual([])
		expect(byName.votes).toEqual([])
		expect(byName.live).toEqual([])
		expect(byName.days).toEqual({ days: [], truncated: false })
		expect(byName.boxes).toEqual([])
		for (const chart of charts) {
			for (const row of chartTable(chart).rows) for (const cell of row) expect(Number.isNaN(cell)).toBe(false)
		}
	})
})
