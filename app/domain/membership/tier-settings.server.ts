import { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'

const KEY = 'membership.tiers'

/**
 * The period spend is counted over (rolling, in days) and the grace a member keeps a tier
 * after their spend falls below it. A year and a month: what the loyalty programmes the
 * research notes describe most often use (rolling twelve months, a grace before demotion).
 */
export type TierSettings = { periodDays: number; graceDays: number }
export const DEFAULT_TIER_SETTINGS: TierSettings = { periodDays: 365, graceDays: 30 }
export const TIER_PERIOD_DAYS = { min: 30, max: 730 } as const
export const TIER_GRACE_DAYS = { min: 0, max: 180 } as const

const StoredSchema = z.object({
	periodDays: z.number().int().min(TIER_PERIOD_DAYS.min).max(TIER_PERIOD_DAYS.max),
	graceDays: z.number().int().min(TIER_GRACE_DAYS.min).max(TIER_GRACE_DAYS.max),
})

export async function getTierSettings(): Promise<TierSettings> {
	const row = await prisma.setting.findUnique({ where: { key: KEY }, select: { value: true } })
	if (!row) return DEFAULT_TIER_SETTINGS
	let stored: unknown
	try {
		stored = JSON.parse(row.value)
	} catch {
		return DEFAULT_TIER_SETTINGS
	}
	const parsed = StoredSchema.safeParse(stored)
	// A hand-edited row out of bounds counts at the defaults, never at its own terms.
	return parsed.success ? parsed.data : DEFAULT_TIER_SETTINGS
}

/** Saves the period and grace; false (nothing saved) when either is out of bounds. */
export async function saveTierSettings(input: TierSettings): Promise<boolean> {
	const parsed = StoredSchema.safeParse(input)
	if (!parsed.success) return false
	const value = JSON.stringify(parsed.data)
	await prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value }, select: { key: true } })
	return true
}
