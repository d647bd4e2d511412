import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { z } from 'zod'
import { authenticate } from '#app/domain/accounts/auth.server.ts'
import { sessionKey } from '#app/domain/accounts/session-store.server.ts'
import { countUnread, getNotification } from '#app/domain/notifications/notifications.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { closeRedis } from '#app/lib/redis.server.ts'
import { isSameOrigin } from '#app/lib/origin.server.ts'
import { readDeviceId } from '#app/server/middleware.server.ts'
import type { DealProgressPush } from '#app/domain/groups/views.ts'
import type { RoomState } from '#app/domain/live/views.ts'
import { joinCluster } from './cluster.server.ts'
import { registerDayHandlers } from './day-handlers.server.ts'
import { dayRoom, type DayWinPush } from '#app/domain/member-days/views.ts'
import { LiveHub, liveChannel } from './live-hub.server.ts'
import { registerLiveHandlers } from './live-handlers.server.ts'
import { dealRoom, PUBLIC_ROOM, VOTE_ROOM, type ClientToServerEvents, type InterServerEvents, type ServerToClientEvents, type SocketData, type VoteCountPush } from './events.ts'

export type QuanziServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

const RoomSchema = z.object({ room: z.string().regex(PUBLIC_ROOM) })

/**
 * Socket.IO on the HTTP server: the handshake must come from our own origin and
 * carries the same session cookie as HTTP; a signed-in socket joins `user:<id>`
 * and `session:<key>`, so notifications reach the member and logout reaches the tab.
 * With several app processes, the cluster's adapter carries every broadcast to all of them
 * (app/realtime/cluster.server.ts).
 */
export function createSocketServer(httpServer: HttpServer, publicUrl: string, options: { liveWatchMs: number }): QuanziServer {
	const cluster = joinCluster()
	const io: QuanziServer = new Server(httpServer, {
		...(cluster.adapter ? { adapter: cluster.adapter } : {}),
		serveClient: false,
		maxHttpBufferSize: 64 * 1024,
		allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers, publicUrl)),
	})

	io.use(async (socket, next) => {
		try {
			const { user, token } = await authenticate(socket.handshake.headers.cookie)
			socket.data = {
				userId: user?.id ?? null,
				displayName: user?.displayName ?? null,
				role: user?.role ?? null,
				sessionKey: token ? sessionKey(token) : null,
				deviceId: readDeviceId(socket.handshake.headers.cookie),
			}
			next()
		} catch (error) {
			logError('socket:auth', error)
			next(new Error('unavailable'))
		}
	})

	const hub = new LiveHub(io, cluster.counters, { watchMs: options.liveWatchMs, clustered: cluster.clustered })
	hub.start()

	io.on('connection', (socket) => {
		const { userId, sessionKey: key } = socket.data
		if (userId && key) void socket.join([`user:${userId}`, `session:${key}`])
		registerLiveHandlers(io, hub, socket)
		registerDayHandlers(socket)

		socket.on('whoami', (ack) => {
			if (typeof ack === 'function') ack({ data: { userId: socket.data.userId, role: socket.data.role } })
		})
		socket.on('room:join', (payload, ack) => {
			if (typeof ack !== 'function') return
			const parsed = RoomSchema.safeParse(payload)
			if (!parsed.success) return ack({ error: 'room not open to you' })
			void socket.join(parsed.data.room)
			ack({ data: { room: parsed.data.room } })
		})
		socket.on('room:leave', (payload, ack) => {
			if (typeof ack !== 'function') return
			const parsed = RoomSchema.safeParse(payload)
			if (!parsed.success) return ack({ error: 'not a room you can leave' })
			void socket.leave(parsed.data.room)
			ack({ data: { room: parsed.data.room } })
		})
	})

	const onNotification = async ({ userId, notificationId }: { userId: string; notificationId: string }) => {
		try {
			const [notification, unread] = await Promise.all([getNotification(userId, notificationId), countUnread(userId)])
			if (notification) io.to(`user:${userId}`).emit('notification:new', { ...notification, unread })
		} catch (error) {
			logError('socket:notification', error, { userId })
		}
	}
	// NOTE: each process ends its own sockets, in order: through the adapter, the emit and the
	// disconnect are two publishes that may complete in either order (the Postgres adapter sends
	// each on its own pool connection), and a tab closed first never hears why.
	const endLocalSessions = (sessionIds: string[]) => {
		const rooms = sessionIds.map((id) => `session:${id}`)
		io.local.to(rooms).emit('session:ended')
		io.local.in(rooms).disconnectSockets(true)
	}
	if (cluster.clustered) io.on('session:ended', endLocalSessions)
	const onSessionEnded = ({ sessionIds }: { sessionIds: string[] }) => {
		endLocalSessions(sessionIds)
		if (cluster.clustered) io.serverSideEmit('session:ended', sessionIds)
	}
	const onVoteCounted = (count: VoteCountPush) => io.to(VOTE_ROOM).emit('vote:count', count)
	const onLiveState = (state: RoomState) => {
		hub.setStatus(state.roomId, state.status)
		io.to(liveChannel(state.roomId)).emit('live:state', state)
	}
	domainEvents.on('notification:created', onNotification)
	domainEvents.on('session:ended', onSessionEnded)
	domainEvents.on('vote:counted', onVoteCounted)
	domainEvents.on('live:state', onLiveState)
	const onDealProgress = (progress: DealProgressPush) => io.to(dealRoom(progress.dealId)).emit('deal:progress', progress)
	domainEvents.on('deal:progress', onDealProgress)
	const onDayWin = (push: DayWinPush) => io.to(dayRoom(push.dayId)).emit('day:win', push)
	domainEvents.on('day:win', onDayWin)
	httpServer.on('close', () => {
		// io.close() closed the adapter and then the HTTP server; what the cluster holds goes last.
		void hub
			.stop()
			.then(() => Promise.all([cluster.close(), closeRedis()]))
			.catch((error) => logError('socket:close', error))
		domainEvents.off('live:state', onLiveState)
		domainEvents.off('deal:progress', onDealProgress)
		domainEvents.off('day:win', onDayWin)
		domainEvents.off('notification:created', onNotification)
		domainEvents.off('session:ended', onSessionEnded)
		domainEvents.off('vote:counted', onVoteCounted)
	})
	return io
}
