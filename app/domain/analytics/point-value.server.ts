import { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'

const KEY = 'analytics.pointValue'

/** What 100 points cost the merchant, in cents: ¥1 per 100 points unless the merchant says otherwise. */
export const DEFAULT_CENTS_PER_100_POINTS = 100

/** The form's field: yuan per 100 points, 0 to 1,000, at most two decimals. */
export const PointValueSchema = z.object({
	yuanPer100: z
		.string({ required_error: 'analytics.error.pointValue' })
		.trim()
		.regex(/^\d{1,4}(\.\d{1,2})?$/, 'analytics.error.pointValue')
		.transform((v) => Math.round(Number(v) * 100))
		.refine((cents) => cents <= 100_000, 'analytics.error.pointValue'),
})

export async function getCentsPer100Points(): Promise<number> {
	const row = await prisma.setting.findUnique({ where: { key: KEY }, select: { value: true } })
	const stored = Number(row?.value)
	// A hand-edited row that is not a whole, non-negative number counts at the default.
	return row && Number.isInteger(stored) && stored >= 0 ? stored : DEFAULT_CENTS_PER_100_POINTS
}

export async function saveCentsPer100Points(cents: number): Promise<void> {
	const value = String(cents)
	await prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value }, select: { key: true } })
}
