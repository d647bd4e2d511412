import { z } from 'zod'

// Shared by the console form (client) and the coupon domain (server): no server imports here.

export const COUPON_KINDS = ['amount', 'percent'] as const
export type CouponKind = (typeof COUPON_KINDS)[number]
/** none: issued by hand, to a segment, as a prize or for a tier; birthday / winback: by the daily job. */
export const COUPON_AUTOS = ['none', 'birthday', 'winback'] as const
export type CouponAuto = (typeof COUPON_AUTOS)[number]
export const COUPON_SOURCES = ['manual', 'segment', 'prize', 'birthday', 'winback', 'tier'] as const
export type CouponSource = (typeof COUPON_SOURCES)[number]

/** QZ- and 8 characters of Crockford base32 (no I, L, O, U): easy to read out at a till. */
export const COUPON_CODE_PATTERN = /^QZ-[0-9A-HJKMNP-TV-Z]{8}$/
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

// The same bounds as the CHECK constraint on CouponTemplate (migration 20261123170833).
export const MAX_PERCENT_OFF = 90
export const VALID_DAYS = { min: 1, max: 3650 } as const
/** ¥100,000: a coupon worth more than that is a typo, not a promotion. */
const MAX_YUAN = 100_000

/** "12", "12.5", "12.50" → 1250 cents; anything else → NaN (refused by the schema). */
function yuanToCents(value: unknown): unknown {
	if (value === '' || value === undefined || value === null) return undefined
	const text = String(value).trim().replace(',', '.')
	if (!/^-?\d+(\.\d{1,2})?$/.test(text)) return Number.NaN
	return Math.round(Number(text) * 100)
}

const whole = (value: unknown) => (value === '' || value === undefined || value === null ? undefined : Number(String(value).trim()))

/** The template form: value in yuan (amount) or percent (percent); min spend in yuan. */
export const CouponTemplateSchema = z
	.object({
		id: z.string().trim().optional().transform((v) => v || undefined),
		name: z.string({ required_error: 'coupons.error.name' }).trim().min(1, 'coupons.error.name').max(40, 'coupons.error.name'),
		kind: z.enum(COUPON_KINDS, { errorMap: () => ({ message: 'coupons.error.kind' }) }),
		value: z.string({ required_error: 'coupons.error.valueRequired' }).trim().min(1, 'coupons.error.valueRequired'),
		minSpend: z.preprocess(yuanToCents, z.number({ invalid_type_error: 'coupons.error.minSpend' }).int('coupons.error.minSpend').min(0, 'coupons.error.minSpend').max(MAX_YUAN * 100, 'coupons.error.minSpend').default(0)),
		validDays: z.preprocess(
			whole,
			z.number({ required_error: 'coupons.error.validDays', invalid_type_error: 'coupons.error.validDays' }).int('coupons.error.validDays').min(VALID_DAYS.min, 'coupons.error.validDays').max(VALID_DAYS.max, 'coupons.error.validDays'),
		),
		auto: z.enum(COUPON_AUTOS, { errorMap: () => ({ message: 'coupons.error.auto' }) }).default('none'),
		// A checkbox: present ("on") when ticked.
		active: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
	})
	// A refinement (not a transform) so the value's message shows beside the other fields' messages.
	.superRefine((input, ctx) => {
		if (input.kind === 'amount') {
			const cents = yuanToCents(input.value)
			if (typeof cents !== 'number' || !Number.isInteger(cents) || cents <= 0 || cents > MAX_YUAN * 100) ctx.addIssue({ code: 'custom', path: ['value'], message: 'coupons.error.amount' })
		} else if (!/^\d+$/.test(input.value) || Number(input.value) < 1 || Number(input.value) > MAX_PERCENT_OFF) {
			ctx.addIssue({ code: 'custom', path: ['value'], message: 'coupons.error.percent' })
		}
	})
	// The stored value means cents for an amount and whole percent for a percentage.
	.transform((input) => ({ ...input, value: input.kind === 'amount' ? (yuanToCents(input.value) as number) : Number(input.value) }))

export type CouponTemplateInput = z.output<typeof CouponTemplateSchema>

/** The member's-eye view of a coupon (serializable: dates as ISO strings). */
export type CouponView = {
	id: string
	code: string
	name: string
	kind: CouponKind
	value: number
	minSpendCents: number
	expiresAt: string
	redeemedAt: string | null
	state: 'usable' | 'used' | 'expired'
}

/** Automatic settings: days without an order before "we miss you", days before expiry to remind. */
export const WINBACK_DAYS = { min: 7, max: 730, default: 90 } as const
export const REMINDER_DAYS = { min: 1, max: 30, default: 3 } as const

export const AutoSettingsSchema = z.object({
	winbackDays: z.preprocess(whole, z.number({ invalid_type_error: 'coupons.error.winbackDays', required_error: 'coupons.error.winbackDays' }).int('coupons.error.winbackDays').min(WINBACK_DAYS.min, 'coupons.error.winbackDays').max(WINBACK_DAYS.max, 'coupons.error.winbackDays')),
	reminderDays: z.preprocess(whole, z.number({ invalid_type_error: 'coupons.error.reminderDays', required_error: 'coupons.error.reminderDays' }).int('coupons.error.reminderDays').min(REMINDER_DAYS.min, 'coupons.error.reminderDays').max(REMINDER_DAYS.max, 'coupons.error.reminderDays')),
})
export type AutoSettings = z.output<typeof AutoSettingsSchema>
