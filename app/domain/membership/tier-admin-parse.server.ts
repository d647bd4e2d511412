import { prisma } from '#app/lib/db.server.ts'
import type { FieldErrors } from '#app/lib/forms.ts'
import { TIER_GRACE_DAYS, TIER_PERIOD_DAYS } from './tier-settings.server.ts'

// The ladder form's rules, each reported next to its field (`tier2.threshold`, `graceDays`, …).

type Text = string | number | null | undefined
export type LadderInput = {
	tiers: { name?: Text; threshold?: Text; multiplier?: Text; couponTemplateId?: Text }[]
	periodDays: Text
	graceDays: Text
}
export type LadderTier = { name: string; minSpendCents: number; pointsMultiplierPct: number; couponTemplateId: string | null }
type Parsed = { ok: true; tiers: LadderTier[]; periodDays: number; graceDays: number } | { ok: false; fieldErrors: FieldErrors; formError?: 'tiers.error.count' }

export const MAX_TIERS = 6
const MIN_TIERS = 2
const MAX_NAME = 20
/** ¥10,000,000: far above any shop's top tier, and within a 32-bit integer in cents. */
const MAX_THRESHOLD_CENTS = 1_000_000_000

const text = (value: Text) => (value === null || value === undefined ? '' : String(value).trim())

/** "2000", "2,000.50" → cents; null when it is not an amount of yuan with at most 2 decimals. */
function yuanCents(value: string): number | null {
	const plain = value.replaceAll(',', '').replace(/^¥/, '')
	if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null
	return Math.round(Number(plain) * 100)
}

/** "1.5", "×1.5", "1.5x" → 150; null unless between ×1 and ×10 in steps of 0.1. */
function multiplierPct(value: string): number | null {
	const plain = value.replace(/^[×x]/i, '').replace(/[×x]$/i, '')
	if (!/^\d+(\.\d)?0*$/.test(plain)) return null
	const pct = Math.round(Number(plain) * 100)
	return pct >= 100 && pct <= 1000 ? pct : null
}

function days(value: Text, bounds: { min: number; max: number }): number | null {
	const n = Number(text(value))
	return text(value) !== '' && Number.isInteger(n) && n >= bounds.min && n <= bounds.max ? n : null
}

/** The ladder form as LadderInput: rows tier0 … tier5, blank rows left out later. */
export function ladderFormInput(form: FormData): LadderInput {
	const field = (name: string) => {
		const value = form.get(name)
		return typeof value === 'string' ? value : ''
	}
	return {
		tiers: Array.from({ length: MAX_TIERS }, (_, i) => ({ name: field(`tier${i}.name`), threshold: field(`tier${i}.threshold`), multiplier: field(`tier${i}.multiplier`), couponTemplateId: field(`tier${i}.couponTemplateId`) })),
		periodDays: field('periodDays'),
		graceDays: field('graceDays'),
	}
}

export async function parseLadder(input: LadderInput): Promise<Parsed> {
	const errors: FieldErrors = {}
	// A row with nothing typed in it is not a tier (the form always shows six rows).
	const rows = input.tiers
		.map((row, index) => ({ index, name: text(row.name), threshold: text(row.threshold), multiplier: text(row.multiplier), couponTemplateId: text(row.couponTemplateId) || null }))
		.filter((row) => row.name || row.threshold || row.multiplier || row.couponTemplateId)
	const tiers: LadderTier[] = []
	const names = new Set<string>()
	// The last valid threshold and multiplier above: a bad number is compared no further, so
	// one mistake gives one message, not one per row after it.
	let lastThreshold: number | null = null
	let lastMultiplier: number | null = null
	rows.forEach((row, i) => {
		const at = (field: string) => `tier${row.index}.${field}`
		if (!row.name || row.name.length > MAX_NAME) errors[at('name')] = 'tiers.error.name'
		else if (names.has(row.name.toLowerCase())) errors[at('name')] = 'tiers.error.nameTaken'
		names.add(row.name.toLowerCase())
		const minSpendCents = yuanCents(row.threshold)
		if (minSpendCents === null || minSpendCents > MAX_THRESHOLD_CENTS) errors[at('threshold')] = 'tiers.error.threshold'
		else if (i === 0 && minSpendCents !== 0) errors[at('threshold')] = 'tiers.error.firstThreshold'
		else if (lastThreshold !== null && minSpendCents <= lastThreshold) errors[at('threshold')] = 'tiers.error.thresholdOrder'
		const pct = multiplierPct(row.multiplier)
		if (pct === null) errors[at('multiplier')] = 'tiers.error.multiplier'
		else if (lastMultiplier !== null && pct < lastMultiplier) errors[at('multiplier')] = 'tiers.error.multiplierOrder'
		tiers.push({ name: row.name, minSpendCents: minSpendCents ?? 0, pointsMultiplierPct: pct ?? 100, couponTemplateId: row.couponTemplateId })
		if (minSpendCents !== null) lastThreshold = minSpendCents
		if (pct !== null) lastMultiplier = pct
	})
	const templateIds = [...new Set(rows.flatMap((r) => (r.couponTemplateId ? [r.couponTemplateId] : [])))]
	if (templateIds.length > 0) {
		const found = new Set((await prisma.couponTemplate.findMany({ where: { id: { in: templateIds } }, select: { id: true } })).map((t) => t.id))
		for (const row of rows) if (row.couponTemplateId && !found.has(row.couponTemplateId)) errors[`tier${row.index}.couponTemplateId`] = 'tiers.error.couponTemplate'
	}
	const periodDays = days(input.periodDays, TIER_PERIOD_DAYS)
	if (periodDays === null) errors.periodDays = 'tiers.error.period'
	const graceDays = days(input.graceDays, TIER_GRACE_DAYS)
	if (graceDays === null) errors.graceDays = 'tiers.error.grace'
	const formError = rows.length < MIN_TIERS || rows.length > MAX_TIERS ? ('tiers.error.count' as const) : undefined
	if (formError || Object.keys(errors).length > 0 || periodDays === null || graceDays === null) return { ok: false, fieldErrors: errors, formError }
	return { ok: true, tiers, periodDays, graceDays }
}
