import { prisma } from '#app/lib/db.server.ts'
import { CAP_PERIODS, FORBIDDEN_TRIGGERS, isTrigger, TRIGGERS, type CapPeriod, type Trigger } from './triggers.ts'

export type Rule = { trigger: Trigger; points: number; capCount: number | null; capPeriod: CapPeriod | null; enabled: boolean }
export type RuleRefusal = { ok: false; error: 'points.unknownRule' | 'points.forbidden.rating' | 'points.forbidden.share' | 'points.badRule' }

const DEFAULT_VALIDITY_MONTHS = 12
const MAX_POINTS_PER_AWARD = 100_000

function toRule(trigger: Trigger, row?: { points: number; capCount: number | null; capPeriod: string | null; enabled: boolean } | null): Rule {
	const base = TRIGGERS[trigger]
	if (!row) return { trigger, points: base.points, capCount: base.capCount, capPeriod: base.capPeriod, enabled: true }
	return { trigger, points: row.points, capCount: row.capCount, capPeriod: row.capPeriod as CapPeriod | null, enabled: row.enabled }
}

/** The rule for a trigger: the merchant's setting, or the default. */
export async function getRule(trigger: Trigger): Promise<Rule> {
	const row = await prisma.pointsRule.findUnique({ where: { trigger }, select: { points: true, capCount: true, capPeriod: true, enabled: true } })
	return toRule(trigger, row)
}

export async function listRules(): Promise<Rule[]> {
	const rows = await prisma.pointsRule.findMany({ select: { trigger: true, points: true, capCount: true, capPeriod: true, enabled: true } })
	const byTrigger = new Map(rows.map((r) => [r.trigger, r]))
	return (Object.keys(TRIGGERS) as Trigger[]).map((t) => toRule(t, byTrigger.get(t)))
}

/**
 * Saves the merchant's rule. Rules that pay for a rating or for sharing itself are
 * refused with the reason; so are unknown triggers and nonsense numbers.
 */
export async function saveRule(input: { trigger: string; points: number; capCount: number | null; capPeriod: string | null; enabled: boolean }): Promise<{ ok: true } | RuleRefusal> {
	if (Object.hasOwn(FORBIDDEN_TRIGGERS, input.trigger)) {
		return { ok: false, error: FORBIDDEN_TRIGGERS[input.trigger as keyof typeof FORBIDDEN_TRIGGERS] }
	}
	if (!isTrigger(input.trigger)) return { ok: false, error: 'points.unknownRule' }
	const capValid = input.capCount === null ? input.capPeriod === null : Number.isInteger(input.capCount) && input.capCount > 0 && (CAP_PERIODS as readonly string[]).includes(input.capPeriod ?? '')
	if (!Number.isInteger(input.points) || input.points < 0 || input.points > MAX_POINTS_PER_AWARD || !capValid) return { ok: false, error: 'points.badRule' }
	const data = { points: input.points, capCount: input.capCount, capPeriod: input.capPeriod, enabled: input.enabled }
	await prisma.pointsRule.upsert({ where: { trigger: input.trigger }, create: { trigger: input.trigger, ...data }, update: data, select: { trigger: true } })
	return { ok: true }
}

/** How long granted points last before they expire (merchant setting, default 12 months). */
export async function getValidityMonths(): Promise<number> {
	const row = await prisma.setting.findUnique({ where: { key: 'points.validityMonths' }, select: { value: true } })
	const months = Number(row?.value)
	return Number.isInteger(months) && months > 0 ? months : DEFAULT_VALIDITY_MONTHS
}

export async function setValidityMonths(months: number): Promise<boolean> {
	if (!Number.isInteger(months) || months < 1 || months > 120) return false
	await prisma.setting.upsert({ where: { key: 'points.validityMonths' }, create: { key: 'points.validityMonths', value: String(months) }, update: { value: String(months) }, select: { key: true } })
	return true
}
