import { z } from 'zod'
import { newSeed } from '#app/domain/lottery/fairness.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { DAY_LIMITS } from './limits.ts'
import type { DayWin } from './views.ts'

// Packing a pool of blind boxes in advance: every box holds an item (no empty boxes) and the
// item counts add up to the box count, committed to a seed like a prize draw.

const ItemSchema = z.object({
	name: z.string().trim().min(1, 'days.error.itemName').max(DAY_LIMITS.itemName, 'days.error.itemName'),
	total: z.number().int('days.error.emptyBox').positive('days.error.emptyBox').max(DAY_LIMITS.boxes, 'days.error.boxes'),
})

export const PoolSchema = z
	.object({
		memberDayId: z.string().min(1),
		name: z.string().trim().min(1, 'days.error.poolName').max(DAY_LIMITS.title, 'days.error.poolName'),
		boxes: z.number().int('days.error.boxes').positive('days.error.boxes').max(DAY_LIMITS.boxes, 'days.error.boxes'),
		pricePoints: z.number().int('days.error.price').min(0, 'days.error.price').max(DAY_LIMITS.pricePoints, 'days.error.price'),
		priceCents: z.number().int('days.error.price').min(0, 'days.error.price').max(DAY_LIMITS.priceCents, 'days.error.price').default(0),
		perMemberLimit: z.number().int('days.error.limit').min(1, 'days.error.limit').max(DAY_LIMITS.perMember, 'days.error.limit'),
		/** Every guaranteeEvery-th box a member opens holds the item at guaranteePosition or a better (lower) one. */
		guaranteeEvery: z.number().int('days.error.guarantee').min(2, 'days.error.guarantee').max(DAY_LIMITS.perMember, 'days.error.guarantee').nullable().default(null),
		guaranteePosition: z.number().int().min(0).nullable().default(null),
		items: z.array(ItemSchema).min(1, 'days.error.items').max(DAY_LIMITS.items, 'days.error.items'),
	})
	.refine((p) => p.items.reduce((sum, i) => sum + i.total, 0) === p.boxes, { message: 'days.error.countsDontAddUp', path: ['boxes'] })
	.refine((p) => (p.guaranteeEvery === null) === (p.guaranteePosition === null), { message: 'days.error.guarantee', path: ['guaranteePosition'] })
	.refine((p) => p.guaranteePosition === null || p.guaranteePosition < p.items.length, { message: 'days.error.guarantee', path: ['guaranteePosition'] })

export type PoolInput = z.input<typeof PoolSchema>

/** Packs a pool for a member day that has not ended; bad input is refused whole, with a message per field. */
export async function packPool(input: PoolInput, now = new Date()): Promise<{ ok: true; id: string; seedHash: string } | { ok: false; errors: Record<string, string> }> {
	const parsed = PoolSchema.safeParse(input)
	const errors: Record<string, string> = {}
	if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message
	const day = await prisma.memberDay.findUnique({ where: { id: input.memberDayId }, select: { endsAt: true } })
	if (!day) errors.memberDayId ??= 'days.error.notFound'
	else if (day.endsAt <= now) errors.memberDayId ??= 'days.error.past'
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
	const { items, boxes, ...pool } = parsed.data
	const { seed, seedHash } = newSeed()
	const { id } = await prisma.blindBoxPool.create({
		data: { ...pool, total: boxes, remaining: boxes, seed, seedHash, items: { create: items.map((item, position) => ({ ...item, position, remaining: item.total })) } },
		select: { id: true },
	})
	return { ok: true, id, seedHash }
}

const oddsSelect = {
	id: true, name: true, pricePoints: true, priceCents: true, perMemberLimit: true, guaranteeEvery: true, guaranteePosition: true,
	total: true, remaining: true, seed: true, seedHash: true, memberDay: { select: { endsAt: true, dailyCapPoints: true } },
	items: { orderBy: { position: 'asc' as const }, select: { id: true, position: true, name: true, total: true, remaining: true } },
} as const

type PoolRow = NonNullable<Awaited<ReturnType<typeof findPoolRow>>>
const findPoolRow = (id: string) => prisma.blindBoxPool.findUnique({ where: { id }, select: oddsSelect })

/**
 * The published odds: each item's packed count out of the boxes (as regulators expect), what
 * is left now, the rules (limit, guarantee, cap) and the seed commitment; the seed once the day is over.
 */
function toOdds(pool: PoolRow, now: Date) {
	const { seed, memberDay, items, ...rest } = pool
	return {
		...rest,
		dailyCapPoints: memberDay.dailyCapPoints,
		seed: now >= memberDay.endsAt ? seed : null,
		guaranteeItem: pool.guaranteePosition === null ? null : (items[pool.guaranteePosition]?.name ?? null),
		odds: items.map((i) => ({ ...i, chance: i.total / pool.total })),
	}
}
export type PoolOdds = ReturnType<typeof toOdds>

export async function poolOdds(poolId: string, now = new Date()): Promise<PoolOdds | null> {
	const pool = await findPoolRow(poolId)
	return pool ? toOdds(pool, now) : null
}

/** A member day's pools with their odds (the member-day page); a day has a handful at most. */
export async function dayPools(memberDayId: string, now = new Date()): Promise<PoolOdds[]> {
	const pools = await prisma.blindBoxPool.findMany({ where: { memberDayId }, orderBy: { createdAt: 'asc' }, take: 20, select: oddsSelect })
	return pools.map((p) => toOdds(p, now))
}

const NOTABLE_TAKE = 10

/** The day's latest notable wins (each pool's top item, position 0) for the page's ticker, by display name as members show elsewhere. */
export async function notableWins(memberDayId: string): Promise<DayWin[]> {
	const rows = await prisma.blindBoxOpening.findMany({
		where: { pool: { memberDayId }, item: { position: 0 } },
		orderBy: { createdAt: 'desc' },
		take: NOTABLE_TAKE,
		select: { id: true, createdAt: true, user: { select: { displayName: true } }, item: { select: { name: true } } },
	})
	return rows.map((r) => ({ id: r.id, at: r.createdAt.toISOString(), member: r.user.displayName, item: r.item.name }))
}
