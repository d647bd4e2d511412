import { randomUUID } from 'node:crypto'
import { Prisma } from '#app/generated/prisma/client.ts'
import { markOrderRefunded } from '#app/domain/groups/commission-refunds.server.ts'
import { isCheckViolation, prisma } from '#app/lib/db.server.ts'
import { explainCouponRefusal } from './order-coupon.server.ts'
import { makeClaimCode } from './order-codes.ts'
import type { RowProblem } from './order-schema.ts'
import type { PlannedCreate, PlannedUpdate } from './orders-preview.server.ts'

// Each order is written whole by one batch of single statements (docs/decisions/005): the order,
// its lines and, when it used a Quanzi coupon, the coupon's guarded redemption. A batch that
// fails leaves nothing behind; the database is then read again to say why. Orders without a
// coupon share batches for speed, and fall back to one batch each when a shared one fails.

export type Saved = { id: string; externalId: string; memberId: string | null; claimCode: string | null; totalCents: number; status: string; placedAt: Date }
export type WriteOutcome = { kind: 'created' | 'updated'; order: Saved } | { kind: 'unchanged' } | { kind: 'error'; problem: RowProblem }
export type WriteContext = { importId: string | null; source: 'csv' | 'webhook'; now: Date }

/**
 * Orders without a coupon are written this many to a batch (all or none of them); a batch that
 * fails, on a duplicate say, is retried one order at a time, so only that order is refused.
 */
const BATCH = 100
const MADE_CODE_TRIES = 3

const known = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code
// SQLite and PostgreSQL word CHECK failures differently; neither has a Prisma code of its own.

type Built = { row: PlannedCreate; order: Prisma.ShopOrderCreateManyInput; lines: Prisma.ShopOrderLineCreateManyInput[]; saved: Saved }

function build(row: PlannedCreate, claimCode: string | null, ctx: WriteContext): Built {
	const { order } = row
	// The id is made here so the lines and the coupon can name the order in the same batch.
	const id = `o${randomUUID().replaceAll('-', '')}`
	return {
		row,
		order: {
			id, externalId: order.externalId, memberId: row.memberId, email: order.email, phone: order.phone, claimCode,
			couponCode: order.couponCode, totalCents: order.totalCents, status: order.status, placedAt: order.placedAt, ref: order.ref,
			source: ctx.source, digest: row.digest, importId: ctx.importId, linkedAt: row.memberId ? ctx.now : null,
		},
		lines: order.lines.map((l) => ({ ...l, orderId: id })),
		saved: { id, externalId: order.externalId, memberId: row.memberId, claimCode, totalCents: order.totalCents, status: order.status, placedAt: order.placedAt },
	}
}

/** Orders, their lines and their coupons' redemptions as one batch: two inserts, then one guarded update per coupon. */
function statements(built: Built[]): Prisma.PrismaPromise<unknown>[] {
	return [
		prisma.shopOrder.createMany({ data: built.map((b) => b.order) }),
		prisma.shopOrderLine.createMany({ data: built.flatMap((b) => b.lines) }),
		...built.flatMap(({ row, order, saved }) =>
			row.coupon
				? [
						// Guarded: used already, expired when the order was placed, or another member's → P2025, and nothing is saved.
						prisma.coupon.update({
							where: { code: row.coupon, redeemedAt: null, expiresAt: { gte: order.placedAt }, ...(row.memberId ? { userId: row.memberId } : {}) },
							data: { redeemedAt: order.placedAt, orderId: saved.id },
							select: { id: true },
						}),
					]
				: [],
		),
	]
}

/** An order nobody holds yet gets a code to claim it by: the shop's, else one made here. */
const claimCodeFor = (row: PlannedCreate) => row.order.claimCode ?? (row.memberId ? null : makeClaimCode())

