import { z } from 'zod'

// Client-importable (no server imports): the console's rules form shows the same choices
// and limits the server enforces, and the same evaluation backs the preview and the filter.

export const CHILD_BANDS = ['0-3', '3-6', '6-12'] as const
export type ChildBand = (typeof CHILD_BANDS)[number]

export const MAX_TAG = 30
export const MAX_SEGMENT_NAME = 40
export const MAX_LIST = 20
export const MAX_REGION = 60
/** Ten years: beyond it "ordered within" and "no order for" mean nothing a shop can act on. */
export const MAX_DAYS = 3650
/** ¥10,000,000: far above any member's yearly spend, low enough to stay exact in cents. */
export const MAX_SPEND_YUAN = 10_000_000

/** Tag text as stored and compared: trimmed, lower-cased. Commas would split it in the rules form, so none. */
export const TagSchema = z
	.string({ required_error: 'tags.error.required' })
	.trim()
	.toLowerCase()
	.min(1, 'tags.error.required')
	.max(MAX_TAG, 'tags.error.tooLong')
	.regex(/^[^,，;；]+$/, 'tags.error.comma')

const list = <T extends z.ZodTypeAny>(item: T, tooMany: string) =>
	z
		.array(item)
		.max(MAX_LIST, tooMany)
		.optional()
		// An empty list is no rule at all, not "matches nothing".
		.transform((v) => (v && v.length ? [...new Set(v)] : undefined))

const whole = (min: number, max: number, message: string) =>
	z.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message).optional()

const yuan = z
	.number({ invalid_type_error: 'segments.error.spend' })
	.min(0, 'segments.error.spend')
	.max(MAX_SPEND_YUAN, 'segments.error.spend')
	.refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'segments.error.spend')
	.optional()

/** A segment's rules: AND across fields, OR within a list. Stored as JSON in Segment.rules. */
export const SegmentRulesSchema = z
	.object({
		tiers: list(z.string().trim().min(1).max(40), 'segments.error.tooMany'),
		minSpendYuan: yuan,
		maxSpendYuan: yuan,
		lastOrderWithinDays: whole(1, MAX_DAYS, 'segments.error.days'),
		noOrderForDays: whole(1, MAX_DAYS, 'segments.error.days'),
		regions: list(z.string().trim().min(1).max(MAX_REGION, 'segments.error.regionTooLong'), 'segments.error.tooMany'),
		childBands: list(z.enum(CHILD_BANDS, { errorMap: () => ({ message: 'segments.error.childBand' }) }), 'segments.error.tooMany'),
		tags: list(TagSchema, 'segments.error.tooMany'),
	})
	.superRefine((v, ctx) => {
		if (Object.values(v).every((value) => value === undefined)) ctx.addIssue({ code: 'custom', path: ['form'], message: 'segments.error.noRule' })
		if (v.minSpendYuan !== undefined && v.maxSpendYuan !== undefined && v.minSpendYuan > v.maxSpendYuan) {
			ctx.addIssue({ code: 'custom', path: ['maxSpendYuan'], message: 'segments.error.spendRange' })
		}
		// "Ordered within 30 days" and "no order for 60 days" cannot both hold: a mistake, not a segment.
		if (v.lastOrderWithinDays !== undefined && v.noOrderForDays !== undefined && v.noOrderForDays >= v.lastOrderWithinDays) {
			ctx.addIssue({ code: 'custom', path: ['noOrderForDays'], message: 'segments.error.orderWindow' })
		}
	})
export type SegmentRules = z.output<typeof SegmentRulesSchema>

/** "a, b，c" → ['a', 'b', 'c'] (Chinese and Latin commas alike). */
export function splitList(raw: string): string[] {
	return raw
		.split(/[,，;；\n]+/)
		.map((s) => s.trim())
		.filter(Boolean)
}

