import { rewardWatching } from '#app/domain/live/lifecycle.server.ts'
import { likeTotals, recordViewers, roomStatus, saveLikes } from '#app/domain/live/likes.server.ts'
import { currentPins } from '#app/domain/live/pins.server.ts'
import { BEAT_GRACE_MS, FLOOD_MESSAGES, FLOOD_PAUSE_MS, FLOOD_WINDOW_MS, LIKE_TICK_MS, PRESENCE_TICK_MS, type LikeTotals, type RoomStatus } from '#app/domain/live/views.ts'
import { logError } from '#app/lib/log.server.ts'
import type { QuanziServer } from './socket-server.server.ts'

export const liveChannel = (roomId: string) => `live:${roomId}`

type Watcher = { since: number; last: number; rewarded: boolean }
type RoomRuntime = {
	status: RoomStatus
	/** Viewer key (member id, else device id, else socket id) → time of the last heartbeat. */
	viewers: Map<string, number>
	watchers: Map<string, Watcher>
	shownViewers: number
	peak: number
	totals: LikeTotals
	pending: { total: number; wants: Map<string, Map<string, number>> }
	pinned: Set<string>
	stock: Map<string, number>
}

/**
 * What a room keeps in memory between saves: who is watching (from heartbeats), taps not yet
 * saved, the flood limit. Ticks save and broadcast: likes and stock every LIKE_TICK_MS,
 * the viewer count every PRESENCE_TICK_MS. NOTE: in one process only; the scale-out issue
 * moves the flood limit and presence to Redis.
 */
export class LiveHub {
	private readonly rooms = new Map<string, Promise<RoomRuntime>>()
	private readonly flood = new Map<string, { times: number[]; pausedUntil: number }>()
	private readonly timers: NodeJS.Timeout[] = []
	private saving = false

	constructor(
		private readonly io: QuanziServer,
		private readonly options: { watchMs: number },
	) {}

	start(): void {
		this.timers.push(setInterval(() => void this.flushLikes(), LIKE_TICK_MS).unref())
		this.timers.push(setInterval(() => void this.countViewers(), PRESENCE_TICK_MS).unref())
	}

	async stop(): Promise<void> {
		this.timers.splice(0).forEach(clearInterval)
		await this.flushLikes()
	}

	/** The room's runtime, loaded once from what is stored. */
	runtime(roomId: string): Promise<RoomRuntime> {
		let room = this.rooms.get(roomId)
		if (!room) {
			room = Promise.all([likeTotals(roomId), currentPins(roomId), roomStatus(roomId)]).then(([totals, pins, status]) => ({
				status,
				viewers: new Map(),
				watchers: new Map(),
				shownViewers: 0,
				peak: 0,
				totals: { roomId, ...totals },
				pending: { total: 0, wants: new Map() },
				pinned: new Set(pins.map((p) => p.productId)),
				stock: new Map(),
			}))
			room.catch(() => this.rooms.delete(roomId))
			this.rooms.set(roomId, room)
		}
		return room
	}

	/** A heartbeat: the viewer counts, and a signed-in member watching without a break long enough earns points once. */
	async beat(roomId: string, viewerKey: string, userId: string | null, now = Date.now()): Promise<number> {
		const room = await this.runtime(roomId)
		room.viewers.set(viewerKey, now)
		if (userId) {
			const watcher = room.watchers.get(userId)
			if (!watcher || now - watcher.last > BEAT_GRACE_MS) room.watchers.set(userId, { since: now, last: now, rewarded: watcher?.rewarded ?? false })
			else {
				watcher.last = now
				if (!watcher.rewarded && now - watcher.since >= this.options.watchMs) {
					watcher.rewarded = true
					void rewardWatching(roomId, userId)
				}
			}
		}
		return this.liveCount(room, now)
	}

	leave(roomId: string, viewerKey: string): void {
		void this.rooms.get(roomId)?.then((room) => room.viewers.delete(viewerKey))
	}

