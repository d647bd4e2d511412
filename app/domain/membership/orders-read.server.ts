import { prisma } from '#app/lib/db.server.ts'

// What the console and the member's page show of orders. Pages are bounded.

const RECENT_IMPORTS = 10
const RECENT_ORDERS = 50
const MEMBER_PAGE = 20

export function listRecentImports() {
	return prisma.orderImport.findMany({
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: RECENT_IMPORTS,
		select: { id: true, fileName: true, rows: true, created: true, updated: true, unchanged: true, failed: true, createdAt: true },
	})
}

/** The last orders placed, for the merchant: who holds each, or the code it can be claimed with. */
export function listRecentOrders() {
	return prisma.shopOrder.findMany({
		orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
		take: RECENT_ORDERS,
		select: {
			id: true, externalId: true, placedAt: true, totalCents: true, status: true, couponCode: true, claimCode: true, source: true,
			member: { select: { id: true, displayName: true } },
		},
	})
}

export type MemberOrderView = {
	id: string
	externalId: string
	placedAt: Date
	totalCents: number
	status: string
	couponCode: string | null
	lines: { sku: string; quantity: number; unitCents: number; product: { id: string; name: string } | null }[]
}

/** A member's orders, newest first, with the catalogue's names for the SKUs it knows. */
export async function listMemberOrders(userId: string, options: { cursor?: string | null } = {}): Promise<{ items: MemberOrderView[]; nextCursor: string | null }> {
	const rows = await prisma.shopOrder.findMany({
		where: { memberId: userId },
		orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
		take: MEMBER_PAGE + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: { id: true, externalId: true, placedAt: true, totalCents: true, status: true, couponCode: true, lines: { select: { sku: true, quantity: true, unitCents: true }, take: 50 } },
	})
	const page = rows.slice(0, MEMBER_PAGE)
	const skus = [...new Set(page.flatMap((o) => o.lines.map((l) => l.sku)))]
	const products = skus.length > 0 ? await prisma.product.findMany({ where: { sku: { in: skus } }, select: { id: true, name: true, sku: true } }) : []
	const bySku = new Map(products.map((p) => [p.sku, { id: p.id, name: p.name }]))
	return {
		items: page.map((o) => ({ ...o, lines: o.lines.map((l) => ({ ...l, product: bySku.get(l.sku) ?? null })) })),
		nextCursor: rows.length > MEMBER_PAGE ? (page.at(-1)?.id ?? null) : null,
	}
}
