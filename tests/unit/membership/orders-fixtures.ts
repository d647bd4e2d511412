import { createHash, randomUUID } from 'node:crypto'
import { importOrders, previewOrders } from '#app/domain/membership/orders-import.server.ts'
import { parseOrdersCsv } from '#app/domain/membership/orders-csv.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { translator } from '#app/lib/i18n/index.ts'

// Orders as the console imports them: CSV text through the real parser, preview and import.

export const HEADER = 'order_id,placed_at,email,phone,claim_code,status,total,coupon,ref,items'
export const en = translator('en')
const DAY = 86_400_000
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY)

/** One placing time for rows that give none, so the same row written twice is the same order. */
const DEFAULT_PLACED_AT = daysAgo(1)

type Row = { id: string; placedAt?: Date | string; email?: string; phone?: string; claimCode?: string; status?: string; total?: string; coupon?: string; ref?: string; items?: string }

export function csv(rows: Row[]): string {
	const line = (r: Row) =>
		[r.id, r.placedAt instanceof Date ? r.placedAt.toISOString() : (r.placedAt ?? DEFAULT_PLACED_AT.toISOString()), r.email ?? '', r.phone ?? '', r.claimCode ?? '', r.status ?? '', r.total ?? '129.00', r.coupon ?? '', r.ref ?? '', r.items ?? 'TEA-01 x1 @129.00']
			.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
			.join(',')
	return [HEADER, ...rows.map(line)].join('\n') + '\n'
}

function incoming(text: string) {
	const parsed = parseOrdersCsv(new TextEncoder().encode(text))
	if (!parsed.ok) throw new Error(`file refused: ${en(parsed.problem.key, parsed.problem.params)}`)
	return parsed.orders
}

export function previewCsv(text: string) {
	return previewOrders(incoming(text))
}

export async function importCsv(text: string, options: { byId?: string } = {}) {
	const sha256 = createHash('sha256').update(text).digest('hex')
	const result = await importOrders({ incoming: incoming(text), source: 'csv', file: { name: 'orders.csv', sha256 }, byId: options.byId })
	return { ...result, messages: result.errors.map((e) => [e.id, en(e.problem.key, e.problem.params)]) }
}

export const orderOf = (externalId: string) =>
	prisma.shopOrder.findUnique({ where: { externalId }, select: { id: true, memberId: true, claimCode: true, status: true, totalCents: true, couponCode: true, linkedAt: true, source: true, importId: true } })

/** A coupon template and one coupon of it for the member, written as the coupons module writes them. */
export async function coupon(userId: string, options: { expiresAt?: Date; minSpendCents?: number } = {}) {
	const template = await prisma.couponTemplate.create({ data: { name: '¥10 off', kind: 'amount', value: 1000, minSpendCents: options.minSpendCents ?? 0, validDays: 30 }, select: { id: true } })
	const code = `QZ-${randomUUID().replace(/[^0-9a-f]/g, '').slice(0, 8).toUpperCase().replace(/[ILOU]/g, '7')}`
	await prisma.coupon.create({
		data: { templateId: template.id, userId, code, source: 'manual', key: `test:${code}`, expiresAt: options.expiresAt ?? new Date(Date.now() + 30 * DAY) },
		select: { id: true },
	})
	return code
}
