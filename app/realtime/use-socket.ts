import { useEffect, useRef, useState } from 'react'
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, NotificationPush, ServerToClientEvents } from './events.ts'

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

let shared: ClientSocket | undefined
function getSocket(): ClientSocket {
	// One connection per tab, over WebSocket first; the session cookie goes with it.
	shared ??= io({ transports: ['websocket', 'polling'], withCredentials: true })
	return shared
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
		const socket = getSocket()
		if (socket.disconnected) socket.connect()
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
			socket.disconnect()
			setConnected(false)
		}
	}, [userId])
	return connected
}
