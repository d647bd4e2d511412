import { useEffect, useRef, useState } from 'react'
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, NotificationPush, ServerToClientEvents } from './events.ts'

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

let shared: ClientSocket | undefined
let users = 0
/** The tab's one connection (over WebSocket first; the session cookie goes with it), held until the last user lets go. */
export function acquireSocket(): ClientSocket {
	shared ??= io({ transports: ['websocket', 'polling'], withCredentials: true, autoConnect: false })
	users++
	if (shared.disconnected) shared.connect()
	return shared
}
export function releaseSocket(): void {
	users = Math.max(0, users - 1)
	if (users === 0) shared?.disconnect()
}

/**
 * Listens to a public room (`public:<name>`) while the component is mounted: joins it now and
 * again after every reconnect, and calls `onEvent` for each push of `event`. `onJoined` runs
 * after each successful join: pushes sent between the page's render and the join (or while
 * the connection was down) never arrive, so a page that must not miss one reads its data again.
 */
export function usePublicRoom<E extends keyof ServerToClientEvents>(room: string, event: E, onEvent: ServerToClientEvents[E], onJoined?: () => void): void {
	const latest = useRef({ onEvent, onJoined })
	latest.current = { onEvent, onJoined }
	useEffect(() => {
		const socket = acquireSocket()
		const join = () => socket.emit('room:join', { room }, (reply) => void ('data' in reply && latest.current.onJoined?.()))
		const handler = ((...args: unknown[]) => (latest.current.onEvent as (...a: unknown[]) => void)(...args)) as ServerToClientEvents[E]
		socket.on('connect', join)
		socket.on(event, handler as never)
		if (socket.connected) join()
		return () => {
			socket.off('connect', join)
			socket.off(event, handler as never)
			socket.emit('room:leave', { room }, () => {})
			releaseSocket()
		}
	}, [room, event])
}

/**
 * Live notifications for the signed-in member: calls onNotification for each push,
 * and onSessionEnded when this session is logged out elsewhere. Returns whether the
 * live connection is up.
 */
export function useMemberStream(
	userId: string | null,
	handlers: { onNotification: (n: NotificationPush) => void; onSessionEnded: () => void },
): boolean {
	const latest = useRef(handlers)
	latest.current = handlers
	const [connected, setConnected] = useState(false)
	useEffect(() => {
		if (!userId) return
		const socket = acquireSocket()
		const onNotification = (n: NotificationPush) => latest.current.onNotification(n)
		const onEnded = () => latest.current.onSessionEnded()
		const onUp = () => setConnected(true)
		const onDown = () => setConnected(false)
		socket.on('notification:new', onNotification)
		socket.on('session:ended', onEnded)
		socket.on('connect', onUp)
		socket.on('disconnect', onDown)
		if (socket.connected) onUp()
		return () => {
			socket.off('notification:new', onNotification)
			socket.off('session:ended', onEnded)
			socket.off('connect', onUp)
			socket.off('disconnect', onDown)
			releaseSocket()
			setConnected(false)
		}
	}, [userId])
	return connected
}
