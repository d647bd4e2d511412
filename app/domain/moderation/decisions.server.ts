import { notify } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { payPostRewards, reversePostRewards } from '../posts/rewards.server.ts'
import { auditStatement, logAction } from './audit.server.ts'
import type { TargetType } from './queue-items.server.ts'

// Staff decisions on posts and comments, from the queue or from the post itself. Each one
// is logged; none changes what a member wrote. Hiding a post reverses what it earned by a
// ledger entry and starts a new reward round, so approving it again pays again.

export const DECISIONS = ['approve', 'hide', 'delete'] as const
export type Decision = (typeof DECISIONS)[number]

const FROM: Record<Decision, string[]> = {
	approve: ['held', 'hidden', 'published'],
	hide: ['published', 'held'],
	delete: ['published', 'held', 'hidden'],
}
const TO: Record<Decision, string> = { approve: 'published', hide: 'hidden', delete: 'deleted' }

export async function decidePost(staffId: string, postId: string, decision: Decision): Promise<boolean> {
	const post = await prisma.post.findUnique({ where: { id: postId }, select: { status: true, authorId: true, publishedAt: true } })
	if (!post || !FROM[decision].includes(post.status)) return false
	const removing = decision !== 'approve'
	const [updated] = await prisma.$transaction([
		// The status in the WHERE makes a racing second decision a no-op.
		prisma.post.updateMany({
			where: { id: postId, status: post.status },
			data: {
				status: TO[decision],
				holdReason: null,
				...(removing ? { featuredAt: null, rewardRound: { increment: 1 } } : { publishedAt: post.publishedAt ?? new Date() }),
			},
		}),
		auditStatement({ actorId: staffId, action: `post.${decision}`, targetType: 'post', targetId: postId, detail: { from: post.status } }),
		closeStatement('post', postId, staffId, decision),
	])
	if (updated.count === 0) return false
	if (removing) {
		await reversePostRewards(postId)
		if (post.status === 'published') await notify(post.authorId, { kind: 'postHidden', link: `/posts/${postId}` })
	} else {
		const paid = await payPostRewards(postId)
		if (post.status !== 'published') await notify(post.authorId, { kind: 'postPublished', params: { points: paid }, link: `/posts/${postId}` })
	}
	return true
}

export async function decideComment(staffId: string, commentId: string, decision: Decision): Promise<boolean> {
	const comment = await prisma.comment.findUnique({ where: { id: commentId }, select: { status: true } })
	if (!comment || !FROM[decision].includes(comment.status)) return false
	const [updated] = await prisma.$transaction([
		prisma.comment.updateMany({ where: { id: commentId, status: comment.status }, data: { status: TO[decision], holdReason: null } }),
		auditStatement({ actorId: staffId, action: `comment.${decision}`, targetType: 'comment', targetId: commentId, detail: { from: comment.status } }),
		closeStatement('comment', commentId, staffId, decision),
	])
	return updated.count === 1
}

function closeStatement(targetType: TargetType, targetId: string, staffId: string, decision: Decision) {
	return prisma.reviewItem.updateMany({
		where: { targetType, targetId, status: 'open' },
		data: { status: 'closed', decision, closedAt: new Date(), closedById: staffId },
	})
}

/** Decides many queue items at once (bulk actions); returns how many changed. */
export async function decideItems(staffId: string, itemIds: string[], decision: Decision): Promise<number> {
	const items = await prisma.reviewItem.findMany({ where: { id: { in: itemIds.slice(0, 100) }, status: 'open' }, select: { targetType: true, targetId: true } })
	let changed = 0
	for (const item of items) {
		const done = item.targetType === 'post' ? await decidePost(staffId, item.targetId, decision) : await decideComment(staffId, item.targetId, decision)
		if (done) changed++
	}
	return changed
}

/** A warning: the member is told which rule they broke; the log keeps it. */
export async function warnMember(staffId: string, memberId: string, about: { targetType: TargetType; targetId: string }): Promise<void> {
	await notify(memberId, { kind: 'moderationWarning', link: about.targetType === 'post' ? `/posts/${about.targetId}` : undefined })
	await logAction({ actorId: staffId, action: 'member.warn', targetType: 'member', targetId: memberId, detail: about })
}

/** Banned members can still sign in, read and use their points, but no longer post, comment, like or report. */
export async function setBanned(staffId: string, memberId: string, banned: boolean): Promise<boolean> {
	const { count } = await prisma.user.updateMany({
		where: { id: memberId, role: { not: 'merchant' }, bannedAt: banned ? null : { not: null } },
		data: { bannedAt: banned ? new Date() : null },
	})
	if (count === 1) await logAction({ actorId: staffId, action: banned ? 'member.ban' : 'member.unban', targetType: 'member', targetId: memberId })
	return count === 1
}
