import { logError, logEvent } from '#app/lib/log.server.ts'
import { remember } from '#app/lib/remember.ts'
import { payDueCommissions } from './commission.server.ts'

/** Orders leave their return window by the day; ten minutes late is soon enough. */
export const COMMISSION_JOB_MS = 10 * 60_000

const job = remember('commission-job', () => ({ timer: null as NodeJS.Timeout | null, running: false }))

async function runOnce() {
	// A slow run (a large backlog) is never overlapped by the next tick.
	if (job.running) return
	job.running = true
	try {
		const done = await payDueCommissions()
		if (done.orders > 0) logEvent('commission:settled', done)
	} catch (error) {
		logError('commission:failed', error)
	} finally {
		job.running = false
	}
}

/**
 * At server start: settles due commission now and every ten minutes. The timer is unref'd,
 * so it never keeps a stopping process alive. Several processes may run it: payments are keyed.
 */
export function startCommissionJob(intervalMs = COMMISSION_JOB_MS): void {
	if (job.timer) return
	void runOnce()
	job.timer = setInterval(() => void runOnce(), intervalMs)
	job.timer.unref()
}
