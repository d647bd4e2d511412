import { notify } from '#app/domain/notifications/notifications.server.ts'
import { cancelQualifyingOrder, recordQualifyingOrder } from '#app/domain/referrals/attribution.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { yuan } from './order-values.ts'
import { refreshTiers } from './tiers.server.ts'

// What follows an order reaching a member, outside the order's own write: each step is keyed
// or idempotent (the notification by its key, the referral reward by the attribution, tiers by
// re-evaluation), so running it again after a failure pays and tells nobody twice.

export type LinkedOrder = { id: string; externalId: string; memberId: string | null; totalCents: number; status: string; placedAt: Date }

async function step(name: string, run: () => Promise<unknown>) {
	try {
		await run()
	} catch (error) {
		// One failed step (a notification refused) must not stop the others, nor undo saved orders.
		logError(`orders:${name}`, error)
	}
}

/**
 * After orders were linked to members (imported with a member, claimed, or found at sign-up)
 * and after status changes: tells each member about their paid orders, counts a referred
 * member's first order for their referrer, and re-evaluates the tiers of everyone affected.
 */
export async function afterOrdersLinked(linked: LinkedOrder[], changedMembers: (string | null)[] = [], unpaid: LinkedOrder[] = []): Promise<void> {
	const paid = linked.filter((o): o is LinkedOrder & { memberId: string } => o.memberId !== null && o.status === 'paid')
	for (const order of paid) {
		await step('notify', () =>
			notify(order.memberId, {
				kind: 'orderLinked',
				params: { order: order.externalId, total: yuan(order.totalCents) },
				link: '/me/orders',
				key: `order-linked:${order.id}`,
			}),
		)
	}
	// The referrer's reward counts a member's first order; the earliest of these is the candidate.
	const earliest = new Map<string, LinkedOrder & { memberId: string }>()
	for (const order of paid) {
		const seen = earliest.get(order.memberId)
		if (!seen || order.placedAt < seen.placedAt) earliest.set(order.memberId, order)
	}
	for (const order of earliest.values()) {
		await step('referral', () => recordQualifyingOrder({ memberId: order.memberId, orderRef: order.externalId, placedAt: order.placedAt }))
	}
	for (const order of unpaid) {
		if (order.memberId) await step('referral', () => requalify(order.memberId!, order.externalId))
	}
	const members = [...new Set([...linked.map((o) => o.memberId), ...changedMembers].filter((id): id is string => Boolean(id)))]
	if (members.length > 0) await step('tiers', () => refreshTiers(members))
}

/** A refunded or cancelled first order no longer earns the referrer; the member's earliest paid order, if any, does. */
async function requalify(memberId: string, externalId: string): Promise<void> {
	if (!(await cancelQualifyingOrder(externalId))) return
	const next = await prisma.shopOrder.findFirst({ where: { memberId, status: 'paid' }, orderBy: { placedAt: 'asc' }, select: { externalId: true, placedAt: true } })
	if (next) await recordQualifyingOrder({ memberId, orderRef: next.externalId, placedAt: next.placedAt })
}
