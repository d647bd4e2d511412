import { notify } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'

// "Running low on green tea?": a product the merchant says lasts N days (Product.repurchaseDays)
// earns its buyer one reminder N days after a paid order, unless they have bought it again
// since. Each reminder's notification key is its order and SKU, so an hourly job reminds once.

const DAY = 86_400_000
/** A reminder more than this late is not sent: turning reminders on must not spam old history. */
const LATE_DAYS = 30
const PAGE_SIZE = 200
const MAX_PAGES = 50
const MAX_PRODUCTS = 1000

type DueLine = { orderId: string; memberId: string; sku: string; placedAt: Date }

/** Of the due lines, those whose member has not ordered the same SKU again since (one query for the page). */
async function notReordered(due: DueLine[]): Promise<DueLine[]> {
	if (due.length === 0) return []
	const since = new Date(Math.min(...due.map((d) => d.placedAt.getTime())))
	const later = await prisma.shopOrderLine.findMany({
		where: {
			sku: { in: [...new Set(due.map((d) => d.sku))] },
			order: { status: 'paid', memberId: { in: [...new Set(due.map((d) => d.memberId))] }, placedAt: { gt: since } },
		},
		select: { sku: true, order: { select: { memberId: true, placedAt: true } } },
	})
	const latest = new Map<string, number>()
	for (const l of later) {
		const key = `${l.order.memberId}:${l.sku}`
		latest.set(key, Math.max(latest.get(key) ?? 0, l.order.placedAt.getTime()))
	}
	return due.filter((d) => (latest.get(`${d.memberId}:${d.sku}`) ?? 0) <= d.placedAt.getTime())
}

/** Sends the reminders that are due now; returns how many were delivered. Safe to run often. */
export async function sendRepurchaseReminders(now = new Date()): Promise<number> {
	const products = await prisma.product.findMany({
		where: { repurchaseDays: { not: null }, status: 'active' },
		orderBy: { id: 'asc' },
		take: MAX_PRODUCTS,
		select: { id: true, name: true, sku: true, repurchaseDays: true },
	})
	if (products.length === 0) return 0
	const bySku = new Map(products.map((p) => [p.sku, p]))
	const days = products.map((p) => p.repurchaseDays!)
	// One window wide enough for every product; each line is then held to its own product's days.
	const from = new Date(now.getTime() - (Math.max(...days) + LATE_DAYS) * DAY)
	const to = new Date(now.getTime() - Math.min(...days) * DAY)
	let sent = 0
	let cursor: string | null = null
	for (let page = 0; page < MAX_PAGES; page++) {
		const lines: { id: string; sku: string; order: { id: string; memberId: string | null; placedAt: Date } }[] = await prisma.shopOrderLine.findMany({
			where: { sku: { in: [...bySku.keys()] }, order: { status: 'paid', memberId: { not: null }, placedAt: { gte: from, lte: to } } },
			orderBy: { id: 'asc' },
			take: PAGE_SIZE,
			...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
			select: { id: true, sku: true, order: { select: { id: true, memberId: true, placedAt: true } } },
		})
		if (lines.length === 0) break
		cursor = lines.at(-1)!.id
		const due = lines.flatMap((l): DueLine[] => {
			const dueAt = l.order.placedAt.getTime() + bySku.get(l.sku)!.repurchaseDays! * DAY
			const inWindow = dueAt <= now.getTime() && now.getTime() <= dueAt + LATE_DAYS * DAY
			return inWindow ? [{ orderId: l.order.id, memberId: l.order.memberId!, sku: l.sku, placedAt: l.order.placedAt }] : []
		})
		for (const d of await notReordered(due)) {
			const product = bySku.get(d.sku)!
			const delivered = await notify(d.memberId, {
				kind: 'repurchaseReminder',
				params: { product: product.name },
				link: `/products/${product.id}`,
				key: `repurchase:${d.orderId}:${d.sku}`,
			})
			if (delivered) sent++
		}
		if (lines.length < PAGE_SIZE) break
	}
	return sent
}
