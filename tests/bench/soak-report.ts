// bench:soak's figures: requests by kind, memory over the run (RSS from /proc, heap from the
// sampler preloaded into the server), event-loop delay per minute, and the verdict.
import type { Sample } from './soak-sampler.ts'
import type { Tally } from './soak-traffic.ts'

export type RssSample = { at: number; rss: number }
export type Verdict = { ok: boolean; reasons: string[]; heapGrowth: number; rssGrowth: number }

/** The heap full collections leave (and RSS) over the run: the last third's over the first third's, after the warm-up. Above this, the heap grows without bound. */
export const MAX_GROWTH = 1.5
/** The first minute (or the first fifth of a shorter run) fills caches, JIT and pools; it is left out of the growth check. */
export const warmUpMs = (runMs: number) => Math.min(60_000, runMs / 5)

const MB = 2 ** 20
const mb = (bytes: number) => (bytes / MB).toFixed(0)
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
const ms = (value: number) => value.toFixed(1)

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return 0
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Least-squares slope of value over time, per minute. */
function slopePerMinute(points: { at: number; value: number }[]): number {
	if (points.length < 2) return 0
	const x = points.map((p) => p.at / 60_000)
	const y = points.map((p) => p.value)
	const [mx, my] = [mean(x), mean(y)]
	const num = x.reduce((sum, xi, i) => sum + (xi - mx) * (y[i]! - my), 0)
	const den = x.reduce((sum, xi) => sum + (xi - mx) ** 2, 0)
	return den ? num / den : 0
}

/** The samples after the warm-up, first and last thirds. */
function thirds<T extends { at: number }>(samples: T[], runMs: number): [T[], T[]] | null {
	const after = samples.filter((s) => s.at >= warmUpMs(runMs))
	const third = Math.floor(after.length / 3)
	return third < 1 ? null : [after.slice(0, third), after.slice(-third)]
}

const rssGrowthOf = (rss: RssSample[], runMs: number) => {
	const parts = thirds(rss, runMs)
	return parts ? mean(parts[1].map((s) => s.rss)) / mean(parts[0].map((s) => s.rss)) : 1
}

/**
 * The mean heap left by the full collections in the last third over the same in the first.
 * A third without one (unlikely over minutes of traffic) counts its lowest heap used instead.
 */
function heapGrowthOf(heap: Sample[], runMs: number): number {
	const parts = thirds(heap, runMs)
	if (!parts) return 1
	const level = (part: Sample[]) => {
		const afterGc = part.flatMap((s) => (s.heapAfterGc === null ? [] : [s.heapAfterGc]))
		return afterGc.length ? mean(afterGc) : Math.min(...part.map((s) => s.heapUsed))
	}
	return level(parts[1]) / level(parts[0])
}

/** The heap the last full collection at or before `at` left. */
const lastAfterGc = (heap: Sample[], at: number) => heap.filter((s) => s.at <= at && s.heapAfterGc !== null).at(-1)?.heapAfterGc ?? null

export function verdict(tallies: Map<string, Tally>, serverErrors: number, heap: Sample[], rss: RssSample[], runMs: number): Verdict {
	const reasons: string[] = []
	const failed = [...tallies.values()].reduce((sum, t) => sum + t.errors, 0)
	if (failed) reasons.push(`${failed} requests or socket events failed`)
	if (serverErrors) reasons.push(`the server logged ${serverErrors} errors`)
	const heapGrowth = heapGrowthOf(heap, runMs)
	const rssGrowth = rssGrowthOf(rss, runMs)
	if (heapGrowth > MAX_GROWTH) reasons.push(`the heap left by full collections in the last third is ${heapGrowth.toFixed(2)}× the first third's (more than ${MAX_GROWTH}×)`)
	return { ok: reasons.length === 0, reasons, heapGrowth, rssGrowth }
}

export function requestsTable(tallies: Map<string, Tally>, runMs: number): string {
	// By kind's name, so each group (browse, draw, live, post, vote) reads together.
	const rows = [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, t]) => {
		const sorted = t.latencies.sort((a, b) => a - b)
		return `| ${kind} | ${t.count} | ${(t.count / (runMs / 60_000)).toFixed(0)} | ${t.errors} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? 0)} |`
	})
	const total = [...tallies.values()].reduce((all, t) => ({ count: all.count + t.count, errors: all.errors + t.errors }), { count: 0, errors: 0 })
	return [
		'| kind | count | per minute | errors | p50 ms | p99 ms | max ms |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows,
		`| **all** | ${total.count} | ${(total.count / (runMs / 60_000)).toFixed(0)} | ${total.errors} | | | |`,
	].join('\n')
}

/** The sample nearest a time. */
const near = <T extends { at: number }>(samples: T[], at: number): T | undefined => samples.reduce<T | undefined>((best, s) => (!best || Math.abs(s.at - at) < Math.abs(best.at - at) ? s : best), undefined)

export function memoryTable(heap: Sample[], rss: RssSample[], idle: { rss: number; heap: Sample | undefined }, runMs: number): string {
	const row = (label: string, at: number) => {
		const h = near(heap, at)
		const r = near(rss, at)
		const afterGc = lastAfterGc(heap, at)
		return `| ${label} | ${r ? mb(r.rss) : '–'} | ${h ? mb(h.heapUsed) : '–'} | ${afterGc === null ? '–' : mb(afterGc)} | ${h ? mb(h.heapTotal) : '–'} |`
	}
	const secondHalf = (values: { at: number; value: number }[]) => values.filter((v) => v.at >= runMs / 2)
	const rssSlope = slopePerMinute(secondHalf(rss.map((s) => ({ at: s.at, value: s.rss }))))
	const heapSlope = slopePerMinute(secondHalf(heap.map((s) => ({ at: s.at, value: s.heapUsed }))))
	const afterGcSlope = slopePerMinute(secondHalf(heap.flatMap((s) => (s.heapAfterGc === null ? [] : [{ at: s.at, value: s.heapAfterGc }]))))
	const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / MB).toFixed(2)}`
	return [
		'| when | RSS MB | heap used MB | heap after the last full GC MB | heap total MB |',
		'| --- | ---: | ---: | ---: | ---: |',
		`| seeded, before the traffic | ${mb(idle.rss)} | ${idle.heap ? mb(idle.heap.heapUsed) : '–'} | | ${idle.heap ? mb(idle.heap.heapTotal) : '–'} |`,
		row(`start (${(warmUpMs(runMs) / 1000).toFixed(0)} s in, after the warm-up)`, warmUpMs(runMs)),
		row(`middle (${(runMs / 120_000).toFixed(1)} min)`, runMs / 2),
		row(`end (${(runMs / 60_000).toFixed(1)} min)`, runMs),
		`| slope over the second half, per minute | ${signed(rssSlope)} | ${signed(heapSlope)} | ${signed(afterGcSlope)} | |`,
	].join('\n')
}

export function minutesTable(heap: Sample[], rss: RssSample[]): string {
	const minutes = heap.filter((s) => s.minute)
	return [
		'| minute | event-loop delay p50 ms | p99 ms | max ms | RSS MB | heap used MB | heap after the last full GC MB |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...minutes.map((s) => {
			const afterGc = lastAfterGc(heap, s.at)
			return `| ${s.minute!.index + 1} | ${ms(s.minute!.p50)} | ${ms(s.minute!.p99)} | ${ms(s.minute!.max)} | ${mb(near(rss, s.at)?.rss ?? 0)} | ${mb(s.heapUsed)} | ${afterGc === null ? '–' : mb(afterGc)} |`
		}),
	].join('\n')
}
