import { logEvent } from '#app/lib/log.server.ts'
import { startPeriodic } from '#app/lib/periodic.server.ts'
import { payDueCommissions } from './commission.server.ts'

/** Orders leave their return window by the day; ten minutes late is soon enough. */
export const COMMISSION_JOB_MS = 10 * 60_000

/**
 * At server start: settles due commission now and every ten minutes. Several processes may run
 * it: payments are keyed.
 */
export function startCommissionJob(intervalMs = COMMISSION_JOB_MS): void {
	startPeriodic('commission', { intervalMs, firstDelayMs: 0 }, async () => {
		const done = await payDueCommissions()
		if (done.orders > 0) logEvent('commission:settled', done)
	})
}
