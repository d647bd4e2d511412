import { Prisma } from '#app/generated/prisma/client.ts'
import { notify } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { logError } from '#app/lib/log.server.ts'
import { newCouponCode } from './coupon-codes.server.ts'
import { chinaDate, endOfChinaDay } from './coupon-dates.ts'
import type { CouponKind, CouponSource, CouponView } from './coupon-schema.ts'
import { findTemplate } from './coupon-templates.server.ts'
import { onTierReached, type TierView } from './tiers.server.ts'

// A coupon is issued for a reason named by its key (`birthday:<member>:<year>`, `prize:<draw>`,
// `segment:<issue>:<member>`, …). Coupon.key is unique, so the same reason issues one coupon
// however often, and however concurrently, it is asked for.

export type IssueInput = { templateId: string; userId: string; source: CouponSource; key: string; now?: Date }
export type IssueResult = { ok: true; couponId: string; code: string; duplicate: boolean } | { ok: false; error: MessageKey }

const MAX_KEY_LENGTH = 200
/** 40-bit codes clash about never; a few tries cover it. */
const CODE_ATTEMPTS = 5

const isKnown = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code

function couponByKey(key: string) {
	return prisma.coupon.findUnique({ where: { key }, select: { id: true, code: true } })
}

/** Tells the member (a marketing notification: caps and opt-outs apply); never un-issues a coupon. */
async function tellIssued(userId: string, couponId: string, name: string, expiresAt: Date): Promise<void> {
	try {
		await notify(userId, { kind: 'couponIssued', params: { name, expires: chinaDate(expiresAt) }, link: '/me/coupons', key: `coupon-issued:${couponId}` })
	} catch (error) {
		logError('coupons:notify', error, { couponId })
	}
}

/** Issues one coupon for the reason `key`; the same key again returns the first coupon (duplicate: true). */
export async function issueCoupon(input: IssueInput): Promise<IssueResult> {
	if (!input.key || input.key.length > MAX_KEY_LENGTH) return { ok: false, error: 'coupons.error.badKey' }
	const already = await couponByKey(input.key)
	if (already) return { ok: true, couponId: already.id, code: already.code, duplicate: true }
	const template = await findTemplate(input.templateId)
	if (!template) return { ok: false, error: 'coupons.error.templateMissing' }
	const now = input.now ?? new Date()
	const expiresAt = endOfChinaDay(now, template.validDays)
	for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
		try {
			const created = await prisma.coupon.create({
				data: { templateId: template.id, userId: input.userId, source: input.source, key: input.key, code: newCouponCode(), issuedAt: now, expiresAt },
				select: { id: true, code: true },
			})
			await tellIssued(input.userId, created.id, template.name, expiresAt)
			return { ok: true, couponId: created.id, code: created.code, duplicate: false }
		} catch (error) {
			if (isKnown(error, 'P2003')) return { ok: false, error: 'coupons.error.noMember' }
			if (!isKnown(error, 'P2002')) throw error
			// The key taken by a racing call: that call's coupon is this one. Otherwise the code clashed.
			const duplicate = await couponByKey(input.key)
			if (duplicate) return { ok: true, couponId: duplicate.id, code: duplicate.code, duplicate: true }
		}
	}
	return { ok: false, error: 'coupons.error.busy' }
}

/**
 * The create statement of one coupon, for another capability's batch (a prize draw), so the
 * coupon is saved with its cause or not at all. A clashing code fails that batch with P2002;
 * the caller retries (a new statement has a new code).
 * NOTE: wrapped in an object: an async function returning a Prisma statement (a thenable) would
 * run it on the spot instead of handing it over.
 */
export async function couponIssueStatement(input: Omit<IssueInput, 'now'> & { now: Date }) {
	const template = await findTemplate(input.templateId)
	if (!template) throw new Error(`coupon template ${input.templateId} does not exist`)
	const expiresAt = endOfChinaDay(input.now, template.validDays)
	const statement = prisma.coupon.create({
		data: { templateId: template.id, userId: input.userId, source: input.source, key: input.key, code: newCouponCode(), issuedAt: input.now, expiresAt },
		select: { id: true, code: true },
	})
	return { statement, template: { name: template.name }, expiresAt }
}

/** Usable coupons first (soonest ending first), then used ones, then expired ones; each list bounded. */
export async function listMemberCoupons(userId: string, now = new Date()): Promise<CouponView[]> {
	const select = { id: true, code: true, expiresAt: true, redeemedAt: true, template: { select: { name: true, kind: true, value: true, minSpendCents: true } } } as const
	const [usable, used, expired] = await Promise.all([
		prisma.coupon.findMany({ where: { userId, redeemedAt: null, expiresAt: { gt: now } }, orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }], take: 100, select }),
		prisma.coupon.findMany({ where: { userId, redeemedAt: { not: null } }, orderBy: [{ redeemedAt: 'desc' }, { id: 'asc' }], take: 20, select }),
		prisma.coupon.findMany({ where: { userId, redeemedAt: null, expiresAt: { lte: now } }, orderBy: [{ expiresAt: 'desc' }, { id: 'asc' }], take: 20, select }),
	])
	const view = (state: CouponView['state']) => (row: (typeof usable)[number]): CouponView => ({
		id: row.id,
		code: row.code,
		name: row.template.name,
		kind: row.template.kind as CouponKind,
		value: row.template.value,
		minSpendCents: row.template.minSpendCents,
		expiresAt: row.expiresAt.toISOString(),
		redeemedAt: row.redeemedAt?.toISOString() ?? null,
		state,
	})
	return [...usable.map(view('usable')), ...used.map(view('used')), ...expired.map(view('expired'))]
}

/**
 * A tier's coupon, once per member, for the tier reached and every tier passed on the way
 * (a member who jumps from Member to Gold also gets Silver's). Inactive templates issue nothing.
 */
async function issueTierCoupons(change: { userId: string; tier: TierView; skipped: TierView[] }): Promise<void> {
	const withCoupon = [...change.skipped, change.tier].filter((t) => t.couponTemplateId)
	if (withCoupon.length === 0) return
	const active = await prisma.couponTemplate.findMany({ where: { id: { in: withCoupon.map((t) => t.couponTemplateId!) }, active: true }, select: { id: true } })
	const activeIds = new Set(active.map((t) => t.id))
	for (const tier of withCoupon) {
		if (!activeIds.has(tier.couponTemplateId!)) continue
		const issued = await issueCoupon({ templateId: tier.couponTemplateId!, userId: change.userId, source: 'tier', key: `tier:${tier.id}:${change.userId}` })
		if (!issued.ok) logError('coupons:tier', new Error(issued.error), { userId: change.userId, tierId: tier.id })
	}
}

/**
 * Hooks tier coupons onto the tier evaluation. Called when this module loads, so every module
 * graph that can refresh tiers (the request handlers and the jobs) registers it; registering
 * again is a no-op (tiers.server.ts keeps each listener once).
 */
export function registerTierRewards(): void {
	onTierReached(issueTierCoupons)
}
registerTierRewards()
