import { isDatabaseKnownDown, probeDatabase } from './database-health.server.ts'
import { withLease } from './job-lease.server.ts'
import { logError } from './log.server.ts'
import { remember } from './remember.ts'

const LEASE_INTERVALS = 2

type Job = { timer: NodeJS.Timeout | null; first: NodeJS.Timeout | null; running: boolean }

/**
 * Runs `run` after `firstDelayMs`, then every `intervalMs`, at most once per interval among all
 * the app's processes: before each run this process takes the lease `name` for two intervals
 * (docs/decisions/017-background-jobs.md), and skips the tick when another process holds it.
 * The process that ran it renews the lease on its next tick, so one process keeps the job
 * until it stops; then another takes it once the lease has expired.
 *
 * In this process a run never overlaps itself (a slow run skips the next tick), and while it
 * runs its lease is renewed every interval, so a run longer than the interval is not
 * joined by another process either. The timers are unref'd, so they never keep a stopping
 * process alive; starting twice does nothing. The work should still be keyed: a process that
 * stalls for longer than the interval loses its lease while it still runs.
 *
 * While requests are failing because the database is busy or gone, a tick runs only if a probe
 * (which never waits for a lock) finds the database writable: on SQLite a job's write would
 * otherwise block the process for the busy timeout (docs/decisions/022-faults.md).
 */
export function startPeriodic(name: string, options: { intervalMs: number; firstDelayMs: number }, run: () => Promise<void>): void {
	const job = remember(`periodic:${name}`, (): Job => ({ timer: null, first: null, running: false }))
	if (job.timer) return
	const runOnce = async () => {
		if (job.running) return
		job.running = true
		try {
			if (isDatabaseKnownDown() && !(await probeDatabase())) return
			// Held for two intervals and renewed every one: a process must stall for over an interval
			// to lose it mid-run; a stopped process's job is taken over within about two.
			await withLease(name, LEASE_INTERVALS * options.intervalMs, run, { release: false })
		} catch (error) {
			logError(`${name}:failed`, error)
		} finally {
			job.running = false
		}
	}
	job.first = setTimeout(() => void runOnce(), Math.min(options.firstDelayMs, options.intervalMs))
	job.first.unref()
	job.timer = setInterval(() => void runOnce(), options.intervalMs)
	job.timer.unref()
}
