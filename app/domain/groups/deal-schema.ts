import { z } from 'zod'
import { parseStartTime } from '#app/domain/live/room-schema.ts'

// Client-importable: the deal form shows the limits the server enforces.

/** Fewer than two is not a group; above 10,000 one unlock batch (intents for every join) grows too large. */
export const DEAL_TARGET = [2, 10_000] as const
export const DEAL_CAP_MAX = 10_000
/** An hour gives people time to hear of it; past a month a group price is forgotten. */
export const DEAL_MIN_LEAD_MS = 60 * 60_000
export const DEAL_MAX_LEAD_MS = 30 * 86_400_000

/** What the form sends, before any checking. groupId comes from the page address (`?group=`). */
export type DealInput = { groupId?: string | null; productId?: string; price?: string; target?: string; cap?: string; deadline?: string }

const wholeNumber = /^\d{1,6}$/

/** Each field alone, so a check against the database can still run when another field is wrong. */
export const DEAL_FIELDS = {
	productId: z.string({ required_error: 'deals.error.product' }).trim().min(1, 'deals.error.product').max(64, 'deals.error.product'),
	price: z
		.string({ required_error: 'deals.error.price' })
		.trim()
		.regex(/^\d{1,7}(\.\d{1,2})?$/, 'deals.error.price')
		.transform((v) => Math.round(Number(v) * 100))
		.pipe(z.number().int().min(1, 'deals.error.price')),
	target: z
		.string({ required_error: 'deals.error.target' })
		.trim()
		.regex(wholeNumber, 'deals.error.target')
		.transform(Number)
		.pipe(z.number().min(DEAL_TARGET[0], 'deals.error.target').max(DEAL_TARGET[1], 'deals.error.target')),
	// Empty means "stop at the target".
	cap: z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null
			if (!wholeNumber.test(v) || Number(v) > DEAL_CAP_MAX) {
				ctx.addIssue({ code: 'custom', message: 'deals.error.cap' })
				return z.NEVER
			}
			return Number(v)
		}),
	// datetime-local has no zone; read as UTC like every console time (decision 006).
	deadline: z.string({ required_error: 'deals.error.deadline' }).transform((v, ctx) => {
		const date = parseStartTime(v)
		if (!date) ctx.addIssue({ code: 'custom', message: 'deals.error.deadline' })
		return date ?? z.NEVER
	}),
}

export const OpenDealSchema = z
	.object(DEAL_FIELDS)
	.transform((d, ctx) => {
		const cap = d.cap ?? d.target
		if (cap < d.target) ctx.addIssue({ code: 'custom', path: ['cap'], message: 'deals.error.capBelowTarget' })
		return { ...d, cap }
	})

/** A time as a datetime-local value in UTC, for the form's default. */
export const toDeadlineInput = (date: Date) => date.toISOString().slice(0, 16)
