import { prisma } from '#app/lib/db.server.ts'
import type { TierBenefit, TierCardProps } from './benefits.ts'
import type { CouponKind } from './coupon-schema.ts'
import { getTierSettings, listTiers, memberStandings, type TierView } from './tiers.server.ts'

const DAY = 86_400_000

/**
 * The tier card's data for one member (the /me page and /me/membership): their tier, spend over
 * the period, the grace date when below their tier, and what the next tier needs by when.
 * null when the merchant has no tiers yet.
 */
export async function tierCardData(userId: string, now = new Date()): Promise<TierCardProps | null> {
	const [tiers, settings, standings] = await Promise.all([listTiers(), getTierSettings(), memberStandings([userId], now)])
	if (tiers.length === 0) return null
	const standing = standings.get(userId)
	const tier = standing?.tier ?? tiers[0]!
	const spendCents = standing?.spendCents ?? 0
	const next = tiers.find((t) => t.position > tier.position) ?? null
	return {
		standing: {
			tier: { name: tier.name, position: tier.position, pointsMultiplierPct: tier.pointsMultiplierPct },
			spendCents,
			periodDays: settings.periodDays,
			keepsUntil: standing?.keepsUntil?.toISOString() ?? null,
		},
		nextTier: next ? { name: next.name, minSpendCents: next.minSpendCents, moreCents: Math.max(next.minSpendCents - spendCents, 0), by: (await reachBy(userId, settings.periodDays, now)).toISOString() } : null,
	}
}

/**
 * Spend counts over a rolling period, so what the member spent so far holds until their oldest
 * counted order leaves it; with nothing counted yet, a whole period from now.
 */
async function reachBy(userId: string, periodDays: number, now: Date): Promise<Date> {
	const since = new Date(now.getTime() - periodDays * DAY)
	const oldest = await prisma.shopOrder.findFirst({
		where: { memberId: userId, status: 'paid', placedAt: { gte: since, lte: now } },
		orderBy: { placedAt: 'asc' },
		select: { placedAt: true },
	})
	return new Date((oldest?.placedAt.getTime() ?? now.getTime()) + periodDays * DAY)
}

/** Every tier with what it gives (multiplier, tier coupon), for the member's comparison table. */
export async function tierBenefits(currentPosition: number | null): Promise<TierBenefit[]> {
	const tiers: TierView[] = await listTiers()
	const templateIds = tiers.flatMap((t) => (t.couponTemplateId ? [t.couponTemplateId] : []))
	const templates = templateIds.length
		? await prisma.couponTemplate.findMany({ where: { id: { in: templateIds }, active: true }, select: { id: true, name: true, kind: true, value: true, minSpendCents: true } })
		: []
	const byId = new Map(templates.map((t) => [t.id, { name: t.name, kind: t.kind as CouponKind, value: t.value, minSpendCents: t.minSpendCents }]))
	return tiers.map((t) => ({
		id: t.id,
		name: t.name,
		minSpendCents: t.minSpendCents,
		pointsMultiplierPct: t.pointsMultiplierPct,
		coupon: (t.couponTemplateId && byId.get(t.couponTemplateId)) || null,
		current: t.position === currentPosition,
	}))
}
