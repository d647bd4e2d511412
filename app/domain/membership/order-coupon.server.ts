import { prisma } from '#app/lib/db.server.ts'
import type { CouponFacts } from './orders-lookup.server.ts'
import type { OrderInput, RowProblem } from './order-schema.ts'
import { yuan } from './order-values.ts'

// A Quanzi coupon on an imported order: the shop took it at checkout, so here it is redeemed,
// once. The same rules are checked when the import is planned (to say why, per row) and
// enforced by the guarded update in the order's write batch (so a race cannot pass them).

/** What the coupon's minimum spend is measured against: the items' value, or the total when the lines carry no prices. */
export function spendBasis(order: OrderInput): number {
	const items = order.lines.reduce((sum, l) => sum + l.quantity * l.unitCents, 0)
	return items > 0 ? items : order.totalCents
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10)

/**
 * Why this coupon cannot go on this order, or null. memberId is who the order links to by
 * email or phone (null: nobody yet; the coupon's holder then becomes the order's member).
 */
export function couponProblem(code: string, coupon: CouponFacts | undefined, order: OrderInput, memberId: string | null, orderId?: string): RowProblem | null {
	if (!coupon) return { key: 'orders.row.couponUnknown', params: { code } }
	if (coupon.redeemedAt && coupon.orderId !== orderId) return { key: 'orders.row.couponUsed', params: { code, order: coupon.order?.externalId ?? '—' } }
	if (coupon.expiresAt < order.placedAt) return { key: 'orders.row.couponExpired', params: { code, date: isoDate(coupon.expiresAt) } }
	if (spendBasis(order) < coupon.template.minSpendCents) return { key: 'orders.row.couponMinSpend', params: { code, min: yuan(coupon.template.minSpendCents) } }
	if (memberId && coupon.userId !== memberId) return { key: 'orders.row.couponOtherMember', params: { code } }
	return null
}

/** After a write batch failed on the coupon's guard: reads the coupon again to say why. */
export async function explainCouponRefusal(code: string, order: OrderInput, memberId: string | null): Promise<RowProblem> {
	const coupon = await prisma.coupon.findUnique({
		where: { code },
		select: { code: true, userId: true, expiresAt: true, redeemedAt: true, orderId: true, order: { select: { externalId: true } }, template: { select: { minSpendCents: true } } },
	})
	return couponProblem(code, coupon ?? undefined, order, memberId) ?? { key: 'orders.row.busy', params: { order: order.externalId } }
}
