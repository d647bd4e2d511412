import type { Socket } from 'socket.io'
import { z } from 'zod'
import { roomAccess, type LiveActor, type RoomAccess } from '#app/domain/live/access.server.ts'
import { chatBlocked, checkBody, postMessage, recentlyRemoved, recentMessages, removeMessage, rewardFirstMessage } from '#app/domain/live/chat.server.ts'
import { updateChatSettings } from '#app/domain/live/lifecycle.server.ts'
import { currentPins, setPin } from '#app/domain/live/pins.server.ts'
import { banMember, muteMember } from '#app/domain/live/restrictions.server.ts'
import { claimedBy, claimUnits, currentSale, SaleSchema, startSale, stopSale } from '#app/domain/live/sales.server.ts'
import { MAX_MESSAGE_CHARS, MAX_TAPS_PER_BURST, type LiveSnapshot } from '#app/domain/live/views.ts'
import { logError } from '#app/lib/log.server.ts'
import type { Ack, ClientToServerEvents, ServerToClientEvents, SocketData } from './events.ts'
import { liveChannel, type LiveHub } from './live-hub.server.ts'
import type { QuanziServer } from './socket-server.server.ts'

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
type Reply = { error: string; params?: Record<string, string | number> }

const RoomId = z.string().min(1).max(64)
const SCHEMAS = {
	'live:join': z.object({ roomId: RoomId, afterId: z.number().int().min(0).optional() }),
	'live:leave': z.object({ roomId: RoomId }),
	'live:beat': z.object({ roomId: RoomId }),
	'chat:send': z.object({ roomId: RoomId, body: z.string().max(MAX_MESSAGE_CHARS * 4) }),
	'chat:delete': z.object({ roomId: RoomId, messageId: z.number().int().positive() }),
	'like:burst': z.object({ roomId: RoomId, count: z.number().int().min(1).max(MAX_TAPS_PER_BURST), productId: z.string().min(1).max(64).optional() }),
	'pin:set': z.object({ roomId: RoomId, productId: z.string().min(1).max(64), pinned: z.boolean() }),
	'sale:start': SaleSchema.extend({ roomId: RoomId }),
	'sale:stop': z.object({ roomId: RoomId, saleId: z.string().min(1).max(64) }),
	'sale:claim': z.object({ roomId: RoomId, saleId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(99), key: z.string().min(8).max(64) }),
	'mod:mute': z.object({ roomId: RoomId, userId: z.string().min(1).max(64), minutes: z.number().int() }),
	'mod:ban': z.object({ roomId: RoomId, userId: z.string().min(1).max(64) }),
	'room:settings': z.object({ roomId: RoomId, slowModeSeconds: z.number().int().optional(), membersOnly: z.boolean().optional() }),
} as const
type LiveEvent = keyof typeof SCHEMAS
const OTHER_EVENTS = new Set(['whoami', 'room:join', 'room:leave', 'day:join', 'day:leave'])

/** Malformed payloads, unknown events and events for a room the socket may not use: this many in STRIKE_WINDOW_MS and it is disconnected. */
const MAX_STRIKES = 10
const STRIKE_WINDOW_MS = 60_000
/** Taps a socket may report per second; humans tap far slower, so more is a script. */
const MAX_TAPS_PER_SECOND = 30

/**
 * The live-room events of one socket. Each handler validates the payload, checks the
 * member's right in the room (domain), saves, answers the ack, and only then broadcasts.
 */
