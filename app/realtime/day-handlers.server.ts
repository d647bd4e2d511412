import type { Socket } from 'socket.io'
import { z } from 'zod'
import { memberDayFor } from '#app/domain/member-days/days.server.ts'
import { dayRoom } from '#app/domain/member-days/views.ts'
import { logError } from '#app/lib/log.server.ts'
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from './events.ts'

type DaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

const DayPayload = z.object({ dayId: z.string().min(1).max(64) })

/**
 * A member day's ticker: a socket joins `day:<id>` only when the day exists for its member, by
 * the same rule as the page (memberDayFor), so a surprise day's wins never reach anyone else.
 */
export function registerDayHandlers(socket: DaySocket): void {
	socket.on('day:join', async (payload, ack) => {
		if (typeof ack !== 'function') return
		const parsed = DayPayload.safeParse(payload)
		const { userId, role } = socket.data
		if (!parsed.success || !userId || !role) return ack({ error: 'days.error.notFound' })
		try {
			const day = await memberDayFor({ id: userId, role }, parsed.data.dayId)
			if (!day) return ack({ error: 'days.error.notFound' })
			await socket.join(dayRoom(day.id))
			ack({ data: { dayId: day.id } })
		} catch (error) {
			logError('socket:day-join', error, { dayId: parsed.data.dayId })
			ack({ error: 'days.error.busy' })
		}
	})
	socket.on('day:leave', (payload) => {
		const parsed = DayPayload.safeParse(payload)
		if (parsed.success) void socket.leave(dayRoom(parsed.data.dayId))
	})
}
