// bench:live's viewers: a share of the benchmark's sockets in one process, forked by
// tests/bench/live.ts and driven over IPC (connect, run a phase, close). Each socket
// behaves like the room page (app/realtime/use-live-room.ts): joins, beats every BEAT_MS,
// and, if it is a chatter or a tapper, chats or sends batched taps during a phase.
import { io as connect, type Socket } from 'socket.io-client'
import { BEAT_MS, type LiveSnapshot } from '#app/domain/live/views.ts'
import type { ClientToServerEvents, ServerToClientEvents } from '#app/realtime/events.ts'

/** The bare Socket.IO baseline, or one of Quanzi's deployments (tests/bench/production-server.ts). */
export type Target = 'baseline' | 'sqlite' | 'postgres' | 'cluster'
export type ClientSpec = { index: number; cookie: string | null; taps: boolean }
export type Command =
	| { kind: 'connect'; target: Target; url: string; roomId: string; clients: ClientSpec[] }
	/** chatters: indexes of every chatting client (all workers), in the order their first messages go out; likes: whether tappers tap. */
	| { kind: 'run'; target: Target; startAt: number; seconds: number; chatters: number[]; chatIntervalMs: number; likes: boolean; productId: string | null }
	| { kind: 'close' }
export type PhaseResult = {
	/** ms from send to arrival, one per delivery of a message sent in the phase. */
	latencies: Float64Array
	acks: Float64Array
	sent: number
	/** Answered with an error (by its key); such a message is never broadcast. */
	refused: Record<string, number>
	/** Not answered within ACK_TIMEOUT_MS; it may still have been saved and broadcast. */
	unanswered: number
	tapsSent: number
	/** Seen by this worker's first socket: the room's like total at the start and at the end (plus COUNT_SLACK_MS), and how many like:totals arrived in between. */
	likesBefore: number
	likesAfter: number
	totalsBroadcasts: number
	cpuMs: number
	disconnects: Record<string, number>
	liveErrors: number
}
export type Report =
	| { kind: 'connected'; target: Target; joined: number; failures: string[] }
	| ({ kind: 'result'; target: Target } & PhaseResult)
	| { kind: 'failed'; message: string }

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>
type Client = ClientSpec & { socket: ClientSocket; beat?: NodeJS.Timeout }
type Phase = { startAt: number; latencies: number[]; disconnects: Record<string, number>; liveErrors: number }

const CONNECTING_AT_ONCE = 25
const JOIN_TIMEOUT_MS = 30_000
const ACK_TIMEOUT_MS = 10_000
/** As the room page batches taps (use-live-room.ts TAP_FLUSH_MS); 1–6 taps a burst stays under the server's 30 taps/s per socket. */
const TAP_FLUSH_MS = 300
const MAX_TAPS = 6
/** The like total counts taps sent up to the end that the server counted within this (two of its 250 ms ticks). */
const COUNT_SLACK_MS = 500
/** After a phase: until the deliveries stop for this long (at most DRAIN_MAX_MS). */
const QUIET_MS = 500
const DRAIN_MAX_MS = 10_000
const BODY_PREFIX = 'bench '

// NOTE: the send time travels in the message and is read in another process; both read the
// same system clock, at sub-millisecond resolution through the performance timer.
const clock = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

const clients = new Map<Target, Client[]>()
const listeners = new Map<Target, { total: number; broadcasts: number }>()
const phases = new Map<Target, Phase>()
const rooms = new Map<Target, string>()
let closing = false

async function join(target: Target, url: string, roomId: string, spec: ClientSpec): Promise<Client> {
	const socket: ClientSocket = connect(url, {
		transports: ['websocket'],
		extraHeaders: { Origin: url, ...(spec.cookie ? { Cookie: spec.cookie } : {}) },
		reconnection: false,
		forceNew: true,
		timeout: JOIN_TIMEOUT_MS,
	})
	const client: Client = { ...spec, socket }
	socket.on('chat:message', (message) => {
		const phase = phases.get(target)
		const sentAt = Number(message.body.slice(BODY_PREFIX.length))
		if (phase && sentAt >= phase.startAt) phase.latencies.push(clock() - sentAt)
	})
	socket.on('disconnect', (reason) => {
		const phase = phases.get(target)
		if (!closing && phase) phase.disconnects[reason] = (phase.disconnects[reason] ?? 0) + 1
		else if (!closing) console.error(`  ${target} socket ${spec.index} disconnected between phases: ${reason}`)
	})
	socket.on('live:error', () => {
		const phase = phases.get(target)
		if (phase) phase.liveErrors++
	})
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve)
		socket.once('connect_error', reject)
	})
	const reply = await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck('live:join', { roomId })
	if ('error' in reply) throw new Error(reply.error)
	if (!listeners.has(target)) {
		const listener = { total: (reply.data as Partial<LiveSnapshot>).likes?.total ?? 0, broadcasts: 0 }
		listeners.set(target, listener)
		socket.on('like:totals', (totals) => {
			listener.total = totals.total
			listener.broadcasts++
		})
	}
	// Heartbeats as the page sends them, spread over the period.
	client.beat = setTimeout(function beat() {
		socket.emit('live:beat', { roomId })
		client.beat = setTimeout(beat, BEAT_MS)
	}, Math.random() * BEAT_MS)
	return client
}

