import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ChatMessage, LiveSnapshot } from '#app/domain/live/views.ts'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// 2,000 viewers of one live room lose the server at once (SIGKILL) and it comes back on the same
// port: every one reconnects by itself, joins the room again asking for what it missed, finds the
// message written while it was away, and hears the next message said in the room.

const CLIENTS = 2_000
const OPEN_AT_ONCE = 100
const WAIT_MS = 90_000

type Reply<T> = { data: T } | { error: string }
type Viewer = { socket: Socket; lastId: number | undefined; joins: number; seen: Set<number>; snapshot: LiveSnapshot | null; errors: string[] }

let server: RunningServer
let db: PrismaClient
let roomId: string
let chatterId: string
let chatterCookie: string
const viewers: Viewer[] = []
const sockets: Socket[] = []

beforeAll(async () => {
	server = await startServer()
	chatterCookie = (await signupCookie(server.url, 'storm-chatter@quanzi.test')).split(';')[0]!
	db = openDatabase(server.databaseUrl)
	chatterId = (await db.user.findUniqueOrThrow({ where: { email: 'storm-chatter@quanzi.test' }, select: { id: true } })).id
	const host = await db.user.create({ data: { email: 'storm-host@quanzi.test', displayName: 'Host', passwordHash: 'not used here', role: 'merchant' }, select: { id: true } })
	const room = await db.liveRoom.create({
		data: { title: 'Storm evening', hostId: host.id, streamUrl: '/demo/live/index.m3u8', startsAt: new Date(), status: 'live', startedAt: new Date() },
		select: { id: true },
	})
	roomId = room.id
})
afterAll(async () => {
	for (const s of sockets) s.disconnect()
	await db?.$disconnect()
	await server?.stop()
})

/** A socket with the room page's options (app/realtime/use-socket.ts: Socket.IO's reconnection, with its randomized backoff). */
function open(cookie?: string): Socket {
	const socket = connect(server.url, {
		transports: ['websocket'],
		extraHeaders: { Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
		forceNew: true,
		reconnection: true,
		reconnectionDelay: 1_000,
		reconnectionDelayMax: 5_000,
		randomizationFactor: 0.5,
	})
	sockets.push(socket)
	return socket
}

/** A viewer like use-live-room.ts: joins on every connect, asking only for messages after the last one seen. */
function viewer(): Viewer {
	const v: Viewer = { socket: open(), lastId: undefined, joins: 0, seen: new Set(), snapshot: null, errors: [] }
	v.socket.on('connect', () => {
		v.socket.timeout(30_000).emit('live:join', { roomId, afterId: v.lastId }, (error: Error | null, reply: Reply<LiveSnapshot>) => {
			if (error) return void v.errors.push(error.message)
			if ('error' in reply) return void v.errors.push(reply.error)
			v.joins++
			v.snapshot = reply.data
			for (const m of reply.data.messages) v.seen.add(m.id)
			v.lastId = reply.data.messages.at(-1)?.id ?? v.lastId
		})
	})
	v.socket.on('chat:message', (m: ChatMessage) => {
		v.seen.add(m.id)
		v.lastId = Math.max(v.lastId ?? 0, m.id)
	})
	return v
}

async function until(what: string, done: () => boolean, ms = WAIT_MS) {
	const deadline = Date.now() + ms
	while (!done()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

async function say(socket: Socket, body: string): Promise<ChatMessage> {
	const reply = (await socket.timeout(10_000).emitWithAck('chat:send', { roomId, body })) as Reply<ChatMessage>
	if ('error' in reply) throw new Error(`chat refused: ${reply.error}`)
	return reply.data
}

describe('a socket storm after a restart', () => {
	test(`${CLIENTS} viewers reconnect, rejoin and catch up`, { timeout: 170_000 }, async () => {
		for (let i = 0; i < CLIENTS; i += OPEN_AT_ONCE) {
			const batch = Array.from({ length: Math.min(OPEN_AT_ONCE, CLIENTS - i) }, viewer)
			viewers.push(...batch)
			await until(`batch ${i / OPEN_AT_ONCE + 1} to join`, () => batch.every((v) => v.joins === 1))
		}
		const chatter = open(chatterCookie)
		let chatterJoins = 0
		chatter.on('connect', () => chatter.emit('live:join', { roomId }, (reply: Reply<LiveSnapshot>) => void ('data' in reply && chatterJoins++)))
		await until('the chatter to join', () => chatterJoins === 1)
		const before = await say(chatter, 'before the restart')
		await until('everyone to hear the first message', () => viewers.every((v) => v.seen.has(before.id)))

		await server.stop('SIGKILL')
		await until('every viewer to notice', () => viewers.every((v) => !v.socket.connected), 20_000)
		const away = await db.liveMessage.create({ data: { roomId, userId: chatterId, body: 'said while you were away' }, select: { id: true } })
		server = await startServer({}, { databaseUrl: server.databaseUrl, dataDir: server.dataDir, port: server.port })

		await until('every viewer to rejoin', () => viewers.every((v) => v.joins === 2))
		for (const v of viewers) {
			// Caught up: the rejoin asked for what came after the first message and got the one said while away.
			expect(v.snapshot!.messages.map((m) => m.id)).toEqual([away.id])
			expect(v.seen.has(away.id)).toBe(true)
		}
		await until('the chatter to rejoin', () => chatterJoins === 2)
		const after = await say(chatter, 'after the restart')
		await until('everyone to hear the message after the restart', () => viewers.every((v) => v.seen.has(after.id)), 30_000)
		expect(viewers.flatMap((v) => v.errors)).toEqual([])
		expect(viewers.filter((v) => v.socket.connected)).toHaveLength(CLIENTS)
	})
})
