import { randomBytes } from 'node:crypto'

let lastMs = 0
let counter = 0

/**
 * An id made before the row is written, so a notification and its email go into one batch
 * already linked. Shaped like Prisma's cuid() (a "c", the time in base 36, a counter), so ids
 * sort by creation: the centre breaks ties between notifications of the same millisecond by id.
 */
export function newNotificationId(now = Date.now()): string {
	if (now === lastMs) counter++
	else {
		lastMs = now
		counter = 0
	}
	return `c${now.toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`
}
