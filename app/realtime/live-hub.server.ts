import { rewardWatching } from '#app/domain/live/lifecycle.server.ts'
import { likeTotals, recordViewers, roomStatus, saveLikes } from '#app/domain/live/likes.server.ts'
import { currentPins } from '#app/domain/live/pins.server.ts'
import { BEAT_GRACE_MS, LIKE_TICK_MS, PRESENCE_TICK_MS, type LikeTotals, type RoomStatus } from '#app/domain/live/views.ts'
import { logError } from '#app/lib/log.server.ts'
import type { LiveCounters } from './live-counters.server.ts'
import type { QuanziServer } from './socket-server.server.ts'

export const liveChannel = (roomId: string) => `live:${roomId}`

type Watcher = { since: number; last: number; rewarded: boolean }
type RoomRuntime = {
	status: RoomStatus
	watchers: Map<string, Watcher>
	shownViewers: number
	peak: number
	totals: LikeTotals
	pending: { total: number; wants: Map<string, Map<string, number>> }
	pinned: Set<string>
	stock: Map<string, number>
}

/**
 * What a room keeps in memory between saves: taps not yet saved, the status and pins that decide
 * which taps count, whose watching earns points. Ticks save and broadcast: likes and stock every
 * LIKE_TICK_MS, the viewer count every PRESENCE_TICK_MS. Viewers and the flood limit are in the
 * counters (app/realtime/live-counters.server.ts).
 *
 * Among several processes (`clustered`), each hub holds the rooms its own sockets watch: like
 * totals are read back from the database after each save, the viewer count is the shared one,
 * pushed by each process to its own sockets, and status and pin changes go to the other hubs as
 * server-side events.
 */
export class LiveHub {
	private readonly rooms = new Map<string, Promise<RoomRuntime>>()
	private readonly timers: NodeJS.Timeout[] = []
	private saving = false

	constructor(
		private readonly io: QuanziServer,
		private readonly counters: LiveCounters,
		private readonly options: { watchMs: number; clustered: boolean },
	) {
		if (options.clustered) {
			io.on('live:status', (roomId, status) => this.applyStatus(roomId, status))
			io.on('live:pins', (roomId, productIds) => this.applyPins(roomId, productIds))
		}
	}

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
		const viewers = await this.counters.beat(roomId, viewerKey)
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
		return viewers
	}

	leave(roomId: string, viewerKey: string): Promise<void> {
		return this.counters.leave(roomId, viewerKey)
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

	/** A room went live, ended, or changed its chat settings (here, and in every other process). */
	setStatus(roomId: string, status: RoomStatus): void {
		this.applyStatus(roomId, status)
		if (this.options.clustered) this.io.serverSideEmit('live:status', roomId, status)
	}

	async setPinned(roomId: string, productIds: string[]): Promise<void> {
		;(await this.runtime(roomId)).pinned = new Set(productIds)
		if (this.options.clustered) this.io.serverSideEmit('live:pins', roomId, productIds)
	}

	async stockChanged(roomId: string, saleId: string, remaining: number): Promise<void> {
		const room = await this.runtime(roomId)
		room.stock.set(saleId, Math.min(remaining, room.stock.get(saleId) ?? remaining))
	}

	/** The totals a joining viewer starts from, with this process's taps not yet saved. */
	async totals(roomId: string): Promise<LikeTotals> {
		const room = await this.runtime(roomId)
		// Other processes save taps too: their part is in the database, not in this hub.
		const saved = this.options.clustered ? { roomId, ...(await likeTotals(roomId)) } : room.totals
		return { ...saved, total: saved.total + room.pending.total }
	}

	viewers(roomId: string): Promise<number> {
		return this.counters.viewers(roomId)
	}

	/** The flood limit (FLOOD_MESSAGES in FLOOD_WINDOW_MS pauses the member's chat in the room): seconds to wait, or 0. */
	async floodWait(roomId: string, userId: string): Promise<number> {
		return Math.ceil((await this.counters.floodWaitMs(roomId, userId)) / 1000)
	}

	private applyStatus(roomId: string, status: RoomStatus): void {
		void this.rooms.get(roomId)?.then((room) => (room.status = status))
	}

	/** Pins set in another process; a room not held here loads them from the database when it is. */
	private applyPins(roomId: string, productIds: string[]): void {
		void this.rooms.get(roomId)?.then((room) => (room.pinned = new Set(productIds)))
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
						// Read back, not summed here: the stored totals include every process's taps.
						room.totals = { roomId, ...(await likeTotals(roomId)) }
						this.io.to(liveChannel(roomId)).emit('like:totals', room.totals)
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

	/**
	 * Every process counts the same viewers and pushes the count to its own sockets only
	 * (io.local), so a viewer hears it once. A room none of this process's sockets is in is dropped.
	 */
	private async countViewers(): Promise<void> {
		this.counters.sweep()
		for (const [roomId, loading] of this.rooms) {
			try {
				const room = await loading
				const viewers = await this.counters.viewers(roomId)
				if (viewers !== room.shownViewers) {
					room.shownViewers = viewers
					this.io.local.to(liveChannel(roomId)).emit('presence:count', { roomId, viewers })
				}
				if (viewers > room.peak) {
					room.peak = viewers
					await recordViewers(roomId, viewers)
				}
				const here = this.io.sockets.adapter.rooms.get(liveChannel(roomId))?.size ?? 0
				if (here === 0 && room.pending.total === 0 && room.stock.size === 0) this.rooms.delete(roomId)
			} catch (error) {
				logError('live:presence', error, { roomId })
			}
		}
	}
}
