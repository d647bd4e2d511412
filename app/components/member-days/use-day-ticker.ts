import { useEffect, useRef, useState } from 'react'
import type { DayWin } from '#app/domain/member-days/views.ts'
import { acquireSocket, releaseSocket } from '#app/realtime/use-socket.ts'

const SHOWN = 10

/**
 * The day's notable wins: the page's list, then each win pushed to the day's room as it
 * happens (newest first). The room is joined again after every reconnect.
 */
export function useDayTicker(dayId: string, initial: DayWin[]): DayWin[] {
	const [pushed, setPushed] = useState<DayWin[]>([])
	const latestInitial = useRef(initial)
	latestInitial.current = initial
	// Fresh page data (after an opening) already holds what was pushed before it.
	useEffect(() => setPushed([]), [initial])
	useEffect(() => {
		const socket = acquireSocket()
		const join = () => socket.emit('day:join', { dayId }, () => {})
		const onWin = ({ dayId: from, win }: { dayId: string; win: DayWin }) => {
			if (from !== dayId) return
			setPushed((list) => (list.some((w) => w.id === win.id) || latestInitial.current.some((w) => w.id === win.id) ? list : [win, ...list].slice(0, SHOWN)))
		}
		socket.on('connect', join)
		socket.on('day:win', onWin)
		if (socket.connected) join()
		return () => {
			socket.off('connect', join)
			socket.off('day:win', onWin)
			socket.emit('day:leave', { dayId })
			releaseSocket()
		}
	}, [dayId])
	return [...pushed, ...initial].slice(0, SHOWN)
}
