import { notifyMany, type NotificationKind } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { logError } from '#app/lib/log.server.ts'
import type { DealProgressPush, DealStatus } from './views.ts'

const NOTIFY_PAGE = 500

type DealCounts = { id: string; joined: number; target: number; cap: number; status: string }

/** Tells the deal's room (`public:deal:<id>`) where it stands; call only after the change is saved. */
export function announceProgress(deal: DealCounts): DealProgressPush {
	const push: DealProgressPush = { dealId: deal.id, joined: deal.joined, target: deal.target, cap: deal.cap, status: deal.status as DealStatus }
	try {
		domainEvents.emit('deal:progress', push)
	} catch (error) {
		// A listener's bug must not turn a saved join into an error for the member.
		logError('deal:progress-listener', error, { dealId: deal.id })
	}
	return push
}

/** Reads the deal's counts as saved now and announces them. */
export async function announceSaved(dealId: string): Promise<DealProgressPush | null> {
	const deal = await prisma.groupDeal.findUnique({ where: { id: dealId }, select: { id: true, joined: true, target: true, cap: true, status: true } })
	return deal ? announceProgress(deal) : null
}

/**
 * Tells each joiner with the given join status, deal by deal, a page of members at a time
 * through notifyMany (the members' switches and the email outbox apply; once-only per deal and
 * kind, so a retried settle never tells anyone twice).
 */
export async function notifyJoiners(kind: NotificationKind, deals: { id: string; productName: string }[], joinStatus: 'confirmed' | 'released'): Promise<number> {
	let sent = 0
	// NOTE: deal by deal, since each deal's notification has its own text and link; a settle run
	// rarely ends more than a few deals at once, and each page of joiners costs a handful of queries.
	for (const deal of deals) {
		let cursor: string | undefined
		for (;;) {
			const page = await prisma.groupDealJoin.findMany({
				where: { dealId: deal.id, status: joinStatus, ...(cursor ? { memberId: { gt: cursor } } : {}) },
				orderBy: { memberId: 'asc' },
				take: NOTIFY_PAGE,
				select: { memberId: true },
			})
			if (page.length === 0) break
			sent += await notifyMany(
				page.map((j) => j.memberId),
				{ kind, params: { product: deal.productName }, link: `/deals/${deal.id}`, keyPrefix: `deal:${deal.id}:${kind}:` },
			)
			if (page.length < NOTIFY_PAGE) break
			cursor = page.at(-1)!.memberId
		}
	}
	return sent
}
