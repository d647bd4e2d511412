import { logError } from './log.server.ts'
import { remember } from './remember.ts'

type Job = { timer: NodeJS.Timeout | null; first: NodeJS.Timeout | null; running: boolean }

/**
 * Runs `run` after `firstDelayMs`, then every `intervalMs`, never overlapping itself in this
 * process (a slow run skips the next tick). The timers are unref'd, so they never keep a
 * stopping process alive; starting twice does nothing. The work itself must be keyed, since
 * several processes may run it (each run logs its own counts).
 */
export function startPeriodic(name: string, options: { intervalMs: number; firstDelayMs: number }, run: () => Promise<void>): void {
	const job = remember(`periodic:${name}`, (): Job => ({ timer: null, first: null, running: false }))
	if (job.timer) return
	const runOnce = async () => {
		if (job.running) return
		job.running = true
		try {
			await run()
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
