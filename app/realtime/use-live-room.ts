import { useCallback, useEffect, useRef, useState } from 'react'
import { BEAT_MS, type ChatMessage, type FlashSaleView, type LikeTotals, type LiveSnapshot, type PinView, type RoomState } from '#app/domain/live/views.ts'
import type { Ack } from './events.ts'
import { acquireSocket, releaseSocket, type ClientSocket } from './use-socket.ts'

type Reply<T> = Parameters<Ack<T>>[0]
export type LiveError = { message: string; params?: Record<string, string | number> }
export type LiveRoomView = {
	connected: boolean
	ready: boolean
	room: RoomState | null
	messages: ChatMessage[]
	pins: PinView[]
	sale: FlashSaleView | null
	likes: LikeTotals | null
	viewers: number
	you: LiveSnapshot['you'] | null
	/** The room's last refusal to this viewer that had no form to show it (a ban, a flood pause, a lost connection). */
	notice: LiveError | null
}

/** Messages kept on screen; older ones scroll away (the page is a live view, not the archive). */
const KEEP_MESSAGES = 200
const TAP_FLUSH_MS = 300
const MAX_BURST = 50

/**
 * One live room over the tab's socket: joins on mount and again after every reconnect
 * (asking only for messages after the last one seen), sends heartbeats while the tab is
 * visible, batches taps, and folds every push into one state.
 */
