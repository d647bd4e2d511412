import { prisma } from '#app/lib/db.server.ts'
import { COUNTED_ATTRIBUTIONS } from './commission-recipients.server.ts'
import type { LeaderboardOrder } from './commission-views.ts'

const MAX_SUPERUSERS = 200

export type Totals = { earned: number; reversed: number; settled: number; balance: number }
export type CommissionSummary = { id: string; displayName: string; role: string; profileLine: string | null; cash: Totals; points: Totals }

const empty = (): Totals => ({ earned: 0, reversed: 0, settled: 0, balance: 0 })

/**
 * For the console: every super-user, and anyone demoted who still has commission entries
 * (a balance the merchant may still owe), with their totals per currency. Two queries.
 */
export async function commissionSummaries(): Promise<CommissionSummary[]> {
	const sums = await prisma.commissionEntry.groupBy({ by: ['superUserId', 'kind', 'currency'], _sum: { amount: true } })
	const users = await prisma.user.findMany({
		where: { OR: [{ role: 'superuser' }, { id: { in: [...new Set(sums.map((s) => s.superUserId))] } }] },
		orderBy: { displayName: 'asc' },
		take: MAX_SUPERUSERS,
		select: { id: true, displayName: true, role: true, profileLine: true },
	})
	const byUser = new Map(users.map((u) => [u.id, { ...u, cash: empty(), points: empty() }]))
	for (const s of sums) {
		const row = byUser.get(s.superUserId)
		if (!row || (s.currency !== 'cash' && s.currency !== 'points')) continue
		const totals = row[s.currency]
		const amount = s._sum.amount ?? 0
		if (s.kind === 'earn') totals.earned += amount
		else if (s.kind === 'reverse') totals.reversed -= amount
		else if (s.kind === 'settle') totals.settled -= amount
		totals.balance += amount
	}
	return [...byUser.values()]
}

/** A super-user's commission entries, newest first, a page at a time, with the order each came from. */
export async function earningsHistory(superUserId: string, options: { cursor?: string | null; take?: number } = {}) {
	const take = Math.min(Math.max(options.take ?? 20, 1), 50)
	const rows = await prisma.commissionEntry.findMany({
		where: { superUserId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: take + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: { id: true, orderId: true, level: true, kind: true, currency: true, baseCents: true, rateBps: true, amount: true, note: true, createdAt: true },
	})
	const page = rows.slice(0, take)
	const orderIds = [...new Set(page.map((r) => r.orderId).filter((id): id is string => id !== null))]
	const orders = orderIds.length > 0 ? await prisma.shopOrder.findMany({ where: { id: { in: orderIds } }, select: { id: true, externalId: true, ref: true } }) : []
	const orderById = new Map(orders.map((o) => [o.id, o]))
	return {
		items: page.map(({ orderId, ...r }) => {
			const order = orderId ? orderById.get(orderId) : undefined
			return { ...r, order: order ? { externalId: order.externalId, ref: order.ref } : null, createdAt: r.createdAt.toISOString() }
		}),
		nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null,
	}
}

export type LeaderboardRow = { id: string; displayName: string; profileLine: string | null; membersBrought: number; sales: number; salesCents: number }

/**
 * Super-users by members brought (counted referrals) or by sales: the orders that paid them
 * level-1 commission and were not refunded after, with those orders' totals. Three queries.
 */
export async function superUserLeaderboard(by: LeaderboardOrder = 'members', take = 50): Promise<LeaderboardRow[]> {
	const [users, referrals, sales] = await Promise.all([
		prisma.user.findMany({ where: { role: 'superuser' }, take: MAX_SUPERUSERS, select: { id: true, displayName: true, profileLine: true } }),
		prisma.attribution.groupBy({ by: ['referrerId'], where: { status: { in: COUNTED_ATTRIBUTIONS }, referrer: { role: 'superuser' } }, _count: { _all: true } }),
		prisma.commissionEntry.groupBy({ by: ['superUserId', 'kind'], where: { level: 1, kind: { in: ['earn', 'reverse'] } }, _count: { _all: true }, _sum: { baseCents: true } }),
	])
	const brought = new Map(referrals.map((r) => [r.referrerId, r._count._all]))
	const rows = users.map((u) => {
		const mine = sales.filter((s) => s.superUserId === u.id)
		// A reverse entry carries the refunded order's total, so earn minus reverse is what stuck.
		const sign = (kind: string) => (kind === 'earn' ? 1 : -1)
		return {
			...u,
			membersBrought: brought.get(u.id) ?? 0,
			sales: mine.reduce((n, s) => n + sign(s.kind) * s._count._all, 0),
			salesCents: mine.reduce((n, s) => n + sign(s.kind) * (s._sum.baseCents ?? 0), 0),
		}
	})
	const key = by === 'sales' ? (r: LeaderboardRow) => [r.salesCents, r.membersBrought] : (r: LeaderboardRow) => [r.membersBrought, r.salesCents]
	return rows
		.sort((a, b) => {
			const [a1, a2] = key(a)
			const [b1, b2] = key(b)
			return b1! - a1! || b2! - a2! || a.displayName.localeCompare(b.displayName)
		})
		.slice(0, take)
}
