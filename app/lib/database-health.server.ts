import { isDatabaseWritable } from './db.server.ts'
import { logError, logEvent } from './log.server.ts'

// What this process knows of its database's health, shared by the HTTP gate
// (app/server/middleware.server.ts), /healthz and the background jobs (periodic.server.ts):
// after one request failed because the database was busy or gone, the rest do not each wait out
// the busy timeout (on SQLite that wait blocks the whole process): they fail at once until a
// probe, which never blocks, finds the database writable again (docs/decisions/022-faults.md).

const PROBE_REUSE_MS = 1_000
// NOTE: a locked or lost database fails every request at once; one line per burst (a quiet gap of
// a minute ends it) says so and how many failed, instead of a stack per request.
const LOG_GAP_MS = 60_000

const state = { down: false, probing: false, probe: undefined as Promise<boolean> | undefined, probedAt: 0, loggedAt: 0, failedSinceLine: 0 }

/** Whether a request has failed on the database and no probe has found it writable since. */
export const isDatabaseKnownDown = () => state.down

/** Records a failure caused by the database being unavailable: the gate closes, one log line per burst. */
export function noteDatabaseFailure(error: unknown, path: string): void {
	state.down = true
	state.probe = undefined
	const now = Date.now()
	if (now - state.loggedAt < LOG_GAP_MS) {
		state.failedSinceLine++
		state.loggedAt = now
		return
	}
	logError('database:unavailable', error, { path, failedSinceLastLine: state.failedSinceLine })
	state.loggedAt = now
	state.failedSinceLine = 0
}

/** Counts a request refused at the gate, for the next log line. */
export function noteRefusedWhileDown(): void {
	state.failedSinceLine++
}

/**
 * Whether the database can take a write; a success reopens the gate and logs the end of the burst.
 * Concurrent callers share one probe, and a failed probe answers for a second.
 */
export function probeDatabase(): Promise<boolean> {
	if (state.probe && (state.probing || (state.down && Date.now() - state.probedAt < PROBE_REUSE_MS))) return state.probe
	state.probedAt = Date.now()
	state.probing = true
	const probe = isDatabaseWritable().then((writable) => {
		state.probing = false
		if (writable && state.down) {
			state.down = false
			logEvent('database:available', { failedSinceLastLine: state.failedSinceLine })
			state.loggedAt = 0
			state.failedSinceLine = 0
		}
		return writable
	})
	state.probe = probe
	return probe
}
