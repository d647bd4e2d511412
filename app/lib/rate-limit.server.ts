import type { Redis } from 'ioredis'
import { redisClient } from './redis.server.ts'
import { remember } from './remember.ts'

export type Verdict = { allowed: boolean; retryAfterMs: number }

/**
 * A fixed-window counter per key. In scale-out mode (REDIS_URL set) the windows live in Redis,
 * so a limit holds across app processes; otherwise in this process's memory.
 * `now` is read by the memory store only (tests); Redis counts by its own clock.
 */
export type Limiter = {
	/** Whether the key may try now; retryAfterMs says how long to wait when not. */
	check(key: string, now?: number): Promise<Verdict>
	/** Counts one attempt against the key; the verdict says whether this attempt was within the limit. */
	hit(key: string, now?: number): Promise<Verdict>
	/** Forgets the key (after a successful login, say). */
	reset(key: string): Promise<void>
}

type Options = { limit: number; windowMs: number }

/** The limiter for this deployment: in Redis when REDIS_URL is set, in memory otherwise. */
export function createLimiter(name: string, options: Options): Limiter {
	const memory = createMemoryLimiter(name, options)
	const store = () => {
		const redis = redisClient()
		return redis ? createRedisLimiter(redis, name, options) : memory
	}
	return {
		check: (key, now) => store().check(key, now),
		hit: (key, now) => store().hit(key, now),
		reset: (key) => store().reset(key),
	}
}

type Window = { count: number; resetAt: number }

// NOTE: the map is swept of expired windows whenever it grows past this many keys,
// so a flood of distinct keys (one per spoofed IP) cannot grow memory without bound.
const SWEEP_AT = 10_000

export function createMemoryLimiter(name: string, options: Options): Limiter {
	const windows = remember(`limiter:${name}`, () => new Map<string, Window>())
	const current = (key: string, now: number) => {
		const w = windows.get(key)
		return w && w.resetAt > now ? w : undefined
	}
	return {
		async check(key, now = Date.now()) {
			const w = current(key, now)
			if (!w || w.count < options.limit) return { allowed: true, retryAfterMs: 0 }
			return { allowed: false, retryAfterMs: w.resetAt - now }
		},
		async hit(key, now = Date.now()) {
			let w = current(key, now)
			if (w) w.count += 1
			else {
				if (windows.size >= SWEEP_AT) for (const [k, v] of windows) if (v.resetAt <= now) windows.delete(k)
				w = { count: 1, resetAt: now + options.windowMs }
				windows.set(key, w)
			}
			return w.count <= options.limit ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: w.resetAt - now }
		},
		async reset(key) {
			windows.delete(key)
		},
	}
}

// One round trip, atomic in Redis: the first hit of a window starts its expiry (a key left without
// one, which nothing here makes, gets it too), so racing processes can never count past the limit unseen.
const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
	redis.call('PEXPIRE', KEYS[1], ARGV[1])
	ttl = tonumber(ARGV[1])
end
return { count, ttl }`
const READ = `return { tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]) }`

export function createRedisLimiter(redis: Redis, name: string, options: Options): Limiter {
	const keyOf = (key: string) => `quanzi:limit:${name}:${key}`
	const verdict = ([count, ttl]: [number, number], limit: number): Verdict =>
		count <= limit ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: Math.max(ttl, 0) }
	return {
		async check(key) {
			// check asks whether one more attempt fits: the count so far must be below the limit.
			return verdict((await redis.eval(READ, 1, keyOf(key))) as [number, number], options.limit - 1)
		},
		async hit(key) {
			return verdict((await redis.eval(HIT, 1, keyOf(key), options.windowMs)) as [number, number], options.limit)
		},
		async reset(key) {
			await redis.del(keyOf(key))
		},
	}
}

/** Whole minutes to wait, never less than one, for messages like "try again in N minutes". */
export function minutesToWait(retryAfterMs: number): number {
	return Math.max(1, Math.ceil(retryAfterMs / 60_000))
}
