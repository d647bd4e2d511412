import { Redis } from 'ioredis'
import { getEnv } from './env.server.ts'
import { logError } from './log.server.ts'
import { remember } from './remember.ts'

// NOTE: ioredis queues commands while it reconnects and retries each up to 20 times by default;
// a login waiting on a rate limit would hang for many seconds. Three tries, then the request fails.
const MAX_RETRIES_PER_REQUEST = 3

const connections = remember('redis', () => ({ shared: undefined as Redis | undefined, extra: new Set<Redis>() }))

/**
 * The process's Redis connection in scale-out mode (REDIS_URL set): Socket.IO's adapter publishes
 * on it, rate limits and live presence keep their counters in it. Without REDIS_URL this is
 * undefined and nothing ever connects to Redis.
 */
export function redisClient(): Redis | undefined {
	const url = getEnv().REDIS_URL
	if (!url) return undefined
	connections.shared ??= watched(new Redis(url, { maxRetriesPerRequest: MAX_RETRIES_PER_REQUEST }))
	return connections.shared
}

/** A connection of its own, for a subscriber (which can run no other command); closed with the shared one. */
export function duplicateRedis(): Redis {
	const shared = redisClient()
	if (!shared) throw new Error('duplicateRedis needs REDIS_URL')
	const copy = watched(shared.duplicate())
	connections.extra.add(copy)
	return copy
}

/** Closes every Redis connection of this process (at shutdown); safe to call more than once. */
export async function closeRedis(): Promise<void> {
	const open = [connections.shared, ...connections.extra].filter((c): c is Redis => c !== undefined)
	connections.shared = undefined
	connections.extra.clear()
	await Promise.allSettled(open.map((c) => c.quit()))
}

function watched(redis: Redis): Redis {
	// Without a listener ioredis prints every failed reconnection as an unhandled error.
	redis.on('error', (error) => logError('redis', error))
	return redis
}
