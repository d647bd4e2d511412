import { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'
import type { FieldErrors } from '#app/lib/forms.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'

const KEY = 'commission.settings'
/** 30 %: above this a "commission" is a second price, not a thank-you. */
export const MAX_LEVEL1_BPS = 3000
export const COMMISSION_CURRENCIES = ['points', 'cash'] as const
export type CommissionCurrency = (typeof COMMISSION_CURRENCIES)[number]

/**
 * The merchant's commission terms. Two levels and no more: China's rules on multi-level
 * schemes (传销, 直销管理条例) and WeChat's platform rules forbid paying deeper than that,
 * so there is deliberately no field for a third level anywhere, stored or posted.
 */
export type CommissionSettings = { level1Bps: number; level2Bps: number; currency: CommissionCurrency; pointsPerYuan: number }

export const DEFAULT_COMMISSION_SETTINGS: CommissionSettings = { level1Bps: 1000, level2Bps: 0, currency: 'points', pointsPerYuan: 10 }

const StoredSchema = z.object({
	level1Bps: z.number().int().min(0).max(MAX_LEVEL1_BPS),
	level2Bps: z.number().int().min(0),
	currency: z.enum(COMMISSION_CURRENCIES),
	pointsPerYuan: z.number().int().min(1).max(1000),
})

export async function getCommissionSettings(): Promise<CommissionSettings> {
	const row = await prisma.setting.findUnique({ where: { key: KEY }, select: { value: true } })
	if (!row) return DEFAULT_COMMISSION_SETTINGS
	const parsed = StoredSchema.safeParse(safeJson(row.value))
	// A hand-edited row that breaks the rules pays at the defaults, never at its own terms.
	if (!parsed.success || parsed.data.level2Bps > parsed.data.level1Bps) return DEFAULT_COMMISSION_SETTINGS
	return parsed.data
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text)
	} catch {
		return null
	}
}

// Rates are typed as percentages ("10", "2.5"); a basis point (0.01 %) is the finest step.
const percent = (max: number, maxMessage: MessageKey) =>
	z.preprocess(
		(v) => (v === '' || v === undefined || v === null ? undefined : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
		z
			.number({ required_error: 'commission.error.rateRequired', invalid_type_error: 'commission.error.rateNumber' })
			.min(0, 'commission.error.rateNegative')
			.max(max, maxMessage)
			.refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'commission.error.rateDecimals')
			.transform((v) => Math.round(v * 100)),
	)

export const CommissionSettingsSchema = z
	.object({
		level1Percent: percent(MAX_LEVEL1_BPS / 100, 'commission.error.level1Max'),
		level2Percent: percent(MAX_LEVEL1_BPS / 100, 'commission.error.level2AboveLevel1'),
		currency: z.enum(COMMISSION_CURRENCIES, { errorMap: () => ({ message: 'commission.error.currency' }) }),
		pointsPerYuan: z.preprocess(
			(v) => (v === '' || v === undefined || v === null ? undefined : Number(v)),
			z.number({ invalid_type_error: 'commission.error.pointsPerYuan' }).int('commission.error.pointsPerYuan').min(1, 'commission.error.pointsPerYuan').max(1000, 'commission.error.pointsPerYuan').optional(),
		),
	})
	.superRefine((v, ctx) => {
		if (v.level2Percent > v.level1Percent) ctx.addIssue({ code: 'custom', path: ['level2Percent'], message: 'commission.error.level2AboveLevel1' })
		if (v.currency === 'points' && v.pointsPerYuan === undefined) ctx.addIssue({ code: 'custom', path: ['pointsPerYuan'], message: 'commission.error.pointsPerYuan' })
	})

/** A third level in any shape a request may carry it: `level3Bps`, `level3Percent`, `levels=3`, … */
function asksForDeeperLevels(input: Record<string, unknown>): boolean {
	return Object.entries(input).some(([key, value]) => {
		const level = /^level(\d+)/i.exec(key)
		if (level && Number(level[1]) > 2) return true
		return key.toLowerCase() === 'levels' && Number(value) > 2
	})
}

export type SaveCommissionSettingsResult = { ok: true; settings: CommissionSettings } | { ok: false; fieldErrors: FieldErrors; formError?: MessageKey }

/**
 * Saves the merchant's terms, as posted by the console form (rates in percent). Refused,
 * with nothing saved: a negative or too-high rate, a level-2 rate above level 1, and any
 * third level, whose message names the rule that forbids it.
 */
export async function saveCommissionSettings(input: Record<string, unknown>): Promise<SaveCommissionSettingsResult> {
	if (asksForDeeperLevels(input)) return { ok: false, fieldErrors: {}, formError: 'commission.error.threeLevels' }
	const parsed = CommissionSettingsSchema.safeParse(input)
	if (!parsed.success) {
		const fieldErrors: FieldErrors = {}
		for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message as MessageKey
		return { ok: false, fieldErrors }
	}
	const current = await getCommissionSettings()
	const settings: CommissionSettings = {
		level1Bps: parsed.data.level1Percent,
		level2Bps: parsed.data.level2Percent,
		currency: parsed.data.currency,
		// Kept while paying cash, so switching back to points restores the merchant's number.
		pointsPerYuan: parsed.data.pointsPerYuan ?? current.pointsPerYuan,
	}
	const value = JSON.stringify(settings)
	await prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value }, select: { key: true } })
	return { ok: true, settings }
}
