// Preloaded by bench:soak into the server it soaks (node --import): every SOAK_SAMPLE_MS it
// appends one JSON line to $SOAK_SAMPLES with the process's heap (as it stands, and as the last
// full garbage collection left it) and the event-loop delay over the interval, from
// perf_hooks.monitorEventLoopDelay (Node's own histogram, read in-process, so no debug route is
// added to the app). SIGUSR2 restarts the clock: the soak sends it when its
// traffic starts, so the intervals and the minutes count from there.
import { appendFileSync } from 'node:fs'
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks'
import { getHeapStatistics } from 'node:v8'

export type Sample = {
	/** 0 before the traffic started, 1 after (one SIGUSR2 later). */
	run: number
	/** ms since the process (run 0) or the traffic (run 1) started. */
	at: number
	heapUsed: number
	/**
	 * Heap used right after the interval's full (mark-compact) collections, the lowest of them;
	 * null when none ran. Heap used alone is a saw-tooth of garbage; this is what stays alive.
	 */
	heapAfterGc: number | null
	heapTotal: number
	external: number
	/** Event-loop delay over the interval, ms. */
	delay: { p50: number; p99: number; max: number }
	/** Over the minute that ended with this sample, when one did. */
	minute?: { index: number; p50: number; p99: number; max: number }
}

const file = process.env.SOAK_SAMPLES
const every = Number(process.env.SOAK_SAMPLE_MS ?? 5000)
if (!file || !(every >= 100)) throw new Error('soak-sampler: set SOAK_SAMPLES (a file) and SOAK_SAMPLE_MS (at least 100)')

// A 10 ms resolution samples the loop 100 times a second, enough for p99 over 5 s.
const interval = monitorEventLoopDelay({ resolution: 10 })
const minute = monitorEventLoopDelay({ resolution: 10 })
interval.enable()
minute.enable()
// Read when V8 reports a full collection done (a moment after it, so a little new garbage may count).
let afterGc: number | null = null
new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) {
		if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue
		const used = getHeapStatistics().used_heap_size
		afterGc = afterGc === null ? used : Math.min(afterGc, used)
	}
}).observe({ entryTypes: ['gc'] })

let origin = Date.now()
let run = 0
let minutes = 0
const ms = (ns: number) => Math.round(ns / 1e4) / 100

process.on('SIGUSR2', () => {
	origin = Date.now()
	run++
	minutes = 0
	interval.reset()
	minute.reset()
})

setInterval(() => {
	const at = Date.now() - origin
	const { heapUsed, heapTotal, external } = process.memoryUsage()
	const sample: Sample = { run, at, heapUsed, heapAfterGc: afterGc, heapTotal, external, delay: { p50: ms(interval.percentile(50)), p99: ms(interval.percentile(99)), max: ms(interval.max) } }
	interval.reset()
	afterGc = null
	if (at >= (minutes + 1) * 60_000) {
		sample.minute = { index: minutes, p50: ms(minute.percentile(50)), p99: ms(minute.percentile(99)), max: ms(minute.max) }
		minutes++
		minute.reset()
	}
	appendFileSync(file, JSON.stringify(sample) + '\n')
}, every).unref()