/** Why a create failed on a unique key: the order arrived meanwhile (a concurrent import), or its claim code is taken. */
async function explainDuplicate(row: PlannedCreate, claimCode: string | null): Promise<WriteOutcome | 'retry'> {
	const [existing, holder] = await Promise.all([
		prisma.shopOrder.findUnique({ where: { externalId: row.order.externalId }, select: { digest: true } }),
		claimCode ? prisma.shopOrder.findUnique({ where: { claimCode }, select: { externalId: true } }) : null,
	])
	if (existing) return existing.digest === row.digest ? { kind: 'unchanged' } : { kind: 'error', problem: { key: 'orders.row.busy', params: { order: row.order.externalId } } }
	if (holder && row.order.claimCode) return { kind: 'error', problem: { key: 'orders.row.claimCodeTaken', params: { code: claimCode!, order: holder.externalId } } }
	return 'retry'
}

async function writeCreate(row: PlannedCreate, ctx: WriteContext): Promise<WriteOutcome> {
	for (let attempt = 0; attempt < MADE_CODE_TRIES; attempt++) {
		const claimCode = claimCodeFor(row)
		const built = build(row, claimCode, ctx)
		try {
			await prisma.$transaction(statements([built]))
			return { kind: 'created', order: built.saved }
		} catch (error) {
			if (known(error, 'P2025') && row.coupon) return { kind: 'error', problem: await explainCouponRefusal(row.coupon, row.order, row.memberId) }
			if (isCheckViolation(error)) return { kind: 'error', problem: { key: 'orders.row.totalNegative', params: { value: String(row.order.totalCents) } } }
			if (!known(error, 'P2002')) throw error
			const why = await explainDuplicate(row, claimCode)
			if (why !== 'retry') return why
		}
	}
	return { kind: 'error', problem: { key: 'orders.row.busy', params: { order: row.order.externalId } } }
}

/** Creates the planned orders: plain ones in batches, each falling back to one by one when a batch fails. */
export async function writeCreates(rows: PlannedCreate[], ctx: WriteContext): Promise<Map<PlannedCreate, WriteOutcome>> {
	const outcomes = new Map<PlannedCreate, WriteOutcome>()
	const plain = rows.filter((r) => !r.coupon)
	for (let i = 0; i < plain.length; i += BATCH) {
		const chunk = plain.slice(i, i + BATCH)
		const built = chunk.map((row) => build(row, claimCodeFor(row), ctx))
		try {
			await prisma.$transaction(statements(built))
			for (const b of built) outcomes.set(b.row, { kind: 'created', order: b.saved })
		} catch (error) {
			if (!known(error, 'P2002') && !isCheckViolation(error)) throw error
		}
	}
	for (const row of rows) if (!outcomes.has(row)) outcomes.set(row, await writeCreate(row, ctx))
	return outcomes
}

/**
 * A status change from the shop (paid → refunded, a cancellation). Leaving `paid` first goes
 * through the commission module, which marks the order refunded and reverses any commission
 * already paid; the batch then writes the final status and digest, guarded on the digest it
 * planned from. A crash between the two is repaired by importing the file again.
 */
export async function writeUpdate(row: PlannedUpdate, ctx: WriteContext): Promise<WriteOutcome> {
	if (row.fromStatus === 'paid' && row.order.status !== 'paid') await markOrderRefunded(row.orderId)
	try {
		const updated = await prisma.shopOrder.update({
			where: { id: row.orderId, digest: row.oldDigest },
			data: { status: row.order.status, digest: row.digest, importId: ctx.importId ?? undefined },
			select: { id: true, externalId: true, memberId: true, claimCode: true, totalCents: true, status: true, placedAt: true },
		})
		return { kind: 'updated', order: updated }
	} catch (error) {
		if (!known(error, 'P2025')) throw error
		const now = await prisma.shopOrder.findUnique({ where: { id: row.orderId }, select: { digest: true } })
		return now?.digest === row.digest ? { kind: 'unchanged' } : { kind: 'error', problem: { key: 'orders.row.busy', params: { order: row.order.externalId } } }
	}
}
