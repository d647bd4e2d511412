import { prisma } from '#app/lib/db.server.ts'
import type { NotificationKind } from './kinds.ts'

// The centre (list, read) lives here; delivery (policy, caps, email) in deliver*.server.ts.
export { NOTIFICATION_KINDS, type NotificationKind } from './kinds.ts'
export { notify, type NotifyInput } from './deliver.server.ts'
export { notifyMany, type NotifyManyInput } from './deliver-many.server.ts'

export const PAGE_SIZE = 20
const MAX_PAGE_SIZE = 50

export type NotificationView = {
	id: string
	kind: NotificationKind
	params: Record<string, string | number>
	link: string | null
	read: boolean
	createdAt: string
}

export function countUnread(userId: string): Promise<number> {
	return prisma.notification.count({ where: { userId, readAt: null } })
}

type Row = { id: string; kind: string; params: string; link: string | null; readAt: Date | null; createdAt: Date }
const SELECT = { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true } as const

function toView(row: Row): NotificationView {
	return {
		id: row.id,
		kind: row.kind as NotificationKind,
		params: JSON.parse(row.params) as Record<string, string | number>,
		link: row.link,
		read: row.readAt !== null,
		createdAt: row.createdAt.toISOString(),
	}
}

/** One page, newest first; pass the last id seen as `cursor` for the next page. */
export async function listNotifications(
	userId: string,
	options: { cursor?: string | null; take?: number } = {},
): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
	const take = Math.min(Math.max(options.take ?? PAGE_SIZE, 1), MAX_PAGE_SIZE)
	const rows = await prisma.notification.findMany({
		where: { userId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: take + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: SELECT,
	})
	const page = rows.slice(0, take)
	return { items: page.map(toView), nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null }
}

/** One notification of this user (never another member's), or null. */
export async function getNotification(userId: string, id: string): Promise<NotificationView | null> {
	const row = await prisma.notification.findFirst({ where: { id, userId }, select: SELECT })
	return row ? toView(row) : null
}

export async function markAllRead(userId: string): Promise<number> {
	const { count } = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } })
	return count
}
