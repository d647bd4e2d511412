import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { BEAT_GRACE_MS, FLOOD_MESSAGES, FLOOD_PAUSE_MS, FLOOD_WINDOW_MS } from '#app/domain/live/views.ts'

/**
 * Who is watching a live room (from heartbeats) and the chat flood limit. In one process they
 * live in memory; in scale-out mode in Redis, so every process counts the same viewers and a
 * member's two tabs on two processes share one flood limit.
 */
export type LiveCounters = {
	/** A heartbeat from a viewer (member id, else device id, else socket id); returns the viewers now. */
	beat(roomId: string, viewerKey: string): Promise<number>
	leave(roomId: string, viewerKey: string): Promise<void>
	/** Viewers whose last heartbeat is within BEAT_GRACE_MS. */
	viewers(roomId: string): Promise<number>
	/** More than FLOOD_MESSAGES in FLOOD_WINDOW_MS pauses the member's chat in the room: milliseconds to wait, or 0 (and the message counts). */
	floodWaitMs(roomId: string, userId: string): Promise<number>
	/** Drops what has expired (memory only; Redis keys expire by themselves). */
	sweep(): void
}

export function memoryCounters(): LiveCounters {
	const rooms = new Map<string, Map<string, number>>()
	const flood = new Map<string, { times: number[]; pausedUntil: number }>()
	const count = (roomId: string, now: number) => {
		const viewers = rooms.get(roomId)
		if (!viewers) return 0
		for (const [key, last] of viewers) if (now - last > BEAT_GRACE_MS) viewers.delete(key)
		if (viewers.size === 0) rooms.delete(roomId)
		return viewers.size
	}
	return {
		async beat(roomId, viewerKey) {
			const now = Date.now()
			const viewers = rooms.get(roomId) ?? new Map<string, number>()
			viewers.set(viewerKey, now)
			rooms.set(roomId, viewers)
			return count(roomId, now)
		},
		async leave(roomId, viewerKey) {
			rooms.get(roomId)?.delete(viewerKey)
		},
		async viewers(roomId) {
			return count(roomId, Date.now())
		},
		async floodWaitMs(roomId, userId) {
			const now = Date.now()
			const key = `${roomId}:${userId}`
			const entry = flood.get(key) ?? { times: [], pausedUntil: 0 }
			flood.set(key, entry)
			if (entry.pausedUntil > now) return entry.pausedUntil - now
			entry.times = entry.times.filter((t) => now - t < FLOOD_WINDOW_MS)
			if (entry.times.length >= FLOOD_MESSAGES) {
				entry.pausedUntil = now + FLOOD_PAUSE_MS
				entry.times = []
				return FLOOD_PAUSE_MS
			}
			entry.times.push(now)
			return 0
		},
		sweep() {
			const now = Date.now()
			for (const roomId of rooms.keys()) count(roomId, now)
			for (const [key, entry] of flood) if (entry.pausedUntil < now && entry.times.every((t) => now - t > FLOOD_WINDOW_MS)) flood.delete(key)
		},
	}
}

// NOTE: the scripts read Redis's clock (TIME), not the app process's, so processes on machines
// whose clocks drift apart still agree on who beat within the grace window.
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`

// KEYS[1]: the room's viewers, a sorted set of viewer key → last heartbeat. ARGV[1]: the viewer key or '' (count only), ARGV[2]: the grace.
const PRESENCE = `${NOW}
local grace = tonumber(ARGV[2])
if ARGV[1] ~= '' then
	redis.call('ZADD', KEYS[1], now, ARGV[1])
	redis.call('PEXPIRE', KEYS[1], grace * 2)
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - grace))
return redis.call('ZCARD', KEYS[1])`

// KEYS[1]: the member's recent messages (sorted by time), KEYS[2]: the pause. ARGV: a unique id for this message, limit, window, pause.
const FLOOD = `${NOW}
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return paused end
local limit, window, pause = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
	redis.call('DEL', KEYS[1])
	redis.call('SET', KEYS[2], '1', 'PX', pause)
	return pause
end
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], window)
return 0`

export function redisCounters(redis: Redis): LiveCounters {
	// The braces are a Redis Cluster hash tag: a room's keys (or a member's two flood keys) share a slot.
	const viewersKey = (roomId: string) => `quanzi:live:{${roomId}}:viewers`
	const presence = async (roomId: string, viewerKey: string) => Number(await redis.eval(PRESENCE, 1, viewersKey(roomId), viewerKey, BEAT_GRACE_MS))
	return {
		beat: (roomId, viewerKey) => presence(roomId, viewerKey),
		viewers: (roomId) => presence(roomId, ''),
		async leave(roomId, viewerKey) {
			await redis.zrem(viewersKey(roomId), viewerKey)
		},
		async floodWaitMs(roomId, userId) {
			const base = `quanzi:live:flood:{${roomId}:${userId}}`
			return Number(await redis.eval(FLOOD, 2, `${base}:times`, `${base}:pause`, randomUUID(), FLOOD_MESSAGES, FLOOD_WINDOW_MS, FLOOD_PAUSE_MS))
		},
		sweep() {},
	}
}