const numberOrUndefined = (raw: FormDataEntryValue | null) => {
	if (typeof raw !== 'string' || raw.trim() === '') return undefined
	// Number('abc') is NaN, which the schema refuses with the field's message.
	return Number(raw.trim().replace(/[¥,，]/g, ''))
}

/** The rules form's fields as the schema's input: checkboxes as lists, comma-separated text split. */
export function rulesInputFromForm(form: FormData): Record<string, unknown> {
	const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string')
	const text = (name: string) => {
		const v = form.get(name)
		return typeof v === 'string' ? v : ''
	}
	return {
		tiers: strings('tiers'),
		minSpendYuan: numberOrUndefined(form.get('minSpendYuan')),
		maxSpendYuan: numberOrUndefined(form.get('maxSpendYuan')),
		lastOrderWithinDays: numberOrUndefined(form.get('lastOrderWithinDays')),
		noOrderForDays: numberOrUndefined(form.get('noOrderForDays')),
		regions: splitList(text('regions')),
		childBands: strings('childBands'),
		tags: splitList(text('tags')),
	}
}

/**
 * A child's age band on `today`: age in whole months counted from the 1st of the birth
 * month, so a child born in March 2022 turns 36 months (3-6) on 1 March 2025. A child not
 * born yet, or 12 or older, is in no band. Nothing is stored: the band is worked out from
 * today's date every time it is asked for, which is how bands "are computed each day"
 * and move on by themselves without a job.
 */
export function childBand(birthYear: number, birthMonth: number, today: Date): ChildBand | null {
	const months = (today.getUTCFullYear() - birthYear) * 12 + (today.getUTCMonth() + 1 - birthMonth)
	if (months < 0) return null
	if (months < 36) return '0-3'
	if (months < 72) return '3-6'
	if (months < 144) return '6-12'
	return null
}

/** What the rules look at for one member (app/domain/segments/facts.server.ts gathers it). */
export type MemberFacts = {
	tierId: string | null
	spendCents: number
	lastOrderAt: Date | null
	region: string | null
	childBands: ChildBand[]
	tags: string[]
}

const DAY = 86_400_000

/** Whether a member's facts meet every rule (and one entry of each list). */
export function matchesRules(rules: SegmentRules, facts: MemberFacts, now: Date): boolean {
	if (rules.tiers && !(facts.tierId && rules.tiers.includes(facts.tierId))) return false
	if (rules.minSpendYuan !== undefined && facts.spendCents < Math.round(rules.minSpendYuan * 100)) return false
	if (rules.maxSpendYuan !== undefined && facts.spendCents > Math.round(rules.maxSpendYuan * 100)) return false
	if (rules.lastOrderWithinDays !== undefined && !(facts.lastOrderAt && facts.lastOrderAt.getTime() >= now.getTime() - rules.lastOrderWithinDays * DAY)) return false
	// Lapsed buyers: ordered once, but not in the last N days. Someone who never ordered is not "lapsed".
	if (rules.noOrderForDays !== undefined && !(facts.lastOrderAt && facts.lastOrderAt.getTime() < now.getTime() - rules.noOrderForDays * DAY)) return false
	if (rules.regions) {
		// Regions are free text ("上海市浦东新区", "Shanghai"): a rule matches a region containing it.
		const region = facts.region?.toLowerCase() ?? ''
		if (!rules.regions.some((r) => region.includes(r.toLowerCase()))) return false
	}
	if (rules.childBands && !facts.childBands.some((b) => rules.childBands!.includes(b))) return false
	if (rules.tags && !facts.tags.some((t) => rules.tags!.includes(t))) return false
	return true
}

/** Stored rules read back; null for a row that no longer passes (it then matches nobody, never everybody). */
export function parseStoredRules(json: string): SegmentRules | null {
	try {
		const parsed = SegmentRulesSchema.safeParse(JSON.parse(json))
		return parsed.success ? parsed.data : null
	} catch {
		return null
	}
}
