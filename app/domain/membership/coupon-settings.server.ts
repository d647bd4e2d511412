import { prisma } from '#app/lib/db.server.ts'
import { parseForm, type FormFailure } from '#app/lib/forms.ts'
import { AutoSettingsSchema, REMINDER_DAYS, WINBACK_DAYS, type AutoSettings } from './coupon-schema.ts'

// The automatic coupons' two numbers, one Setting row each, read by the daily job.
const WINBACK_KEY = 'membership.winbackDays'
const REMINDER_KEY = 'membership.reminderDays'

function within(value: string | undefined, bounds: { min: number; max: number; default: number }): number {
	const n = Number(value)
	// A hand-edited row out of bounds counts at the default, never at its own terms.
	return Number.isInteger(n) && n >= bounds.min && n <= bounds.max ? n : bounds.default
}

export async function getAutoSettings(): Promise<AutoSettings> {
	const rows = await prisma.setting.findMany({ where: { key: { in: [WINBACK_KEY, REMINDER_KEY] } }, select: { key: true, value: true } })
	const byKey = new Map(rows.map((r) => [r.key, r.value]))
	return { winbackDays: within(byKey.get(WINBACK_KEY), WINBACK_DAYS), reminderDays: within(byKey.get(REMINDER_KEY), REMINDER_DAYS) }
}

/** Saves both numbers from the console form, in one batch; out of bounds → refused, nothing saved. */
export async function saveAutoSettings(form: FormData): Promise<{ ok: true } | FormFailure> {
	const parsed = parseForm(AutoSettingsSchema, form)
	if (!parsed.ok) return parsed
	const upsert = (key: string, value: number) => prisma.setting.upsert({ where: { key }, create: { key, value: String(value) }, update: { value: String(value) }, select: { key: true } })
	await prisma.$transaction([upsert(WINBACK_KEY, parsed.data.winbackDays), upsert(REMINDER_KEY, parsed.data.reminderDays)])
	return { ok: true }
}
