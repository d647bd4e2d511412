import { remember } from './remember.ts'

/**
 * A fixed-window counter per key, held in this process. Enough for one process;
 * scale-out mode moves the counters to a shared store behind the same interface.
 */
export type Limiter = {
	/** Whether the key may try now; retryAfterMs says how long to wait when not. */
	check(key: string, now?: number): { allowed: boolean; retryAfterMs: number }
	/** Counts one attempt against the key. */
	hit(key: string, now?: number): void
	/** Forgets the key (after a successful login, say). */
	reset(key: string): void
}

type Window = { count: number; resetAt: number }

// NOTE: the map is swept of expired windows whenever it grows past this many keys,
// so a flood of distinct keys (one per spoofed IP) cannot grow memory without bound.
const SWEEP_AT = 10_000

export function createLimiter(name: string, options: { limit: number; windowMs: number }): Limiter {
	const windows = remember(`limiter:${name}`, () => new Map<string, Window>())
	const current = (key: string, now: number) => {
		const w = windows.get(key)
		return w && w.resetAt > now ? w : undefined
	}
	return {
		check(key, now = Date.now()) {
			const w = current(key, now)
			if (!w || w.count < options.limit) return { allowed: true, retryAfterMs: 0 }
			return { allowed: false, retryAfterMs: w.resetAt - now }
		},
		hit(key, now = Date.now()) {
			const w = current(key, now)
			if (w) w.count += 1
			else {
				if (windows.size >= SWEEP_AT) for (const [k, v] of windows) if (v.resetAt <= now) windows.delete(k)
				windows.set(key, { count: 1, resetAt: now + options.windowMs })
			}
		},
		reset(key) {
			windows.delete(key)
		},
	}
}

/** Whole minutes to wait, never less than one, for messages like "try again in N minutes". */
export function minutesToWait(retryAfterMs: number): number {
	return Math.max(1, Math.ceil(retryAfterMs / 60_000))
}
