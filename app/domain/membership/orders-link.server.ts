import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { createLimiter, minutesToWait } from '#app/lib/rate-limit.server.ts'
import { normalizeClaimCode } from './order-codes.ts'
import { afterOrdersLinked } from './orders-effects.server.ts'

// An order reaches its member three ways: at import (the email or phone it was placed with,
// or the Quanzi coupon on it), when the member joins or adds a phone later (linkOrdersToMember),
// or by the claim code on the receipt (claimOrder). Each link is a guarded write on
// `memberId: null`, so an order is never moved from one member to another.

const LINKED_SELECT = { id: true, externalId: true, memberId: true, totalCents: true, status: true, placedAt: true } as const
/** Orders linked per call: a member with more waiting gets the rest on the next call. */
const MAX_LINK = 500

/**
 * Links the orders waiting for this member: unlinked orders whose email or phone match
 * theirs. Call it after sign-up and after the member's phone changes. Returns how many.
 */
export async function linkOrdersToMember(userId: string): Promise<number> {
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, phone: true } })
	if (!user) return 0
	const contact: Prisma.ShopOrderWhereInput[] = [{ email: user.email.toLowerCase() }, ...(user.phone ? [{ phone: user.phone }] : [])]
	const waiting = await prisma.shopOrder.findMany({ where: { memberId: null, OR: contact }, orderBy: { placedAt: 'asc' }, take: MAX_LINK, select: { id: true } })
	if (waiting.length === 0) return 0
	const ids = waiting.map((o) => o.id)
	const now = new Date()
	// Guarded on memberId: null, so an order claimed meanwhile by its code stays with its claimant.
	await prisma.shopOrder.updateMany({ where: { id: { in: ids }, memberId: null }, data: { memberId: userId, linkedAt: now } })
	const linked = await prisma.shopOrder.findMany({ where: { id: { in: ids }, memberId: userId }, select: LINKED_SELECT })
	await afterOrdersLinked(linked)
	return linked.length
}

// Ten tries in ten minutes per member: a 10-character code cannot be guessed at that rate.
const claimsByMember = createLimiter('orders:claim', { limit: 10, windowMs: 10 * 60_000 })

export type ClaimResult =
	| { ok: true; order: string; already: boolean }
	| { ok: false; error: MessageKey; params?: Record<string, string | number> }

/** A member enters the claim code printed on their receipt; the order becomes theirs unless it is someone else's already. */
export async function claimOrder(userId: string, rawCode: string): Promise<ClaimResult> {
	const gate = await claimsByMember.check(userId)
	if (!gate.allowed) return { ok: false, error: 'orders.claim.tooMany', params: { minutes: minutesToWait(gate.retryAfterMs) } }
	const code = normalizeClaimCode(rawCode)
	try {
		const order = await prisma.shopOrder.update({
			where: { claimCode: code, memberId: null },
			data: { memberId: userId, linkedAt: new Date() },
			select: LINKED_SELECT,
		})
		await afterOrdersLinked([order])
		return { ok: true, order: order.externalId, already: false }
	} catch (error) {
		if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025')) throw error
	}
	// The guard did not match: read again to say why.
	const order = await prisma.shopOrder.findUnique({ where: { claimCode: code }, select: { externalId: true, memberId: true } })
	if (order?.memberId === userId) return { ok: true, order: order.externalId, already: true }
	await claimsByMember.hit(userId)
	if (!order) return { ok: false, error: 'orders.claim.notFound' }
	return { ok: false, error: 'orders.claim.taken' }
}
