import type { CouponKind } from './coupon-schema.ts'

// What the member pages and the tier card show, as plain serializable data (dates as ISO
// strings), so client components can import these types without any server code.

export type TierStanding = {
	/** null: the merchant has not set up tiers yet. */
	tier: { name: string; position: number; pointsMultiplierPct: number } | null
	/** Paid spend within the rolling period, in cents. */
	spendCents: number
	periodDays: number
	/** Set while the member's spend is below their tier: they keep it until then. */
	keepsUntil: string | null
}

export type NextTier = {
	name: string
	minSpendCents: number
	/** How much more to spend to reach it. */
	moreCents: number
	/** Spent by then (before the oldest counted order leaves the period), it reaches the tier. */
	by: string
}

export type TierCardProps = { standing: TierStanding; nextTier: NextTier | null }

export type TierBenefit = {
	id: string
	name: string
	minSpendCents: number
	pointsMultiplierPct: number
	coupon: { name: string; kind: CouponKind; value: number; minSpendCents: number } | null
	current: boolean
}
