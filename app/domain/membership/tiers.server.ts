import { notify } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { remember } from '#app/lib/remember.ts'
import { getTierSettings, type TierSettings } from './tier-settings.server.ts'

export { getTierSettings, saveTierSettings } from './tier-settings.server.ts'

// A member's tier follows what they spent over the merchant's rolling period (paid orders
// only; refunds drop out). Going up is immediate; going down waits out the grace period
// from the day spend first fell short, so a quiet month never costs a member their tier.

const DAY = 86_400_000
/** Members evaluated per query: well under SQLite's bound-parameter limit. */
const CHUNK = 200

export type TierView = { id: string; name: string; position: number; minSpendCents: number; pointsMultiplierPct: number; couponTemplateId: string | null }
export type MemberStanding = { tier: TierView | null; spendCents: number; lastOrderAt: Date | null; belowSince: Date | null; keepsUntil: Date | null }
export type TierChange = { userId: string; from: TierView | null; to: TierView }
type TierReached = { userId: string; tier: TierView; skipped: TierView[] }

const TIER_SELECT = { id: true, name: true, position: true, minSpendCents: true, pointsMultiplierPct: true, couponTemplateId: true } as const

export function listTiers(): Promise<TierView[]> {
	return prisma.tier.findMany({ orderBy: { position: 'asc' }, select: TIER_SELECT })
}

// NOTE: server.ts and the Remix build each load their own copy of this module; the list lives
// on globalThis so a listener registered through either copy hears promotions made by both.
const listeners = remember('tier-listeners', () => [] as ((change: TierReached) => Promise<void>)[])

/** Runs after a member reaches a higher tier (e.g. to give that tier's coupon). Registering twice is a no-op. */
export function onTierReached(listener: (change: TierReached) => Promise<void>): void {
	if (!listeners.includes(listener)) listeners.push(listener)
}

function chunks<T>(items: T[]): T[][] {
	const out: T[][] = []
	for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
	return out
}

/** Spend within the period and the last paid order ever, per member. */
async function spendOf(userIds: string[], settings: TierSettings, now: Date) {
	const since = new Date(now.getTime() - settings.periodDays * DAY)
	const [inPeriod, last] = await Promise.all([
		prisma.shopOrder.groupBy({ by: ['memberId'], where: { memberId: { in: userIds }, status: 'paid', placedAt: { gte: since, lte: now } }, _sum: { totalCents: true } }),
		prisma.shopOrder.groupBy({ by: ['memberId'], where: { memberId: { in: userIds }, status: 'paid', placedAt: { lte: now } }, _max: { placedAt: true } }),
	])
	const spend = new Map(inPeriod.map((r) => [r.memberId!, r._sum.totalCents ?? 0]))
	const lastAt = new Map(last.map((r) => [r.memberId!, r._max.placedAt]))
	return (userId: string) => ({ spendCents: spend.get(userId) ?? 0, lastOrderAt: lastAt.get(userId) ?? null })
}

/** The highest tier the spend reaches (tiers sorted by position). */
function qualifiedTier(tiers: TierView[], spendCents: number): TierView | null {
	let best: TierView | null = null
	for (const tier of tiers) if (spendCents >= tier.minSpendCents) best = tier
	return best
}

/** Each member's tier, spend and grace, as the member page and the segments read them. */
export async function memberStandings(userIds: string[], now = new Date()): Promise<Map<string, MemberStanding>> {
	const result = new Map<string, MemberStanding>()
	const ids = [...new Set(userIds)]
	if (ids.length === 0) return result
	const [tiers, settings] = await Promise.all([listTiers(), getTierSettings()])
	const byId = new Map(tiers.map((t) => [t.id, t]))
	for (const page of chunks(ids)) {
		const [spend, rows] = await Promise.all([
			spendOf(page, settings, now),
			prisma.memberTier.findMany({ where: { userId: { in: page } }, select: { userId: true, tierId: true, belowSince: true } }),
		])
		const saved = new Map(rows.map((r) => [r.userId, r]))
		for (const userId of page) {
			const { spendCents, lastOrderAt } = spend(userId)
			const row = saved.get(userId)
			// A member not evaluated yet stands where their spend puts them.
			const tier = (row && byId.get(row.tierId)) || qualifiedTier(tiers, spendCents)
			const belowSince = row?.belowSince ?? null
			const keepsUntil = belowSince ? new Date(belowSince.getTime() + settings.graceDays * DAY) : null
			result.set(userId, { tier, spendCents, lastOrderAt, belowSince, keepsUntil })
		}
	}
	return result
}