async function connectAll(command: Extract<Command, { kind: 'connect' }>): Promise<Report> {
	const list = clients.get(command.target) ?? []
	clients.set(command.target, list)
	rooms.set(command.target, command.roomId)
	const failures: string[] = []
	let next = 0
	await Promise.all(
		Array.from({ length: CONNECTING_AT_ONCE }, async () => {
			for (let i = next++; i < command.clients.length; i = next++) {
				try {
					list.push(await join(command.target, command.url, command.roomId, command.clients[i]!))
				} catch (error) {
					failures.push(`client ${command.clients[i]!.index}: ${(error as Error).message}`)
				}
			}
		}),
	)
	return { kind: 'connected', target: command.target, joined: list.length, failures }
}

async function runPhase(command: Extract<Command, { kind: 'run' }>): Promise<Report> {
	const { target, startAt, seconds, chatIntervalMs, productId } = command
	const roomId = rooms.get(target)!
	const listener = listeners.get(target) ?? { total: 0, broadcasts: 0 }
	const endAt = startAt + seconds * 1000
	const acks: number[] = []
	const refused: Record<string, number> = {}
	let sent = 0
	let unanswered = 0
	let tapsSent = 0
	let pending = 0
	const timers = new Set<NodeJS.Timeout>()
	const at = (time: number, task: () => void) => {
		const timer = setTimeout(() => (timers.delete(timer), task()), time - Date.now())
		timers.add(timer)
	}
	const rank = new Map(command.chatters.map((index, position) => [index, position]))

	await sleep(startAt - Date.now())
	const phase: Phase = { startAt, latencies: [], disconnects: {}, liveErrors: 0 }
	phases.set(target, phase)
	const likesBefore = listener.total
	const broadcastsBefore = listener.broadcasts
	const cpu = process.cpuUsage()

	for (const client of clients.get(target) ?? []) {
		const position = rank.get(client.index)
		if (position !== undefined) {
			const chat = (time: number) => {
				if (time >= endAt) return
				at(time, () => {
					const sentAt = clock()
					sent++
					pending++
					client.socket
						.timeout(ACK_TIMEOUT_MS)
						.emitWithAck('chat:send', { roomId, body: `${BODY_PREFIX}${sentAt}` })
						.then((reply) => ('error' in reply ? (refused[reply.error] = (refused[reply.error] ?? 0) + 1) : acks.push(clock() - sentAt)))
						.catch(() => unanswered++)
						.finally(() => pending--)
					chat(time + chatIntervalMs)
				})
			}
			chat(startAt + (position / command.chatters.length) * chatIntervalMs)
		}
		if (client.taps && command.likes) {
			let burst = 0
			const tap = (time: number) => {
				if (time >= endAt) return
				at(time, () => {
					const count = 1 + Math.floor(Math.random() * MAX_TAPS)
					tapsSent += count
					// Every other burst is "want it" on the pinned product, as a viewer alternates hearts and the product button.
					client.socket.emit('like:burst', { roomId, count, ...(productId && burst++ % 2 ? { productId } : {}) })
					tap(time + TAP_FLUSH_MS)
				})
			}
			tap(startAt + Math.random() * TAP_FLUSH_MS)
		}
	}

	await sleep(endAt - Date.now())
	const broadcasts = listener.broadcasts - broadcastsBefore
	const used = process.cpuUsage(cpu)
	await sleep(endAt + COUNT_SLACK_MS - Date.now())
	const likesAfter = listener.total
	for (const drainUntil = Date.now() + DRAIN_MAX_MS; pending > 0 && Date.now() < drainUntil; ) await sleep(50)
	// Then until deliveries stop coming in.
	for (let seen = -1, drainUntil = Date.now() + DRAIN_MAX_MS; seen !== phase.latencies.length && Date.now() < drainUntil; ) {
		seen = phase.latencies.length
		await sleep(QUIET_MS)
	}
	for (const timer of timers) clearTimeout(timer)
	phases.delete(target)
	return {
		kind: 'result',
		target,
		latencies: Float64Array.from(phase.latencies),
		acks: Float64Array.from(acks),
		sent,
		refused,
		unanswered,
		tapsSent,
		likesBefore,
		likesAfter,
		totalsBroadcasts: broadcasts,
		cpuMs: (used.user + used.system) / 1000,
		disconnects: phase.disconnects,
		liveErrors: phase.liveErrors,
	}
}

function closeAll() {
	closing = true
	for (const list of clients.values()) {
		for (const client of list) {
			clearTimeout(client.beat)
			client.socket.disconnect()
		}
	}
}

process.on('message', (command: Command) => {
	if (command.kind === 'close') {
		closeAll()
		process.disconnect()
		return
	}
	const work = command.kind === 'connect' ? connectAll(command) : runPhase(command)
	work.then(
		(report) => process.send!(report),
		(error: Error) => process.send!({ kind: 'failed', message: error.stack ?? error.message }),
	)
})
// The benchmark gone (closed the channel, or died): nothing is left to run for.
process.on('disconnect', () => {
	closeAll()
	setTimeout(() => process.exit(0), 200).unref()
})
