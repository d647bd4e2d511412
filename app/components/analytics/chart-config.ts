import type { ChartConfiguration } from 'chart.js'
import type { PrizeOutcome } from '#app/domain/analytics/odds.ts'
import type { ChartData } from '#app/domain/analytics/tables.ts'
import type { Translate } from '#app/lib/i18n/index.ts'

// chart.js paints on a canvas and cannot read CSS variables, so the palette is spelled out here
// (the same hues as app.css's accent, success and warning).
const PALETTE = ['#2f6f5e', '#d08a2e', '#6b7fa8', '#b45a5a', '#8a6bb0', '#4f9a9a']

/** The chart.js configuration of one chart's figures (what the card draws; the table holds the same numbers). */
export function chartConfig(chart: ChartData, t: Translate): ChartConfiguration {
	const bar = (labels: string[], datasets: { label: string; data: number[]; stack?: string }[], stacked = false): ChartConfiguration => ({
		type: 'bar',
		data: { labels, datasets: datasets.map((d, i) => ({ ...d, backgroundColor: PALETTE[i % PALETTE.length] })) },
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			// Counts are whole: no 0.5-member ticks on a small shop's axis.
			scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
		},
	})
	// A packed pool's items: the published chance next to what actually came out.
	const oddsBars = (items: (PrizeOutcome & { label: string })[], actual: string) =>
		bar(items.map((p) => p.label), [
			{ label: t('analytics.col.publishedPct'), data: items.map((p) => p.publishedPct) },
			{ label: actual, data: items.map((p) => p.actualPct) },
		])
	switch (chart.chart) {
		case 'acquisition': {
			const weeks = chart.data.weeks
			return bar(
				weeks.map((w) => w.week),
				[
					{ label: t('analytics.col.referral'), data: weeks.map((w) => w.referral) },
					{ label: t('analytics.col.share'), data: weeks.map((w) => w.share) },
					{ label: t('analytics.col.other'), data: weeks.map((w) => w.other) },
				],
				true,
			)
		}
		case 'repurchase':
			return bar(chart.data.buckets.map((b) => b.label), [{ label: t('analytics.col.members'), data: chart.data.buckets.map((b) => b.members) }])
		case 'tiers':
			return {
				type: 'doughnut',
				data: { labels: chart.data.map((d) => d.tier), datasets: [{ label: t('analytics.col.members'), data: chart.data.map((d) => d.members), backgroundColor: PALETTE }] },
				options: { responsive: true, maintainAspectRatio: false, animation: false },
			}
		case 'draws':
			return oddsBars(chart.data.flatMap((c) => c.prizes.map((p) => ({ label: `${c.campaign} · ${p.prize}`, ...p }))), t('analytics.col.actualPct'))
		case 'boxes':
			return oddsBars(chart.data.flatMap((b) => b.items.map((i) => ({ label: `${b.pool} · ${i.prize}`, ...i }))), t('analytics.col.openedPct'))
		case 'votes':
			return bar(chart.data.map((v) => v.candidate), [
				{ label: t('analytics.col.votes'), data: chart.data.map((v) => v.votes) },
				{ label: t('analytics.col.reservations'), data: chart.data.map((v) => v.reservations) },
			])
		case 'live':
			return bar(chart.data.map((r) => r.room), [
				{ label: t('analytics.col.likes'), data: chart.data.map((r) => r.likes) },
				{ label: t('analytics.col.units'), data: chart.data.map((r) => r.units) },
			])
		case 'days':
			return bar(chart.data.days.map((d) => `${d.startsOn} ${d.day}`), [
				{ label: t('analytics.col.boxesOpened'), data: chart.data.days.map((d) => d.boxes) },
				{ label: t('analytics.col.members'), data: chart.data.days.map((d) => d.members) },
			])
	}
}
