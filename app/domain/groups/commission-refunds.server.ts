import { Prisma } from '#app/generated/prisma/client.ts'
import { getBalance, ledgerStatements } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { earnKey } from './commission.server.ts'

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'

type Earn = { superUserId: string; level: number; currency: string; baseCents: number; rateBps: number; amount: number }

/**
 * The statements that cancel earns: a `reverse` entry per earn (key `<earn key>:reverse`,
 * so it is written once) and, for points, the points taken back in the same batch.
 *
 * NOTE: points are taken back under the key `reverse:<grant id>`, the key reverseGrants uses,
 * so the two can never both take a grant back; and, like reverseGrants, never more than the
 * member still holds (the balance CHECK). The commission ledger records the full reversal.
 * Not reverseGrants itself: its entries read "post removed", and it writes outside this batch.
 */
async function reversalStatements(orderId: string, earns: Earn[]) {
	const pointEarns = earns.filter((e) => e.currency === 'points')
	const grants = pointEarns.length > 0
		? await prisma.pointsEntry.findMany({ where: { key: { in: pointEarns.map((e) => earnKey(orderId, e.level)) } }, select: { id: true, key: true, userId: true } })
		: []
	const takenBack = grants.length > 0
		? await prisma.pointsEntry.findMany({ where: { key: { in: grants.map((g) => `reverse:${g.id}`) } }, select: { key: true } })
		: []
	const alreadyTaken = new Set(takenBack.map((t) => t.key))
	// At most two recipients (two levels), so at most two balance reads.
	const holders = [...new Set(grants.map((g) => g.userId))]
	const balances = new Map(await Promise.all(holders.map(async (id) => [id, await getBalance(id)] as const)))
	return earns.flatMap((earn) => {
		const key = earnKey(orderId, earn.level)
		const grant = grants.find((g) => g.key === key)
		const statements: Prisma.PrismaPromise<unknown>[] = [
			prisma.commissionEntry.create({
				data: { superUserId: earn.superUserId, orderId, level: earn.level, kind: 'reverse', currency: earn.currency, baseCents: earn.baseCents, rateBps: earn.rateBps, amount: -earn.amount, key: `${key}:reverse` },
				select: { id: true },
			}),
		]
		if (grant && !alreadyTaken.has(`reverse:${grant.id}`)) {
			const take = Math.min(earn.amount, balances.get(grant.userId) ?? 0)
			balances.set(grant.userId, (balances.get(grant.userId) ?? 0) - take)
			if (take > 0) statements.push(...ledgerStatements({ userId: grant.userId, amount: -take, reason: 'commission.reversed', key: `reverse:${grant.id}`, sourceRef: grant.id }))
		}
		return statements
	})
}

export type ReverseResult = { ok: true; reversed: number } | { ok: false; error: 'commission.error.notRefunded' }

/**
 * Cancels the commission paid on an order that was refunded after payment, each earn by
 * a reverse entry. Calling it again (or twice at once) reverses nothing more.
 */
export async function reverseCommission(orderId: string): Promise<ReverseResult> {
	const order = await prisma.shopOrder.findUnique({ where: { id: orderId }, select: { status: true } })
	if (order?.status !== 'refunded') return { ok: false, error: 'commission.error.notRefunded' }
	// Two tries: a points spend landing between the balance read and the batch fails the CHECK.
	for (let attempt = 0; ; attempt++) {
		const entries = await prisma.commissionEntry.findMany({
			where: { orderId, kind: { in: ['earn', 'reverse'] } },
			select: { superUserId: true, level: true, kind: true, currency: true, baseCents: true, rateBps: true, amount: true },
		})
		const reversedLevels = new Set(entries.filter((e) => e.kind === 'reverse').map((e) => e.level))
		const due = entries.filter((e) => e.kind === 'earn' && !reversedLevels.has(e.level))
		if (due.length === 0) return { ok: true, reversed: 0 }
		try {
			await prisma.$transaction(await reversalStatements(orderId, due))
			return { ok: true, reversed: due.length }
		} catch (error) {
			// Another call reversed it first.
			if (isUniqueViolation(error)) return { ok: true, reversed: 0 }
			if (attempt >= 1) throw error
		}
	}
}

export type RefundResult = ReverseResult

/**
 * A refund from the shop: the order is marked refunded and any commission already paid on
 * it is reversed. Before the return window passed nothing was paid, and now nothing will
 * be (payDueCommissions only pays orders still `paid`). Safe to repeat.
 */
export async function markOrderRefunded(orderId: string): Promise<RefundResult> {
	// Once the status says refunded, no payment batch can land (they are guarded on `paid`),
	// so the reversal below sees every earn there will ever be.
	await prisma.shopOrder.updateMany({ where: { id: orderId, status: 'paid' }, data: { status: 'refunded' } })
	return reverseCommission(orderId)
}
