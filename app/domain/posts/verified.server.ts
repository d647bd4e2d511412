import { prisma } from '#app/lib/db.server.ts'

// "Verified buyer": the author has a paid order from the shop with a line of the reviewed
// product's SKU. Orders arrive through the membership capability's import; this check
// only reads them. Refunded and cancelled orders do not count.

/** Which of the (member, product) pairs are verified, as a set of `${memberId}:${productId}`. */
export async function verifiedPairs(pairs: { memberId: string; productId: string | null }[]): Promise<Set<string>> {
	const wanted = pairs.filter((p): p is { memberId: string; productId: string } => Boolean(p.productId))
	if (wanted.length === 0) return new Set()
	const products = await prisma.product.findMany({ where: { id: { in: [...new Set(wanted.map((p) => p.productId))] } }, select: { id: true, sku: true } })
	const skuOf = new Map(products.map((p) => [p.id, p.sku]))
	const lines = await prisma.shopOrderLine.findMany({
		where: {
			sku: { in: [...new Set(products.map((p) => p.sku))] },
			order: { status: 'paid', memberId: { in: [...new Set(wanted.map((p) => p.memberId))] } },
		},
		select: { sku: true, order: { select: { memberId: true } } },
	})
	const bought = new Set(lines.map((l) => `${l.order.memberId}:${l.sku}`))
	return new Set(wanted.filter((p) => bought.has(`${p.memberId}:${skuOf.get(p.productId)}`)).map((p) => `${p.memberId}:${p.productId}`))
}

export async function isVerifiedBuyer(memberId: string, productId: string): Promise<boolean> {
	return (await verifiedPairs([{ memberId, productId }])).size === 1
}
