import { z } from 'zod'

/** The dashboard's charts, in page order; each has a card and a CSV at /console/analytics/<name>.csv. */
export const CHARTS = ['acquisition', 'repurchase', 'tiers', 'draws', 'votes', 'live', 'days', 'boxes'] as const
export type ChartName = (typeof CHARTS)[number]

export function isChartName(value: unknown): value is ChartName {
	return typeof value === 'string' && (CHARTS as readonly string[]).includes(value)
}

export type DateRange = { from: Date; to: Date }

const DAY_MS = 86_400_000
export const DEFAULT_RANGE_DAYS = 90
/** Longer ranges make the weekly series unreadable and the scans slow; two years is plenty. */
export const MAX_RANGE_DAYS = 731

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/**
 * The range from `?from=YYYY-MM-DD&to=YYYY-MM-DD` (both days included, UTC); the last 90 days
 * when either is missing or unreadable, and a reversed or over-long range is clamped rather
 * than refused, since it only decides what the charts show.
 */
export function parseRange(params: URLSearchParams, now = new Date()): DateRange {
	const from = Day.safeParse(params.get('from'))
	const to = Day.safeParse(params.get('to'))
	const end = to.success && !Number.isNaN(Date.parse(to.data)) ? new Date(Date.parse(to.data) + DAY_MS - 1) : now
	let start = from.success && !Number.isNaN(Date.parse(from.data)) ? new Date(Date.parse(from.data)) : new Date(end.getTime() - DEFAULT_RANGE_DAYS * DAY_MS)
	if (start > end) start = new Date(end.getTime() - DEFAULT_RANGE_DAYS * DAY_MS)
	if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) start = new Date(end.getTime() - MAX_RANGE_DAYS * DAY_MS)
	return { from: start, to: end }
}

/** YYYY-MM-DD of a date (UTC), as the range picker and the CSV file names write it. */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10)
}

export function inRange(range: DateRange) {
	return { gte: range.from, lte: range.to }
}
