import type { NotificationKind } from '#app/domain/notifications/notifications.server.ts'
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
 * One notification per joiner with the given join status, for each deal: a page of rows is
 * written in one statement (not one query per member), then each is announced so open tabs
 * show it live, as notify() does for one.
 */
export async function notifyJoiners(kind: NotificationKind, deals: { id: string; productName: string }[], joinStatus: 'confirmed' | 'released'): Promise<number> {
	const names = new Map(deals.map((d) => [d.id, d.productName]))
	let sent = 0
	let cursor: { dealId: string; memberId: string } | undefined
	for (;;) {
		const page = await prisma.groupDealJoin.findMany({
			where: { dealId: { in: [...names.keys()] }, status: joinStatus },
			orderBy: [{ dealId: 'asc' }, { memberId: 'asc' }],
			take: NOTIFY_PAGE,
			...(cursor ? { cursor: { dealId_memberId: cursor }, skip: 1 } : {}),
			select: { dealId: true, memberId: true },
		})
		if (page.length === 0) return sent
		const created = await prisma.notification.createManyAndReturn({
			data: page.map((j) => ({ userId: j.memberId, kind, params: JSON.stringify({ product: names.get(j.dealId) ?? '' }), link: `/deals/${j.dealId}` })),
			select: { id: true, userId: true },
		})
		for (const n of created) domainEvents.emit('notification:created', { userId: n.userId, notificationId: n.id })
		sent += created.length
		if (page.length < NOTIFY_PAGE) return sent
		cursor = page.at(-1)!
	}
}