export function useLiveRoom(roomId: string) {
	const [view, setView] = useState<LiveRoomView>({ connected: false, ready: false, room: null, messages: [], pins: [], sale: null, likes: null, viewers: 0, you: null, notice: null })
	const socketRef = useRef<ClientSocket | null>(null)
	const lastId = useRef<number | undefined>(undefined)
	const pendingTaps = useRef(new Map<string, number>())

	useEffect(() => {
		const socket = acquireSocket()
		socketRef.current = socket
		const patch = (next: Partial<LiveRoomView> | ((v: LiveRoomView) => Partial<LiveRoomView>)) => setView((v) => ({ ...v, ...(typeof next === 'function' ? next(v) : next) }))
		const mine = (payload: { roomId: string }) => payload.roomId === roomId

		const join = () => {
			socket.emit('live:join', { roomId, afterId: lastId.current }, (reply) => {
				if ('error' in reply) return patch({ notice: { message: reply.error, params: reply.params }, ready: true })
				const snap = reply.data
				const removed = new Set(snap.removedIds)
				patch((v) => {
					const base = lastId.current === undefined ? [] : v.messages
					const messages = mergeMessages(base, snap.messages).filter((m) => !removed.has(m.id))
					return { connected: true, ready: true, room: snap.room, messages, pins: snap.pins, sale: snap.sale, likes: snap.likes, viewers: snap.viewers, you: snap.you, notice: null }
				})
				lastId.current = snap.messages.at(-1)?.id ?? lastId.current
			})
		}
		const onMessage = (m: ChatMessage) => {
			if (!mine(m)) return
			lastId.current = Math.max(lastId.current ?? 0, m.id)
			patch((v) => ({ messages: mergeMessages(v.messages, [m]) }))
		}
		const onRemoved = (r: { roomId: string; ids: number[] }) => mine(r) && patch((v) => ({ messages: v.messages.filter((m) => !r.ids.includes(m.id)) }))
		const onLikes = (t: LikeTotals) => mine(t) && patch((v) => ({ likes: largerTotals(v.likes, t) }))
		const onPresence = (p: { roomId: string; viewers: number }) => mine(p) && patch({ viewers: p.viewers })
		const onPins = (p: { roomId: string; pins: PinView[] }) => mine(p) && patch({ pins: p.pins })
		const onSale = (s: { roomId: string; sale: FlashSaleView | null }) => mine(s) && patch((v) => ({ sale: s.sale, you: v.you && s.sale?.id !== v.sale?.id ? { ...v.you, claimed: 0 } : v.you }))
		const onStock = (s: { roomId: string; saleId: string; remaining: number }) =>
			mine(s) && patch((v) => (v.sale?.id === s.saleId ? { sale: { ...v.sale, remaining: Math.min(v.sale.remaining, s.remaining) } } : {}))
		const onState = (s: RoomState) => mine(s) && patch({ room: s })
		const onRestricted = (r: { roomId: string; kind: 'mute' | 'ban'; until: string | null }) => {
			if (!mine(r)) return
			patch((v) => ({
				you: v.you && { ...v.you, mutedUntil: r.kind === 'mute' ? r.until : v.you.mutedUntil, chatBlocked: r.kind === 'ban' ? 'live.chat.banned' : 'live.chat.muted' },
				notice: { message: r.kind === 'ban' ? 'live.chat.banned' : 'live.chat.muted', params: r.until ? { until: r.until } : undefined },
			}))
		}
		const onError = (e: LiveError) => patch({ notice: e })
		const onDown = () => patch({ connected: false })

		socket.on('connect', join)
		socket.on('disconnect', onDown)
		socket.on('chat:message', onMessage)
		socket.on('chat:removed', onRemoved)
		socket.on('like:totals', onLikes)
		socket.on('presence:count', onPresence)
		socket.on('pin:update', onPins)
		socket.on('sale:update', onSale)
		socket.on('sale:stock', onStock)
		socket.on('live:state', onState)
		socket.on('live:restricted', onRestricted)
		socket.on('live:error', onError)
		if (socket.connected) join()

		// Heartbeats only while the page is in view: a tab left in the background stops counting.
		const beat = setInterval(() => {
			if (socket.connected && document.visibilityState === 'visible') socket.emit('live:beat', { roomId })
		}, BEAT_MS)
		const flush = setInterval(() => {
			for (const [key, count] of pendingTaps.current) {
				socket.emit('like:burst', { roomId, count: Math.min(count, MAX_BURST), ...(key ? { productId: key } : {}) })
			}
			pendingTaps.current.clear()
		}, TAP_FLUSH_MS)

		return () => {
			clearInterval(beat)
			clearInterval(flush)
			socket.off('connect', join)
			socket.off('disconnect', onDown)
			socket.off('chat:message', onMessage)
			socket.off('chat:removed', onRemoved)
			socket.off('like:totals', onLikes)
			socket.off('presence:count', onPresence)
			socket.off('pin:update', onPins)
			socket.off('sale:update', onSale)
			socket.off('sale:stock', onStock)
			socket.off('live:state', onState)
			socket.off('live:restricted', onRestricted)
			socket.off('live:error', onError)
			socket.emit('live:leave', { roomId })
			releaseSocket()
			socketRef.current = null
		}
	}, [roomId])

	/** Sends an event and resolves with its answer; a missing connection is an error the page can show. */
	const request = useCallback(<T,>(send: (socket: ClientSocket, ack: Ack<T>) => void): Promise<Reply<T>> => {
		const socket = socketRef.current
		if (!socket?.connected) return Promise.resolve({ error: 'live.offline' })
		return new Promise((resolve) => {
			const timer = setTimeout(() => resolve({ error: 'live.offline' }), 10_000)
			send(socket, (reply) => {
				clearTimeout(timer)
				resolve(reply)
			})
		})
	}, [])

	/** A tap (a like, or with productId a "want it"): counted on screen at once, sent in batches. */
	const tap = useCallback((productId?: string) => {
		const key = productId ?? ''
		pendingTaps.current.set(key, (pendingTaps.current.get(key) ?? 0) + 1)
		setView((v) => (v.likes ? { ...v, likes: { ...v.likes, total: v.likes.total + 1, products: productId ? { ...v.likes.products, [productId]: (v.likes.products[productId] ?? 0) + 1 } : v.likes.products } } : v))
	}, [])

	const actions = {
		send: (body: string) => request<ChatMessage>((s, ack) => s.emit('chat:send', { roomId, body }, ack)),
		remove: (messageId: number) => request<{ id: number }>((s, ack) => s.emit('chat:delete', { roomId, messageId }, ack)),
		pin: (productId: string, pinned: boolean) => request<{ pins: PinView[] }>((s, ack) => s.emit('pin:set', { roomId, productId, pinned }, ack)),
		startSale: (input: { productId: string; priceCents: number; stock: number; perMember: number; countdownSeconds: number; durationMinutes: number }) =>
			request<FlashSaleView>((s, ack) => s.emit('sale:start', { roomId, ...input }, ack)),
		stopSale: (saleId: string) => request<FlashSaleView>((s, ack) => s.emit('sale:stop', { roomId, saleId }, ack)),
		claim: async (saleId: string, quantity: number) => {
			const reply = await request<{ claimed: number; remaining: number; intentId: string }>((s, ack) =>
				s.emit('sale:claim', { roomId, saleId, quantity, key: crypto.randomUUID() }, ack),
			)
			if ('data' in reply) {
				const { claimed, remaining } = reply.data
				setView((v) => ({ ...v, you: v.you && { ...v.you, claimed }, sale: v.sale?.id === saleId ? { ...v.sale, remaining: Math.min(v.sale.remaining, remaining) } : v.sale }))
			}
			return reply
		},
		mute: (userId: string, minutes: number) => request<{ until: string }>((s, ack) => s.emit('mod:mute', { roomId, userId, minutes }, ack)),
		ban: (userId: string) => request<{ userId: string }>((s, ack) => s.emit('mod:ban', { roomId, userId }, ack)),
		settings: (input: { slowModeSeconds?: number; membersOnly?: boolean }) => request<RoomState>((s, ack) => s.emit('room:settings', { roomId, ...input }, ack)),
		dismissNotice: () => setView((v) => ({ ...v, notice: null })),
	}
	return { ...view, tap, actions }
}

/** Totals only grow; two app processes' pushes can arrive out of order, so the larger of each count wins. */
function largerTotals(shown: LikeTotals | null, pushed: LikeTotals): LikeTotals {
	if (!shown) return pushed
	const products = { ...shown.products }
	for (const [id, taps] of Object.entries(pushed.products)) products[id] = Math.max(products[id] ?? 0, taps)
	return { roomId: pushed.roomId, total: Math.max(shown.total, pushed.total), products }
}

function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
	if (incoming.length === 0) return current
	const byId = new Map(current.map((m) => [m.id, m]))
	for (const m of incoming) byId.set(m.id, m)
	return [...byId.values()].sort((a, b) => a.id - b.id).slice(-KEEP_MESSAGES)
}
