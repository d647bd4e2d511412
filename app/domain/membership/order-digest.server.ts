import { createHash } from 'node:crypto'
import type { OrderInput } from './order-schema.ts'

/**
 * SHA-256 of the order as normalized: the same order again (the same file re-imported, a
 * webhook retried, a CSV row later pushed by the webhook) has the same digest and changes
 * nothing. Lines are sorted, so the shop listing them in another order is no change either.
 */
export function orderDigest(order: OrderInput): string {
	const lines = order.lines
		.map((l) => [l.sku, l.quantity, l.unitCents] as const)
		.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]))
	const canonical = [
		order.externalId,
		order.placedAt.toISOString(),
		order.email,
		order.phone,
		order.claimCode,
		order.status,
		order.totalCents,
		order.couponCode,
		order.ref,
		lines,
	]
	return createHash('sha256').update(JSON.stringify(canonical)).digest('hex')
}

/** Which stored field differs from the incoming order, by its CSV column name; status is allowed to. */
export function changedField(
	stored: { placedAt: Date; email: string | null; phone: string | null; claimCode: string | null; totalCents: number; couponCode: string | null; ref: string | null; lines: { sku: string; quantity: number; unitCents: number }[] },
	incoming: OrderInput,
): string | null {
	if (stored.placedAt.getTime() !== incoming.placedAt.getTime()) return 'placed_at'
	if (stored.email !== incoming.email) return 'email'
	if (stored.phone !== incoming.phone) return 'phone'
	// A code Quanzi made for an order the file gave none is not a change.
	if (incoming.claimCode !== null && stored.claimCode !== incoming.claimCode) return 'claim_code'
	if (stored.totalCents !== incoming.totalCents) return 'total'
	if (stored.couponCode !== incoming.couponCode) return 'coupon'
	if (stored.ref !== incoming.ref) return 'ref'
	const key = (l: { sku: string; quantity: number; unitCents: number }) => `${l.sku}|${l.quantity}|${l.unitCents}`
	const a = stored.lines.map(key).sort().join(';')
	const b = incoming.lines.map(key).sort().join(';')
	return a === b ? null : 'items'
}
