import { couponProblem } from './order-coupon.server.ts'
import { looksLikeQuanziCoupon } from './order-codes.ts'
import { changedField, orderDigest } from './order-digest.server.ts'
import type { IncomingOrder, OrderInput, OrderStatus, RowProblem } from './order-schema.ts'
import type { PlanCounts } from './order-views.ts'
import { claimCodesTaken, couponsByCode, membersByContact, storedOrders } from './orders-lookup.server.ts'

// What importing these orders would do, row by row, read from the database as it is now.
// The console shows it before the merchant commits; the import plans with it again (the
// database may have moved since), and the write batches enforce what matters under races.

type Base = { row: number; id: string }
export type PlannedCreate = Base & { action: 'create'; order: OrderInput; digest: string; memberId: string | null; coupon: string | null; warning: RowProblem | null }
export type PlannedUpdate = Base & { action: 'update'; order: OrderInput; digest: string; orderId: string; oldDigest: string; fromStatus: OrderStatus; memberId: string | null }
export type PlannedRow =
	| PlannedCreate
	| PlannedUpdate
	| (Base & { action: 'unchanged'; orderId: string })
	| (Base & { action: 'error'; problem: RowProblem })

export type OrderPlan = { rows: PlannedRow[]; counts: PlanCounts }

function countRows(rows: PlannedRow[]): PlanCounts {
	const counts: PlanCounts = { create: 0, update: 0, unchanged: 0, error: 0, warning: 0 }
	for (const r of rows) {
		counts[r.action]++
		if (r.action === 'create' && r.warning) counts.warning++
	}
	return counts
}

/** Per row: create, update (only its status changed), unchanged (same digest) or error, and a warning for orders nobody holds yet. */
export async function previewOrders(incoming: IncomingOrder[]): Promise<OrderPlan> {
	const valid = incoming.flatMap((i) => (i.order ? [i.order] : []))
	const stored = new Map((await storedOrders(valid.map((o) => o.externalId))).map((o) => [o.externalId, o]))
	const fresh = valid.filter((o) => !stored.has(o.externalId))
	const [memberOf, coupons, takenCodes] = await Promise.all([
		membersByContact(fresh.flatMap((o) => (o.email ? [o.email] : [])), fresh.flatMap((o) => (o.phone ? [o.phone] : []))),
		couponsByCode(fresh.flatMap((o) => (o.couponCode && looksLikeQuanziCoupon(o.couponCode) ? [o.couponCode] : []))),
		claimCodesTaken(fresh.flatMap((o) => (o.claimCode ? [o.claimCode] : []))),
	])
	// Claim codes and coupons are each one order's: a second order in the same file naming one is refused.
	const claimRow = new Map<string, number>()
	const couponRow = new Map<string, number>()

	const rows = incoming.map((item): PlannedRow => {
		const base = { row: item.row, id: item.id }
		if (!item.order) return { ...base, action: 'error', problem: item.problem }
		const order = item.order
		const digest = orderDigest(order)
		const existing = stored.get(order.externalId)
		if (existing) {
			if (existing.digest === digest) return { ...base, action: 'unchanged', orderId: existing.id }
			const field = changedField(existing, order)
			if (field) return { ...base, action: 'error', problem: { key: 'orders.row.changed', params: { order: order.externalId, field } } }
			if (existing.status !== 'paid' && order.status === 'paid') {
				return { ...base, action: 'error', problem: { key: 'orders.row.reopen', params: { order: order.externalId, status: existing.status } } }
			}
			return { ...base, action: 'update', order, digest, orderId: existing.id, oldDigest: existing.digest, fromStatus: existing.status as OrderStatus, memberId: existing.memberId }
		}

		if (order.claimCode) {
			const takenBy = takenCodes.get(order.claimCode)
			if (takenBy) return { ...base, action: 'error', problem: { key: 'orders.row.claimCodeTaken', params: { code: order.claimCode, order: takenBy } } }
			const first = claimRow.get(order.claimCode)
			if (first !== undefined) return { ...base, action: 'error', problem: { key: 'orders.row.duplicateClaimCode', params: { code: order.claimCode, row: first } } }
		}
		let memberId = memberOf(order.email, order.phone)
		const quanziCoupon = order.couponCode && looksLikeQuanziCoupon(order.couponCode) ? order.couponCode : null
		if (quanziCoupon) {
			const first = couponRow.get(quanziCoupon)
			if (first !== undefined) return { ...base, action: 'error', problem: { key: 'orders.row.duplicateCoupon', params: { code: quanziCoupon, row: first } } }
			const coupon = coupons.get(quanziCoupon)
			const problem = couponProblem(quanziCoupon, coupon, order, memberId)
			if (problem) return { ...base, action: 'error', problem }
			// A coupon is its holder's: an order that used it is theirs.
			memberId ??= coupon!.userId
			couponRow.set(quanziCoupon, item.row)
		}
		if (order.claimCode) claimRow.set(order.claimCode, item.row)
		const warning: RowProblem | null = memberId
			? null
			: order.claimCode
				? { key: 'orders.warning.noMember', params: { code: order.claimCode } }
				: { key: 'orders.warning.noMemberNewCode' }
		return { ...base, action: 'create', order, digest, memberId, coupon: quanziCoupon, warning }
	})
	return { rows, counts: countRows(rows) }
}
