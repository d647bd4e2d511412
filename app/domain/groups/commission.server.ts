import { Prisma } from '#app/generated/prisma/client.ts'
import { grantExpiry, ledgerStatements } from '#app/domain/points/ledger.server.ts'
import { RETURN_WINDOW_DAYS } from '#app/domain/referrals/attribution.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recipientsByOrder, type CommissionRecipient } from './commission-recipients.server.ts'
import { getCommissionSettings, type CommissionSettings } from './commission-settings.server.ts'

// The commission ledger moves value the way the points ledger does (docs/decisions/005 and
// 012): every payment is one batch of single statements whose unique keys and guarded WHERE
// clauses make a retry, a second process or a race pay nothing twice. No read-then-write
// transaction is held open.

const DAY = 24 * 3600_000
/** Orders settled per query, and pages per run: a backlog beyond that waits for the next run. */
const PAGE_SIZE = 100
const MAX_PAGES = 20

const isKnown = (error: unknown, ...codes: string[]) => error instanceof Prisma.PrismaClientKnownRequestError && codes.includes(error.code)

export const earnKey = (orderId: string, level: number) => `commission:${orderId}:L${level}`
/** The points grants of one order's commission share this sourceRef. */
const pointsSource = (orderId: string) => `commission:${orderId}`

type DueOrder = { id: string; memberId: string | null; ref: string | null; placedAt: Date; totalCents: number; status: string }
type Line = CommissionRecipient & { rateBps: number; amount: number }

/**
 * What each recipient earns. Cash in cents, points at the merchant's points per yuan; both
 * rounded down, so the shop never pays a fraction it did not promise. A line worth 0 is dropped.
 */
export function commissionLines(totalCents: number, recipients: CommissionRecipient[], settings: CommissionSettings): Line[] {
	return recipients
		.map((r) => {
			const rateBps = r.level === 1 ? settings.level1Bps : settings.level2Bps
			const amount = settings.currency === 'cash'
				? Math.floor((totalCents * rateBps) / 10_000)
				: Math.floor((totalCents * rateBps * settings.pointsPerYuan) / 1_000_000)
			return { ...r, rateBps, amount }
		})
		.filter((line) => line.amount > 0)
}

/** One order's payment: its earn entries (and points), and the order marked settled, together or not at all. */
async function payOrder(order: DueOrder, lines: Line[], settings: CommissionSettings, now: Date, expiresAt: Date | null): Promise<number> {
	const statements = [
		// Guarded: a refund or another run that got here first makes this batch fail whole (P2025).
		prisma.shopOrder.update({ where: { id: order.id, status: 'paid', commissionAt: null }, data: { commissionAt: now }, select: { id: true } }),
		...lines.flatMap((line) => [
			prisma.commissionEntry.create({
				data: { superUserId: line.superUserId, orderId: order.id, level: line.level, kind: 'earn', currency: settings.currency, baseCents: order.totalCents, rateBps: line.rateBps, amount: line.amount, key: earnKey(order.id, line.level) },
				select: { id: true },
			}),
			...(settings.currency === 'points'
				? ledgerStatements({ userId: line.superUserId, amount: line.amount, reason: 'commission.earned', key: earnKey(order.id, line.level), sourceRef: pointsSource(order.id), expiresAt })
				: []),
		]),
	]
	try {
		await prisma.$transaction(statements)
		return lines.length
	} catch (error) {
		if (isKnown(error, 'P2025')) return 0
		if (!isKnown(error, 'P2002')) throw error
		// The entries exist: another run paid this order. Only its mark can be missing (a run that
		// read the order before that one committed), and it is safe to set.
		await prisma.shopOrder.updateMany({ where: { id: order.id, commissionAt: null }, data: { commissionAt: now } })
		return 0
	}
}

/**
 * Settles commission on every order whose return window has passed: paid orders pay their
 * super-users; refunded or cancelled ones (and orders nobody brought) are marked settled
 * with nothing paid. Safe to run often and from several processes at once.
 */
export async function payDueCommissions(now = new Date()): Promise<{ orders: number; entries: number }> {
	const settings = await getCommissionSettings()
	const cutoff = new Date(now.getTime() - RETURN_WINDOW_DAYS * DAY)
	const expiresAt = settings.currency === 'points' ? await grantExpiry(now) : null
	const done = { orders: 0, entries: 0 }
	let after: { placedAt: Date; id: string } | null = null
	for (let page = 0; page < MAX_PAGES; page++) {
		const orders: DueOrder[] = await prisma.shopOrder.findMany({
			where: {
				commissionAt: null,
				placedAt: { lte: cutoff },
				...(after ? { OR: [{ placedAt: { gt: after.placedAt } }, { placedAt: after.placedAt, id: { gt: after.id } }] } : {}),
			},
			orderBy: [{ placedAt: 'asc' }, { id: 'asc' }],
			take: PAGE_SIZE,
			select: { id: true, memberId: true, ref: true, placedAt: true, totalCents: true, status: true },
		})
		if (orders.length === 0) break
		after = orders.at(-1)!
		const paid = orders.filter((o) => o.status === 'paid')
		const recipients = await recipientsByOrder(paid, settings.level2Bps > 0)
		const owed = paid.map((order) => ({ order, lines: commissionLines(order.totalCents, recipients.get(order.id) ?? [], settings) })).filter((o) => o.lines.length > 0)
		const owedIds = new Set(owed.map((o) => o.order.id))
		const nothingOwed = orders.filter((o) => !owedIds.has(o.id)).map((o) => o.id)
		if (nothingOwed.length > 0) {
			const { count } = await prisma.shopOrder.updateMany({ where: { id: { in: nothingOwed }, commissionAt: null }, data: { commissionAt: now } })
			done.orders += count
		}
		// One write batch per order owed something: each order pays whole or not at all.
		for (const { order, lines } of owed) {
			const entries = await payOrder(order, lines, settings, now, expiresAt)
			if (entries > 0) done.orders++
			done.entries += entries
		}
		if (orders.length < PAGE_SIZE) break
	}
	return done
}
