import { prisma } from '#app/lib/db.server.ts'

// The reads an import plans with, each one query per chunk of a file (never one per row).

/** Values per IN (...) list: well under SQLite's bound-parameter limit. */
const CHUNK = 500

export async function inChunks<T, R>(items: T[], read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
	const unique = [...new Set(items)]
	const out: R[] = []
	for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await read(unique.slice(i, i + CHUNK))))
	return out
}

export type StoredOrder = Awaited<ReturnType<typeof storedOrders>>[number]

/** The orders already here with these shop ids, with what an update compares. */
export function storedOrders(externalIds: string[]) {
	return inChunks(externalIds, (ids) =>
		prisma.shopOrder.findMany({
			where: { externalId: { in: ids } },
			select: {
				id: true, externalId: true, memberId: true, email: true, phone: true, claimCode: true, couponCode: true,
				totalCents: true, status: true, placedAt: true, ref: true, digest: true,
				lines: { select: { sku: true, quantity: true, unitCents: true } },
			},
		}),
	)
}

/**
 * Members by the email or phone an order was placed with. An email match wins over a phone
 * match: an email is the member's own, a phone may be a household's.
 */
export async function membersByContact(emails: string[], phones: string[]) {
	const [byEmailRows, byPhoneRows] = await Promise.all([
		inChunks(emails, (chunk) => prisma.user.findMany({ where: { email: { in: chunk } }, select: { id: true, email: true } })),
		inChunks(phones, (chunk) => prisma.user.findMany({ where: { phone: { in: chunk } }, select: { id: true, phone: true } })),
	])
	const byEmail = new Map(byEmailRows.map((u) => [u.email, u.id]))
	const byPhone = new Map(byPhoneRows.map((u) => [u.phone!, u.id]))
	return (email: string | null, phone: string | null): string | null => (email && byEmail.get(email)) || (phone && byPhone.get(phone)) || null
}

export type CouponFacts = Awaited<ReturnType<typeof couponsByCode>> extends Map<string, infer C> ? C : never

/** Quanzi coupons by code, with what redeeming one on an order depends on. */
export async function couponsByCode(codes: string[]) {
	const rows = await inChunks(codes, (chunk) =>
		prisma.coupon.findMany({
			where: { code: { in: chunk } },
			select: { code: true, userId: true, expiresAt: true, redeemedAt: true, orderId: true, order: { select: { externalId: true } }, template: { select: { minSpendCents: true } } },
		}),
	)
	return new Map(rows.map((c) => [c.code, c]))
}

/** Which of these claim codes other orders already carry, and which order carries each. */
export async function claimCodesTaken(codes: string[]) {
	const rows = await inChunks(codes, (chunk) => prisma.shopOrder.findMany({ where: { claimCode: { in: chunk } }, select: { claimCode: true, externalId: true } }))
	return new Map(rows.map((r) => [r.claimCode!, r.externalId]))
}