export function registerLiveHandlers(io: QuanziServer, hub: LiveHub, socket: LiveSocket): void {
	const strikes: number[] = []
	const taps = { second: 0, count: 0 }
	const actor = (): LiveActor => (socket.data.userId ? { id: socket.data.userId, role: socket.data.role } : null)
	const viewerKey = () => socket.data.userId ?? socket.data.deviceId ?? socket.id
	const joined = (roomId: string) => socket.rooms.has(liveChannel(roomId))

	const strike = (reply: Reply, ack?: unknown) => {
		answer(ack, reply)
		const now = Date.now()
		strikes.push(now)
		while (strikes.length && now - strikes[0]! > STRIKE_WINDOW_MS) strikes.shift()
		if (strikes.length >= MAX_STRIKES) {
			socket.emit('live:error', { message: 'live.tooManyErrors' })
			socket.disconnect(true)
		}
	}
	const answer = (ack: unknown, result: { data: unknown } | Reply) => {
		// Domain refusals carry more than the client needs (ok: false); send the key and its parameters only.
		const reply = 'error' in result ? { error: result.error, ...(result.params ? { params: result.params } : {}) } : { data: result.data }
		if (typeof ack === 'function') (ack as Ack<unknown>)(reply)
		else if ('error' in reply) socket.emit('live:error', { message: reply.error, params: reply.params })
	}

	socket.onAny((event: string, ...args: unknown[]) => {
		if (!(event in SCHEMAS) && !OTHER_EVENTS.has(event)) strike({ error: 'live.unknownEvent', params: { event: event.slice(0, 40) } }, args.at(-1))
	})

	/** Parses, loads the room and the socket's standing in it, then runs the handler; every failure is answered. */
	function on<E extends LiveEvent>(event: E, handler: (input: z.output<(typeof SCHEMAS)[E]>, access: RoomAccess) => Promise<{ data: unknown } | Reply>, options: { mustJoin?: boolean } = {}) {
		socket.on(event as never, (async (payload: unknown, ack: unknown) => {
			const parsed = SCHEMAS[event].safeParse(payload)
			if (!parsed.success) return strike({ error: 'live.badPayload', params: { event } }, ack)
			const roomId = (parsed.data as { roomId: string }).roomId
			if (options.mustJoin !== false && !joined(roomId)) return strike({ error: 'live.notJoined' }, ack)
			try {
				const access = await roomAccess(roomId, actor())
				if (!access) return strike({ error: 'live.noRoom' }, ack)
				if (!access.allowed) return strike({ error: 'groups.chat.membersOnly' }, ack)
				if (access.banned) {
					void socket.leave(liveChannel(roomId))
					return strike({ error: 'live.chat.banned' }, ack)
				}
				answer(ack, await handler(parsed.data as z.output<(typeof SCHEMAS)[E]>, access))
			} catch (error) {
				logError('live:event', error, { event, roomId })
				answer(ack, { error: 'live.unavailable' })
			}
		}) as never)
	}

	on(
		'live:join',
		async ({ roomId, afterId }, access) => {
			await socket.join(liveChannel(roomId))
			await hub.beat(roomId, viewerKey(), socket.data.userId)
			return { data: await snapshot(access, afterId) }
		},
		{ mustJoin: false },
	)

	async function snapshot(access: RoomAccess, afterId?: number): Promise<LiveSnapshot> {
		const roomId = access.room.id
		const userId = socket.data.userId
		const [messages, removedIds, pins, sale, likes, viewers, blocked] = await Promise.all([
			recentMessages(roomId, afterId),
			recentlyRemoved(roomId),
			currentPins(roomId),
			currentSale(roomId),
			hub.totals(roomId),
			hub.viewers(roomId),
			chatBlocked(access, actor()),
		])
		return {
			room: { roomId, status: access.room.status, slowModeSeconds: access.room.slowModeSeconds, membersOnly: access.room.membersOnly },
			messages,
			removedIds,
			pins,
			sale,
			likes,
			viewers,
			you: {
				userId,
				canModerate: access.canModerate,
				chatBlocked: blocked?.error ?? null,
				mutedUntil: access.mutedUntil?.toISOString() ?? null,
				claimed: sale && userId ? await claimedBy(sale.id, userId) : 0,
			},
		}
	}

	socket.on('live:leave', (payload, ack) => {
		const parsed = SCHEMAS['live:leave'].safeParse(payload)
		if (!parsed.success) return strike({ error: 'live.badPayload', params: { event: 'live:leave' } }, ack)
		void socket.leave(liveChannel(parsed.data.roomId))
		hub.leave(parsed.data.roomId, viewerKey()).catch((error) => logError('live:leave', error))
		answer(ack, { data: { roomId: parsed.data.roomId } })
	})

	socket.on('live:beat', (payload) => {
		const parsed = SCHEMAS['live:beat'].safeParse(payload)
		if (!parsed.success) return strike({ error: 'live.badPayload', params: { event: 'live:beat' } })
		if (!joined(parsed.data.roomId)) return strike({ error: 'live.notJoined' })
		hub.beat(parsed.data.roomId, viewerKey(), socket.data.userId).catch((error) => logError('live:beat', error))
	})

	on('chat:send', async ({ roomId, body }, access) => {
		const me = actor()
		if (!me || !socket.data.displayName) return { error: 'live.chat.signIn' }
		// Only a message that could be sent counts toward the flood limit.
		const invalid = checkBody(body)
		if (invalid) return invalid
		const wait = await hub.floodWait(roomId, me.id)
		if (wait > 0) return { error: 'live.chat.flood', params: { seconds: wait } }
		const result = await postMessage(access, { ...me, displayName: socket.data.displayName }, body)
		if (!result.ok) return { error: result.error, params: result.params }
		io.to(liveChannel(roomId)).emit('chat:message', result.message)
		if (result.first) void rewardFirstMessage(roomId, me.id)
		return { data: result.message }
	})

	on('chat:delete', async ({ roomId, messageId }, access) => {
		const result = await removeMessage(access, socket.data.userId ?? '', messageId)
		if (!result.ok) return result
		io.to(liveChannel(roomId)).emit('chat:removed', { roomId, ids: [messageId] })
		return { data: { id: messageId } }
	})

	// Taps come hundreds a second: no database work here. A banned member's sockets have left
	// the channel, so being joined is the right to tap; the hub knows whether the room is live.
	socket.on('like:burst', (payload, ack) => {
		const parsed = SCHEMAS['like:burst'].safeParse(payload)
		if (!parsed.success) return strike({ error: 'live.badPayload', params: { event: 'like:burst' } }, ack)
		const { roomId, count, productId } = parsed.data
		if (!joined(roomId)) return strike({ error: 'live.notJoined' }, ack)
		const second = Math.floor(Date.now() / 1000)
		if (taps.second !== second) Object.assign(taps, { second, count: 0 })
		const accepted = Math.max(0, Math.min(count, MAX_TAPS_PER_SECOND - taps.count))
		taps.count += accepted
		if (accepted === 0) return answer(ack, { data: { accepted } })
		hub
			.tap(roomId, accepted, socket.data.userId, productId)
			.then((live) => answer(ack, live ? { data: { accepted } } : { error: 'live.notLive' }))
			.catch((error) => logError('live:tap', error, { roomId }))
	})

	on('pin:set', async ({ roomId, productId, pinned }, access) => {
		const result = await setPin(access, productId, pinned)
		if (!result.ok) return result
		await hub.setPinned(roomId, result.pins.map((p) => p.productId))
		io.to(liveChannel(roomId)).emit('pin:update', { roomId, pins: result.pins })
		return { data: { pins: result.pins } }
	})

	on('sale:start', async ({ roomId, ...input }, access) => {
		const result = await startSale(access, socket.data.userId ?? '', input)
		if (!result.ok) return result
		io.to(liveChannel(roomId)).emit('sale:update', { roomId, sale: result.sale })
		return { data: result.sale }
	})

	on('sale:stop', async ({ roomId, saleId }, access) => {
		const result = await stopSale(access, saleId)
		if (!result.ok) return result
		io.to(liveChannel(roomId)).emit('sale:update', { roomId, sale: result.sale })
		return { data: result.sale }
	})

	on('sale:claim', async ({ roomId, saleId, quantity, key }, access) => {
		const result = await claimUnits(access, actor(), { saleId, quantity, key })
		if (!result.ok) return result
		await hub.stockChanged(roomId, saleId, result.remaining)
		return { data: { claimed: result.claimed, remaining: result.remaining, intentId: result.intentId } }
	})

	on('mod:mute', async ({ roomId, userId, minutes }, access) => {
		const result = await muteMember(access, socket.data.userId ?? '', userId, minutes)
		if (!result.ok) return result
		const until = result.until.toISOString()
		io.to(`user:${userId}`).emit('live:restricted', { roomId, kind: 'mute', until })
		return { data: { until } }
	})

	on('mod:ban', async ({ roomId, userId }, access) => {
		const result = await banMember(access, socket.data.userId ?? '', userId)
		if (!result.ok) return result
		io.to(`user:${userId}`).emit('live:restricted', { roomId, kind: 'ban', until: null })
		io.in(`user:${userId}`).socketsLeave(liveChannel(roomId))
		return { data: { userId } }
	})

	on('room:settings', async ({ roomId, ...input }, access) => {
		const result = await updateChatSettings(access, socket.data.userId ?? '', input)
		if (!result.ok) return result
		io.to(liveChannel(roomId)).emit('live:state', result.state)
		return { data: result.state }
	})
}