	/**
	 * Taps from one burst, counted in memory with no database work (a crowd taps hundreds of
	 * times a second); want-it taps count only for a pinned product and a signed-in member.
	 * Returns false when the room is not live.
	 */
	async tap(roomId: string, count: number, userId: string | null, productId: string | undefined): Promise<boolean> {
		const room = await this.runtime(roomId)
		if (room.status !== 'live') return false
		room.pending.total += count
		if (!productId || !userId || !room.pinned.has(productId)) return true
		const members = room.pending.wants.get(productId) ?? new Map<string, number>()
		members.set(userId, (members.get(userId) ?? 0) + count)
		room.pending.wants.set(productId, members)
		return true
	}

	/** A room went live, ended, or changed its chat settings. */
	setStatus(roomId: string, status: RoomStatus): void {
		void this.rooms.get(roomId)?.then((room) => (room.status = status))
	}

	async setPinned(roomId: string, productIds: string[]): Promise<void> {
		;(await this.runtime(roomId)).pinned = new Set(productIds)
	}

	async stockChanged(roomId: string, saleId: string, remaining: number): Promise<void> {
		const room = await this.runtime(roomId)
		room.stock.set(saleId, Math.min(remaining, room.stock.get(saleId) ?? remaining))
	}

	async totals(roomId: string): Promise<LikeTotals> {
		const room = await this.runtime(roomId)
		return { ...room.totals, total: room.totals.total + room.pending.total }
	}

	async viewers(roomId: string): Promise<number> {
		return this.liveCount(await this.runtime(roomId), Date.now())
	}

	/** The flood limit: more than FLOOD_MESSAGES in FLOOD_WINDOW_MS pauses the member's chat in this room. Returns seconds to wait, or 0. */
	floodWait(roomId: string, userId: string, now = Date.now()): number {
		const key = `${roomId}:${userId}`
		const entry = this.flood.get(key) ?? { times: [], pausedUntil: 0 }
		this.flood.set(key, entry)
		if (entry.pausedUntil > now) return Math.ceil((entry.pausedUntil - now) / 1000)
		entry.times = entry.times.filter((t) => now - t < FLOOD_WINDOW_MS)
		if (entry.times.length >= FLOOD_MESSAGES) {
			entry.pausedUntil = now + FLOOD_PAUSE_MS
			entry.times = []
			return Math.ceil(FLOOD_PAUSE_MS / 1000)
		}
		entry.times.push(now)
		return 0
	}

	private liveCount(room: RoomRuntime, now: number): number {
		let count = 0
		for (const [key, last] of room.viewers) {
			if (now - last <= BEAT_GRACE_MS) count++
			else room.viewers.delete(key)
		}
		return count
	}

	private async flushLikes(): Promise<void> {
		if (this.saving) return
		this.saving = true
		try {
			for (const [roomId, loading] of this.rooms) {
				const room = await loading
				if (room.pending.total > 0) {
					const batch = { roomId, ...room.pending }
					room.pending = { total: 0, wants: new Map() }
					try {
						await saveLikes(batch)
						room.totals.total += batch.total
						for (const [productId, members] of batch.wants) {
							let taps = 0
							for (const n of members.values()) taps += n
							room.totals.products[productId] = (room.totals.products[productId] ?? 0) + taps
						}
						this.io.to(liveChannel(roomId)).emit('like:totals', { ...room.totals, products: { ...room.totals.products } })
					} catch (error) {
						logError('live:likes', error, { roomId })
					}
				}
				for (const [saleId, remaining] of room.stock) this.io.to(liveChannel(roomId)).emit('sale:stock', { roomId, saleId, remaining })
				room.stock.clear()
			}
		} finally {
			this.saving = false
		}
	}

	private async countViewers(): Promise<void> {
		const now = Date.now()
		for (const [roomId, loading] of this.rooms) {
			const room = await loading
			const viewers = this.liveCount(room, now)
			if (viewers !== room.shownViewers) {
				room.shownViewers = viewers
				this.io.to(liveChannel(roomId)).emit('presence:count', { roomId, viewers })
			}
			if (viewers > room.peak) {
				room.peak = viewers
				await recordViewers(roomId, viewers).catch((error) => logError('live:peak', error, { roomId }))
			}
			if (viewers === 0 && room.pending.total === 0 && room.stock.size === 0) this.rooms.delete(roomId)
		}
		for (const [key, entry] of this.flood) if (entry.pausedUntil < now && entry.times.every((t) => now - t > FLOOD_WINDOW_MS)) this.flood.delete(key)
	}
}
