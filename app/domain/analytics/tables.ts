import type { MessageKey } from '#app/lib/i18n/index.ts'
import type { Acquisition } from './acquisition.server.ts'
import type { BoxOutcome } from './boxes.server.ts'
import type { DayResults } from './days.server.ts'
import type { DrawOutcome } from './draws.server.ts'
import type { RoomSales } from './live.server.ts'
import type { PrizeOutcome } from './odds.ts'
import type { Repurchase } from './repurchase.server.ts'
import type { TierShare } from './tiers.server.ts'
import type { VoteConversion } from './votes.server.ts'

/** Each chart's figures, by chart name (what the page draws and the CSV writes). */
export type ChartData =
	| { chart: 'acquisition'; data: Acquisition }
	| { chart: 'repurchase'; data: Repurchase }
	| { chart: 'tiers'; data: TierShare[] }
	| { chart: 'draws'; data: DrawOutcome[] }
	| { chart: 'votes'; data: VoteConversion[] }
	| { chart: 'live'; data: RoomSales[] }
	| { chart: 'days'; data: DayResults }
	| { chart: 'boxes'; data: BoxOutcome[] }

/** A chart as a table: the screen-reader fallback and the CSV are both this. Money is in yuan, rates in percent. */
export type Table = { head: MessageKey[]; rows: (string | number)[][] }

const yuan = (cents: number) => (cents / 100).toFixed(2)
const pct = (ratio: number) => Math.round(ratio * 1000) / 10
/** An item's odds columns: packed, won (or opened), published % and actual %, to one decimal. */
const oddsCells = (p: PrizeOutcome) => [p.packed, p.won, Math.round(p.publishedPct * 10) / 10, Math.round(p.actualPct * 10) / 10]

export function chartTable(chart: ChartData): Table {
	switch (chart.chart) {
		case 'acquisition':
			return {
				head: ['analytics.col.week', 'analytics.col.referral', 'analytics.col.share', 'analytics.col.other'],
				rows: chart.data.weeks.map((w) => [w.week, w.referral, w.share, w.other]),
			}
		case 'repurchase':
			return { head: ['analytics.col.daysToSecond', 'analytics.col.members'], rows: chart.data.buckets.map((b) => [b.label, b.members]) }
		case 'tiers':
			return { head: ['analytics.col.tier', 'analytics.col.members'], rows: chart.data.map((t) => [t.tier, t.members]) }
		case 'draws':
			return {
				head: ['analytics.col.campaign', 'analytics.col.prize', 'analytics.col.packed', 'analytics.col.won', 'analytics.col.publishedPct', 'analytics.col.actualPct'],
				rows: chart.data.flatMap((c) => c.prizes.map((p) => [c.campaign, p.prize, ...oddsCells(p)])),
			}
		case 'votes':
			return {
				head: ['analytics.col.candidate', 'analytics.col.votes', 'analytics.col.reservations', 'analytics.col.units', 'analytics.col.conversionPct'],
				rows: chart.data.map((v) => [v.candidate, v.votes, v.reservations, v.units, pct(v.rate)]),
			}
		case 'live':
			return { head: ['analytics.col.room', 'analytics.col.likes', 'analytics.col.units', 'analytics.col.salesYuan'], rows: chart.data.map((r) => [r.room, r.likes, r.units, yuan(r.salesCents)]) }
		case 'days':
			return {
				head: ['analytics.col.memberDay', 'analytics.col.startsOn', 'analytics.col.members', 'analytics.col.boxesOpened', 'analytics.col.pointsSpent', 'analytics.col.cashYuan', 'analytics.col.boxesLeft'],
				rows: chart.data.days.map((d) => [d.day, d.startsOn, d.members, d.boxes, d.pointsSpent, yuan(d.cashCents), d.boxesLeft]),
			}
		case 'boxes':
			return {
				head: ['analytics.col.memberDay', 'analytics.col.pool', 'analytics.col.item', 'analytics.col.packed', 'analytics.col.opened', 'analytics.col.publishedPct', 'analytics.col.openedPct'],
				rows: chart.data.flatMap((b) => b.items.map((i) => [b.day, b.pool, i.prize, ...oddsCells(i)])),
			}
	}
}
