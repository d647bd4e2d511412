import { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'
import { WEEKLY_CAP } from './policy.ts'

const KEY = 'notifications.weeklyCap'

const capNumber = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
	z
		.number({ required_error: 'notifyConsole.error.cap', invalid_type_error: 'notifyConsole.error.cap' })
		.int('notifyConsole.error.cap')
		.min(WEEKLY_CAP.min, 'notifyConsole.error.cap')
		.max(WEEKLY_CAP.max, 'notifyConsole.error.cap'),
)

/** The console's cap form; its message is an i18n key naming the allowed range. */
export const WeeklyCapSchema = z.object({ weeklyCap: capNumber })

/** Marketing notifications a member may get in one ISO week (0 stops them all). */
export async function getWeeklyCap(): Promise<number> {
	const row = await prisma.setting.findUnique({ where: { key: KEY }, select: { value: true } })
	const parsed = capNumber.safeParse(row?.value)
	// A missing or hand-edited row out of range counts as the default, never as "no cap".
	return parsed.success ? parsed.data : WEEKLY_CAP.default
}

/** Saves the cap; false (nothing saved) when it is not a whole number from 0 to 50. */
export async function saveWeeklyCap(cap: number): Promise<boolean> {
	if (!capNumber.safeParse(cap).success) return false
	const value = String(cap)
	await prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value }, select: { key: true } })
	return true
}
