// bench:live's baseline: bare Socket.IO on 127.0.0.1 doing the broadcasts a live room does,
// with nothing of Quanzi's (no cookie check, no database, no Remix). Started by
// tests/bench/live.ts as a child process; reports its port over IPC once listening.
import { createServer } from 'node:http'
import { Server } from 'socket.io'
import type { ChatMessage } from '#app/domain/live/views.ts'
import { LIKE_TICK_MS } from '#app/domain/live/views.ts'
import type { ClientToServerEvents, ServerToClientEvents } from '#app/realtime/events.ts'

/** Quanzi's contract for what the benchmark's clients send; joining answers with the room id only (no snapshot to build). */
type EchoEvents = Pick<ClientToServerEvents, 'chat:send' | 'like:burst' | 'live:beat'> & {
	'live:join': (payload: { roomId: string }, ack: (reply: { data: { roomId: string } }) => void) => void
}

const httpServer = createServer()
// The options Quanzi's socket server sets that change what a packet costs.
const io = new Server<EchoEvents, ServerToClientEvents>(httpServer, { serveClient: false, maxHttpBufferSize: 64 * 1024 })
const likes = new Map<string, { total: number; pending: number }>()
let lastId = 0

io.on('connection', (socket) => {
	socket.on('live:join', ({ roomId }, ack) => {
		void socket.join(`live:${roomId}`)
		ack({ data: { roomId } })
	})
	socket.on('live:beat', () => {})
	// The same order as Quanzi's handler: broadcast to the room, then answer the sender.
	socket.on('chat:send', ({ roomId, body }, ack) => {
		const message: ChatMessage = { id: ++lastId, roomId, userId: socket.id, author: 'Viewer', badge: null, body, createdAt: new Date().toISOString() }
		io.to(`live:${roomId}`).emit('chat:message', message)
		ack({ data: message })
	})
	socket.on('like:burst', ({ roomId, count }) => {
		const room = likes.get(roomId) ?? { total: 0, pending: 0 }
		room.pending += count
		likes.set(roomId, room)
	})
})

// Totals on the same tick as Quanzi's LiveHub, only when taps came in.
const tick = setInterval(() => {
	for (const [roomId, room] of likes) {
		if (room.pending === 0) continue
		room.total += room.pending
		room.pending = 0
		io.to(`live:${roomId}`).emit('like:totals', { roomId, total: room.total, products: {} })
	}
}, LIKE_TICK_MS)

httpServer.listen(0, '127.0.0.1', () => {
	const address = httpServer.address()
	process.send?.({ port: typeof address === 'object' && address ? address.port : 0 })
})
// The benchmark closing the IPC channel (or dying) ends this process.
process.on('disconnect', () => {
	clearInterval(tick)
	void io.close()
	process.exit(0)
})