/**
 * The multiplier of the member's saved tier: one indexed read, since every rule award asks.
 * Saved tiers follow every order change (refreshTiers); a member with none stands in the first tier.
 */
export async function pointsMultiplierPct(userId: string): Promise<number> {
	const row = await prisma.memberTier.findUnique({ where: { userId }, select: { tier: { select: { pointsMultiplierPct: true } } } })
	if (row) return row.tier.pointsMultiplierPct
	const first = await prisma.tier.findFirst({ orderBy: { position: 'asc' }, select: { pointsMultiplierPct: true } })
	return first?.pointsMultiplierPct ?? 100
}

/**
 * Re-evaluates members' tiers and saves them. Only the call that actually moves a member
 * (its guarded write matched) reports the change and tells the member, so two runs at once
 * announce a promotion once.
 */
export async function refreshTiers(userIds: string[], now = new Date()): Promise<TierChange[]> {
	const ids = [...new Set(userIds)]
	const [tiers, settings] = await Promise.all([listTiers(), getTierSettings()])
	if (ids.length === 0 || tiers.length === 0) return []
	const byId = new Map(tiers.map((t) => [t.id, t]))
	const changes: TierChange[] = []
	for (const page of chunks(ids)) {
		const [spend, rows] = await Promise.all([
			spendOf(page, settings, now),
			prisma.memberTier.findMany({ where: { userId: { in: page } }, select: { userId: true, tierId: true, belowSince: true } }),
		])
		const saved = new Map(rows.map((r) => [r.userId, r]))
		const steady = []
		for (const userId of page) {
			const { spendCents } = spend(userId)
			const target = qualifiedTier(tiers, spendCents) ?? tiers[0]!
			const row = saved.get(userId)
			const current = row ? (byId.get(row.tierId) ?? null) : null
			if (!row || !current) {
				if (await createStanding(userId, target, spendCents, now)) changes.push({ userId, from: null, to: target })
				continue
			}
			const graceOver = row.belowSince !== null && now.getTime() - row.belowSince.getTime() >= settings.graceDays * DAY
			const moveTo = target.position > current.position || (target.position < current.position && (graceOver || settings.graceDays === 0)) ? target : null
			if (moveTo) {
				// Guarded on the tier we read: a run that moved this member first makes this match nothing.
				const { count } = await prisma.memberTier.updateMany({
					where: { userId, tierId: current.id },
					data: { tierId: moveTo.id, reachedAt: now, belowSince: null, spendCents, evaluatedAt: now },
				})
				if (count === 1) changes.push({ userId, from: current, to: moveTo })
				continue
			}
			const belowSince = target.position < current.position ? (row.belowSince ?? now) : null
			steady.push(prisma.memberTier.updateMany({ where: { userId, tierId: current.id }, data: { spendCents, belowSince, evaluatedAt: now } }))
		}
		if (steady.length > 0) await prisma.$transaction(steady)
	}
	for (const change of changes) await announce(change, tiers, now)
	return changes
}

async function createStanding(userId: string, tier: TierView, spendCents: number, now: Date): Promise<boolean> {
	const { count } = await prisma.memberTier.createMany({
		data: [{ userId, tierId: tier.id, spendCents, reachedAt: now, evaluatedAt: now }],
		// NOTE: createMany with skipDuplicates is not offered on SQLite; a racing run's row makes this throw P2002.
	}).catch((error: { code?: string }) => (error.code === 'P2002' ? { count: 0 } : Promise.reject(error)))
	return count === 1
}

/** A promotion: the member hears of it (beyond the first tier) and the listeners run. */
async function announce(change: TierChange, tiers: TierView[], now: Date): Promise<void> {
	const { userId, from, to } = change
	if (from && to.position < from.position) return
	const skipped = tiers.filter((t) => t.position < to.position && t.position > (from?.position ?? -1))
	if (to.position > 0) {
		await notify(userId, { kind: 'tierReached', params: { tier: to.name }, link: '/me/membership', key: `tier-reached:${userId}:${to.id}:${now.toISOString()}` })
	}
	for (const listener of listeners) {
		try {
			await listener({ userId, tier: to, skipped })
		} catch (error) {
			logError('membership:tierReached', error)
		}
	}
}
