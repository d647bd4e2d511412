import { acquisition } from './acquisition.server.ts'
import { boxOutcomes } from './boxes.server.ts'
import { memberDayResults } from './days.server.ts'
import { drawOutcomes } from './draws.server.ts'
import { liveLikesVsSales } from './live.server.ts'
import { repurchase } from './repurchase.server.ts'
import type { ChartName, DateRange } from './range.ts'
import type { ChartData } from './tables.ts'
import { tierDistribution } from './tiers.server.ts'
import { voteConversion } from './votes.server.ts'

/** One chart's figures over the range. */
export async function loadChart(chart: ChartName, range: DateRange): Promise<ChartData> {
	switch (chart) {
		case 'acquisition':
			return { chart, data: await acquisition(range) }
		case 'repurchase':
			return { chart, data: await repurchase(range) }
		case 'tiers':
			return { chart, data: await tierDistribution() }
		case 'draws':
			return { chart, data: await drawOutcomes(range) }
		case 'votes':
			return { chart, data: await voteConversion(range) }
		case 'live':
			return { chart, data: await liveLikesVsSales(range) }
		case 'days':
			return { chart, data: await memberDayResults(range) }
		case 'boxes':
			return { chart, data: await boxOutcomes(range) }
	}
}
