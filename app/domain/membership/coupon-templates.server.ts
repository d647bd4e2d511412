import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { parseForm, type FieldErrors } from '#app/lib/forms.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { CouponTemplateSchema, type CouponAuto, type CouponKind } from './coupon-schema.ts'

export type TemplateSummary = {
	id: string
	name: string
	kind: CouponKind
	value: number
	minSpendCents: number
	validDays: number
	auto: CouponAuto
	active: boolean
	issued: number
	redeemed: number
}
export type SaveTemplateResult = { ok: true; id: string } | { ok: false; fieldErrors: FieldErrors; formError?: MessageKey }

/** The console lists at most this many templates (a shop runs a handful at a time). */
const MAX_TEMPLATES = 100
const TEMPLATE_SELECT = { id: true, name: true, kind: true, value: true, minSpendCents: true, validDays: true, auto: true, active: true } as const

type TemplateRow = { id: string; name: string; kind: string; value: number; minSpendCents: number; validDays: number; auto: string; active: boolean }
const typed = (row: TemplateRow) => ({ ...row, kind: row.kind as CouponKind, auto: row.auto as CouponAuto })

/** Templates, active first then newest, with how many coupons each issued and how many were used. */
export async function listTemplates(): Promise<TemplateSummary[]> {
	const rows = await prisma.couponTemplate.findMany({ orderBy: [{ active: 'desc' }, { createdAt: 'desc' }], take: MAX_TEMPLATES, select: TEMPLATE_SELECT })
	const ids = rows.map((r) => r.id)
	const [issued, redeemed] = await Promise.all([
		prisma.coupon.groupBy({ by: ['templateId'], where: { templateId: { in: ids } }, _count: { _all: true } }),
		prisma.coupon.groupBy({ by: ['templateId'], where: { templateId: { in: ids }, redeemedAt: { not: null } }, _count: { _all: true } }),
	])
	const issuedBy = new Map(issued.map((g) => [g.templateId, g._count._all]))
	const redeemedBy = new Map(redeemed.map((g) => [g.templateId, g._count._all]))
	return rows.map((r) => ({ ...typed(r), issued: issuedBy.get(r.id) ?? 0, redeemed: redeemedBy.get(r.id) ?? 0 }))
}

export async function findTemplate(id: string) {
	const row = await prisma.couponTemplate.findUnique({ where: { id }, select: TEMPLATE_SELECT })
	return row ? typed(row) : null
}

/** The template the daily job issues for a birthday or a "we miss you" (one active per kind). */
export async function activeAutoTemplate(auto: Exclude<CouponAuto, 'none'>) {
	const row = await prisma.couponTemplate.findFirst({ where: { auto, active: true }, orderBy: { createdAt: 'desc' }, select: TEMPLATE_SELECT })
	return row ? typed(row) : null
}

/**
 * Creates or edits a template from the console form. Refused with nothing saved: values out of
 * bounds (the schema, and the table's CHECK behind it), a second active template for the same
 * automatic coupon, and a change to what a template gives once coupons of it are out (members
 * hold them: the value they were promised must not change under them).
 */
export async function saveTemplate(form: FormData): Promise<SaveTemplateResult> {
	const parsed = parseForm(CouponTemplateSchema, form)
	if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors }
	const { id, name, kind, value, minSpend, validDays, auto, active } = parsed.data
	const existing = id ? await prisma.couponTemplate.findUnique({ where: { id }, select: TEMPLATE_SELECT }) : null
	if (id && !existing) return { ok: false, fieldErrors: {}, formError: 'coupons.error.templateMissing' }
	if (active && auto !== 'none') {
		const other = await prisma.couponTemplate.findFirst({ where: { auto, active: true, ...(id ? { id: { not: id } } : {}) }, select: { id: true } })
		if (other) return { ok: false, fieldErrors: { auto: 'coupons.error.autoTaken' } }
	}
	const data = { name, kind, value, minSpendCents: minSpend, validDays, auto, active }
	const changesValue = existing !== null && (existing.kind !== kind || existing.value !== value || existing.minSpendCents !== minSpend)
	if (changesValue && (await prisma.coupon.count({ where: { templateId: existing.id } })) > 0) return { ok: false, fieldErrors: { value: 'coupons.error.valueLocked' } }
	const write = existing
		? // Guarded: a coupon issued since the check above makes this match nothing (P2025).
			prisma.couponTemplate.update({ where: { id: existing.id, ...(changesValue ? { coupons: { none: {} } } : {}) }, data, select: { id: true } })
		: prisma.couponTemplate.create({ data, select: { id: true } })
	// Two saves racing past the check above: the later one stays the only active one.
	const others = active && auto !== 'none' ? [prisma.couponTemplate.updateMany({ where: { auto, active: true, ...(existing ? { id: { not: existing.id } } : {}) }, data: { active: false } })] : []
	try {
		const results = await prisma.$transaction([...others, write])
		return { ok: true, id: (results.at(-1) as { id: string }).id }
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return { ok: false, fieldErrors: { value: 'coupons.error.valueLocked' } }
		throw error
	}
}

/** Templates as choices for a select (tier coupons, prizes, issuing): active ones, by name. */
export function templateOptions() {
	return prisma.couponTemplate.findMany({ where: { active: true }, orderBy: { name: 'asc' }, take: MAX_TEMPLATES, select: { id: true, name: true } })
}

/** Which of these templates exist and are active (a prize or a tier may only name those). */
export async function activeTemplateIds(ids: string[]): Promise<Set<string>> {
	const rows = await prisma.couponTemplate.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } })
	return new Set(rows.map((r) => r.id))
}
