import { decidePost, type Decision } from '#app/domain/moderation/decisions.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { GroupRefusal } from './groups.server.ts'
import { groupStanding, type GroupViewer } from './membership.server.ts'

const QUEUE_MAX = 100

/**
 * The leader's queue: the group's posts waiting in the moderation queue (held by a rule or
 * reported), oldest first. The merchant sees the same items in the console's queue and may
 * decide either place; every decision is logged there.
 */
export async function listGroupQueue(groupId: string) {
	const items = await prisma.reviewItem.findMany({ where: { targetType: 'post', status: 'open' }, orderBy: { openedAt: 'asc' }, take: 500, select: { targetId: true, reasons: true, reportCount: true, openedAt: true } })
	if (items.length === 0) return []
	const posts = await prisma.post.findMany({
		where: { id: { in: items.map((i) => i.targetId) }, groupId, status: { in: ['published', 'held'] } },
		select: { id: true, body: true, status: true, createdAt: true, author: { select: { id: true, displayName: true } } },
	})
	const byId = new Map(posts.map((p) => [p.id, p]))
	return items
		.filter((i) => byId.has(i.targetId))
		.slice(0, QUEUE_MAX)
		.map((i) => {
			const post = byId.get(i.targetId)!
			return { postId: post.id, body: post.body.slice(0, 280), status: post.status, author: post.author, reasons: i.reasons.split(',').filter(Boolean), reportCount: i.reportCount, openedAt: i.openedAt.toISOString() }
		})
}

/** The leader, a helper or the merchant decides on a post of this group (and only of this group). */
export async function decideGroupPost(actor: NonNullable<GroupViewer>, groupId: string, postId: string, decision: Decision): Promise<{ ok: true } | GroupRefusal> {
	const [standing, post] = await Promise.all([groupStanding(groupId, actor), prisma.post.findUnique({ where: { id: postId }, select: { groupId: true } })])
	if (!standing.manages) return { ok: false, error: 'groups.error.managersOnly', status: 403 }
	if (!post || post.groupId !== groupId) return { ok: false, error: 'groups.error.noPost', status: 404 }
	return (await decidePost(actor.id, postId, decision)) ? { ok: true } : { ok: false, error: 'groups.error.alreadyDecided', status: 409 }
}
