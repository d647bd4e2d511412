import { z } from 'zod'
import { normalizePhone } from '#app/domain/accounts/phone.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { looksLikeQuanziCoupon, normalizeClaimCode } from './order-codes.ts'
import { parseItems, parsePlacedAt, parseYuan, yuan } from './order-values.ts'

// What an order from the shop is, however it arrives (a CSV row or a webhook delivery): the
// same checks and the same messages, so a merchant who moves from files to the webhook sees
// the same rules. Plain TypeScript (no server imports): the console shows these limits too.

/** The CSV columns, in the order of the example file. The header may list them in any order. */
export const CSV_COLUMNS = ['order_id', 'placed_at', 'email', 'phone', 'claim_code', 'status', 'total', 'coupon', 'ref', 'items'] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['order_id', 'placed_at', 'total', 'items']
export const EXPECTED_HEADER = CSV_COLUMNS.join(',')

export const MB = 1024 * 1024
/** A shop's month of orders fits well inside both limits; bigger files are split. */
export const MAX_CSV_BYTES = 10 * MB
export const MAX_CSV_ROWS = 50_000
export const MAX_LINES_PER_ORDER = 200

export const ORDER_STATUSES = ['paid', 'refunded', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export type OrderLineInput = { sku: string; quantity: number; unitCents: number }
/** An order checked and normalized: what is stored, and what its digest is taken of. */
export type OrderInput = {
	externalId: string
	placedAt: Date
	email: string | null
	phone: string | null
	claimCode: string | null
	status: OrderStatus
	totalCents: number
	couponCode: string | null
	ref: string | null
	lines: OrderLineInput[]
}

export type Params = Record<string, string | number>
export type RowProblem = { key: MessageKey; params?: Params }
/** One order as it came in: `row` is its spreadsheet row (the header is row 1) or its place in a delivery. */
export type IncomingOrder = { row: number; id: string; order: OrderInput; problem?: undefined } | { row: number; id: string; problem: RowProblem; order?: undefined }

/** An order's fields as text (a CSV row) or already typed (a webhook delivery). */
export type RawOrder = {
	id: string
	placedAt: string
	email?: string | null
	phone?: string | null
	claimCode?: string | null
	status?: string | null
	coupon?: string | null
	ref?: string | null
	total: { text: string } | { cents: number }
	items: { text: string } | { lines: OrderLineInput[] }
}

const EmailSchema = z.string().email().max(254)
const SKU = /^[A-Za-z0-9._-]{1,64}$/
const MAX_TOTAL_CENTS = 1_000_000_000
/** The shop's clock may run a little ahead of ours; a day ahead is a wrong date. */
const FUTURE_SLACK_MS = 24 * 3600_000

const blank = (value: string | null | undefined) => (value ?? '').trim()
const fail = (key: MessageKey, params?: Params) => ({ ok: false as const, problem: { key, params } })

function checkLines(lines: OrderLineInput[]): RowProblem | null {
	if (lines.length === 0) return { key: 'orders.row.itemsMissing' }
	if (lines.length > MAX_LINES_PER_ORDER) return { key: 'orders.row.itemsTooMany', params: { max: MAX_LINES_PER_ORDER } }
	for (const line of lines) {
		const ok = SKU.test(line.sku) && Number.isInteger(line.quantity) && line.quantity >= 1 && line.quantity <= 9999
			&& Number.isInteger(line.unitCents) && line.unitCents >= 0 && line.unitCents <= MAX_TOTAL_CENTS
		if (!ok) return { key: 'orders.row.itemsInvalid', params: { item: `${line.sku} x${line.quantity} @${yuan(line.unitCents)}` } }
	}
	return null
}

/** Checks one order field by field, in the CSV's column order; the first problem is reported. */
export function validateOrder(raw: RawOrder, now = new Date()): { ok: true; order: OrderInput } | { ok: false; problem: RowProblem } {
	const externalId = blank(raw.id)
	if (!externalId) return fail('orders.row.idMissing')
	if (externalId.length > 64 || /[\u0000-\u001f\u007f]/.test(externalId)) return fail('orders.row.idInvalid', { value: externalId.slice(0, 64) })

	const dateText = blank(raw.placedAt)
	if (!dateText) return fail('orders.row.dateMissing')
	const placedAt = parsePlacedAt(dateText)
	if (!placedAt) return fail('orders.row.dateInvalid', { value: dateText })
	if (placedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) return fail('orders.row.dateFuture', { value: dateText })

	const emailText = blank(raw.email).toLowerCase()
	if (emailText && !EmailSchema.safeParse(emailText).success) return fail('orders.row.emailInvalid', { value: emailText })
	const phoneText = blank(raw.phone)
	const phone = phoneText ? normalizePhone(phoneText) : null
	if (phoneText && !phone) return fail('orders.row.phoneInvalid', { value: phoneText })
	const claimText = blank(raw.claimCode)
	const claimCode = claimText ? normalizeClaimCode(claimText) : null
	if (claimCode && !/^[0-9A-Z-]{4,32}$/.test(claimCode)) return fail('orders.row.claimCodeInvalid', { value: claimText })

	const statusText = blank(raw.status).toLowerCase()
	const status = statusText === '' ? 'paid' : statusText === 'canceled' ? 'cancelled' : statusText
	if (!(ORDER_STATUSES as readonly string[]).includes(status)) return fail('orders.row.statusInvalid', { value: statusText })

	let totalCents: number
	if ('text' in raw.total) {
		const text = blank(raw.total.text)
		if (!text) return fail('orders.row.totalMissing')
		const total = parseYuan(text)
		if (total === 'negative') return fail('orders.row.totalNegative', { value: text })
		if (total === 'invalid' || total > MAX_TOTAL_CENTS) return fail('orders.row.totalInvalid', { value: text })
		totalCents = total
	} else {
		totalCents = raw.total.cents
		if (totalCents < 0) return fail('orders.row.totalNegative', { value: yuan(totalCents) })
		if (!Number.isInteger(totalCents) || totalCents > MAX_TOTAL_CENTS) return fail('orders.row.totalInvalid', { value: String(totalCents) })
	}

	const couponText = blank(raw.coupon)
	if (couponText.length > 64) return fail('orders.row.couponInvalid', { value: couponText.slice(0, 64) })
	const couponCode = couponText ? (looksLikeQuanziCoupon(couponText) ? couponText.toUpperCase() : couponText) : null
	const ref = blank(raw.ref) || null
	if (ref && ref.length > 100) return fail('orders.row.refInvalid')

	let lines: OrderLineInput[]
	if ('text' in raw.items) {
		const parsed = parseItems(raw.items.text)
		if (!Array.isArray(parsed)) return { ok: false, problem: parsed }
		lines = parsed
	} else {
		lines = raw.items.lines
	}
	const lineProblem = checkLines(lines)
	if (lineProblem) return { ok: false, problem: lineProblem }

	return {
		ok: true,
		order: { externalId, placedAt, email: emailText || null, phone, claimCode, status: status as OrderStatus, totalCents, couponCode, ref, lines },
	}
}

/**
 * The same order id twice in one file or delivery is a mistake in it: every repeat after the
 * first is refused, naming the row of the first. (Claim codes and coupons repeated across
 * orders are caught by the preview, which also checks them against the database.)
 */
export function markDuplicateIds(orders: IncomingOrder[]): IncomingOrder[] {
	const firstRow = new Map<string, number>()
	return orders.map((o) => {
		if (!o.id) return o
		const first = firstRow.get(o.id)
		if (first === undefined) {
			firstRow.set(o.id, o.row)
			return o
		}
		return { row: o.row, id: o.id, problem: { key: 'orders.row.duplicateId', params: { id: o.id, row: first } } }
	})
}

/** The member's "claim an order" form. */
export const ClaimOrderSchema = z.object({
	code: z.string({ required_error: 'orders.claim.codeRequired' }).trim().min(1, 'orders.claim.codeRequired').max(40, 'orders.claim.notFound'),
})
