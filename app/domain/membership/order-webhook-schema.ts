import { z } from 'zod'
import { markDuplicateIds, validateOrder, type IncomingOrder } from './order-schema.ts'

// The webhook's body. zod checks its shape (a wrong type or a missing field is a 400 naming
// the path); the values are then checked order by order with the CSV's own rules, so one bad
// order is reported in `errors` while the rest import.

export const WEBHOOK_MAX_ORDERS = 500
export const WEBHOOK_MAX_BYTES = 1024 * 1024
export const SIGNATURE_HEADER = 'X-Quanzi-Signature'
export const TIMESTAMP_HEADER = 'X-Quanzi-Timestamp'
/** A delivery signed more than this far from our clock is refused (and its signature forgotten after twice that). */
export const TIMESTAMP_TOLERANCE_S = 5 * 60

const optionalText = z.string().max(300).nullish()

export const WebhookLineSchema = z.object({ sku: z.string().max(64), quantity: z.number().int(), unitCents: z.number().int() }).strict()
export const WebhookOrderSchema = z
	.object({
		id: z.string().max(64),
		placedAt: z.string().max(40),
		email: optionalText,
		phone: optionalText,
		claimCode: optionalText,
		status: optionalText,
		totalCents: z.number().int(),
		coupon: optionalText,
		ref: optionalText,
		lines: z.array(WebhookLineSchema).max(200),
	})
	.strict()
export const WebhookBodySchema = z.object({ orders: z.array(WebhookOrderSchema).min(1).max(WEBHOOK_MAX_ORDERS) }).strict()
export type WebhookBody = z.infer<typeof WebhookBodySchema>

/** The delivery's orders, checked; `row` is the order's place in the list, from 1. */
export function incomingFromWebhook(body: WebhookBody, now = new Date()): IncomingOrder[] {
	const orders = body.orders.map((o, i): IncomingOrder => {
		const checked = validateOrder({ ...o, total: { cents: o.totalCents }, items: { lines: o.lines } }, now)
		return checked.ok ? { row: i + 1, id: o.id, order: checked.order } : { row: i + 1, id: o.id, problem: checked.problem }
	})
	return markDuplicateIds(orders)
}
