import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { FieldErrors } from '#app/lib/forms.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { registerTierRewards } from './coupons.server.ts'
import { parseLadder, type LadderInput, type LadderTier } from './tier-admin-parse.server.ts'
import { listTiers, refreshTiers, saveTierSettings } from './tiers.server.ts'

export type { LadderInput } from './tier-admin-parse.server.ts'
export type SaveTiersResult =
	| { ok: true; refreshed: number }
	| { ok: false; fieldErrors: FieldErrors; formError?: MessageKey; formParams?: Record<string, string | number> }

/** Offered on the empty console page: a common four-step ladder over a year, with a month's grace. */
export const SUGGESTED_LADDER: LadderInput = {
	tiers: [
		{ name: 'Member', threshold: '0', multiplier: '1' },
		{ name: 'Silver', threshold: '2000', multiplier: '1.2' },
		{ name: 'Gold', threshold: '8000', multiplier: '1.5' },
		{ name: 'Diamond', threshold: '20000', multiplier: '2' },
	],
	periodDays: '365',
	graceDays: '30',
}

/** Members re-evaluated per refreshTiers call after the ladder changed. */
const REFRESH_PAGE = 200

registerTierRewards()

/**
 * Saves the whole ladder and the period and grace. Tiers are updated in place by position
 * (members' standings point at them), new positions are added, and trailing tiers are removed
 * only while no member holds them; all in one batch, so nothing is half-saved. Then every
 * member with a standing or an order is re-evaluated against the new ladder.
 */
export async function saveTiers(input: LadderInput): Promise<SaveTiersResult> {
	const parsed = await parseLadder(input)
	if (!parsed.ok) return parsed
	const { tiers, periodDays, graceDays } = parsed
	const existing = await listTiers()
	const removed = existing.filter((t) => t.position >= tiers.length)
	const held = await heldTier(removed.map((t) => t.id))
	if (held) return held
	try {
		await prisma.$transaction(ladderStatements(existing, tiers))
	} catch (error) {
		if (!(error instanceof Prisma.PrismaClientKnownRequestError)) throw error
		// A member reached a trailing tier meanwhile (the foreign key refused the delete), or another save raced this one.
		return (await heldTier(removed.map((t) => t.id))) ?? { ok: false, fieldErrors: {}, formError: 'tiers.error.busy' }
	}
	await saveTierSettings({ periodDays, graceDays })
	return { ok: true, refreshed: await refreshEveryone() }
}

async function heldTier(tierIds: string[]): Promise<SaveTiersResult | null> {
	if (tierIds.length === 0) return null
	const rows = await prisma.memberTier.groupBy({ by: ['tierId'], where: { tierId: { in: tierIds } }, _count: { _all: true } })
	const first = rows[0]
	if (!first) return null
	const tier = await prisma.tier.findUnique({ where: { id: first.tierId }, select: { name: true } })
	return { ok: false, fieldErrors: {}, formError: 'tiers.error.tierHeld', formParams: { tier: tier?.name ?? '', count: first._count._all } }
}

function ladderStatements(existing: { id: string; name: string; position: number }[], tiers: LadderTier[]) {
	const byPosition = new Map(existing.map((t) => [t.position, t]))
	const kept = tiers.flatMap((t, position) => {
		const row = byPosition.get(position)
		return row ? [{ row, tier: t }] : []
	})
	return [
		// Trailing tiers go first, so their names are free for the tiers that stay or come.
		...existing.filter((t) => t.position >= tiers.length).map((t) => prisma.tier.delete({ where: { id: t.id }, select: { id: true } })),
		// Names are unique: renaming Silver↔Gold in place needs a free name in between.
		...kept.filter(({ row, tier }) => row.name !== tier.name).map(({ row }) => prisma.tier.update({ where: { id: row.id }, data: { name: `~${row.id}` }, select: { id: true } })),
		...kept.map(({ row, tier }) =>
			prisma.tier.update({
				where: { id: row.id, position: row.position },
				data: { name: tier.name, minSpendCents: tier.minSpendCents, pointsMultiplierPct: tier.pointsMultiplierPct, couponTemplateId: tier.couponTemplateId },
				select: { id: true },
			}),
		),
		...tiers.flatMap((tier, position) =>
			byPosition.has(position)
				? []
				: [prisma.tier.create({ data: { position, name: tier.name, minSpendCents: tier.minSpendCents, pointsMultiplierPct: tier.pointsMultiplierPct, couponTemplateId: tier.couponTemplateId }, select: { id: true } })],
		),
	]
}

/** Everyone whose tier may change: members with a standing or any order, a page at a time. */
async function refreshEveryone(now = new Date()): Promise<number> {
	let cursor: string | null = null
	let count = 0
	for (;;) {
		const page: { id: string }[] = await prisma.user.findMany({
			where: { OR: [{ tier: { isNot: null } }, { orders: { some: {} } }] },
			orderBy: { id: 'asc' },
			take: REFRESH_PAGE,
			...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			select: { id: true },
		})
		if (page.length === 0) return count
		await refreshTiers(page.map((u) => u.id), now)
		count += page.length
		cursor = page.at(-1)!.id
	}
}

/** How many members stand in each tier; members never evaluated (no orders yet) stand in the first. */
export async function tierDistribution(): Promise<{ tierId: string; members: number }[]> {
	const [tiers, counts, unevaluated] = await Promise.all([
		listTiers(),
		prisma.memberTier.groupBy({ by: ['tierId'], _count: { _all: true } }),
		prisma.user.count({ where: { tier: { is: null }, role: { in: ['customer', 'superuser'] } } }),
	])
	const byTier = new Map(counts.map((c) => [c.tierId, c._count._all]))
	return tiers.map((t, i) => ({ tierId: t.id, members: (byTier.get(t.id) ?? 0) + (i === 0 ? unevaluated : 0) }))
}
