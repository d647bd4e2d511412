import { notify } from '#app/domain/notifications/notifications.server.ts'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { openReviewItem } from '../moderation/queue-items.server.ts'
import { screenText } from '../moderation/rules.server.ts'
import { writeRefusal, type Author, type PostRefusal } from './posts.server.ts'
import { audienceWhere, isStaff, type Viewer } from './queries.server.ts'
import type { CommentView } from './views.ts'

const isKnownError = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code

/**
 * "Helpful": one per member per post. The like row and the post's count move in one
 * transaction; a second like fails on the (post, member) key and changes nothing.
 */
export async function likePost(author: Author, postId: string): Promise<{ ok: true; likeCount: number } | PostRefusal> {
	const refused = writeRefusal(author)
	if (refused) return refused
	const post = await prisma.post.findFirst({ where: { id: postId, status: 'published', ...(await audienceWhere(author)) }, select: { authorId: true } })
	if (!post) return { ok: false, error: 'post.error.notFound' }
	if (post.authorId === author.id) return { ok: false, error: 'post.error.likeOwn' }
	try {
		await prisma.$transaction([
			prisma.postLike.create({ data: { postId, memberId: author.id }, select: { postId: true } }),
			prisma.post.update({ where: { id: postId }, data: { likeCount: { increment: 1 } }, select: { id: true } }),
		])
	} catch (error) {
		if (!isKnownError(error, 'P2002')) throw error
	}
	return { ok: true, likeCount: await likeCount(postId) }
}

export async function unlikePost(memberId: string, postId: string): Promise<{ ok: true; likeCount: number }> {
	try {
		await prisma.$transaction([
			prisma.postLike.delete({ where: { postId_memberId: { postId, memberId } }, select: { postId: true } }),
			prisma.post.update({ where: { id: postId }, data: { likeCount: { decrement: 1 } }, select: { id: true } }),
		])
	} catch (error) {
		// Not liked (or already unliked by a racing request): nothing to take back.
		if (!isKnownError(error, 'P2025')) throw error
	}
	return { ok: true, likeCount: await likeCount(postId) }
}

async function likeCount(postId: string): Promise<number> {
	return (await prisma.post.findUnique({ where: { id: postId }, select: { likeCount: true } }))?.likeCount ?? 0
}

/** A one-level comment. Screened like a post: a held comment shows only to its author and staff. */
export async function addComment(author: Author, postId: string, body: string): Promise<{ ok: true; id: string; status: 'published' | 'held' } | PostRefusal> {
	const refused = writeRefusal(author)
	if (refused) return refused
	const post = await prisma.post.findFirst({ where: { id: postId, status: 'published', ...(await audienceWhere(author)) }, select: { authorId: true, title: true } })
	if (!post) return { ok: false, error: 'post.error.notFound' }
	const screening = await screenText(author, body, 'comment')
	if (screening.decision === 'block') return { ok: false, error: 'post.error.blockedWord', params: { phrase: screening.phrase } }
	const status = screening.decision === 'hold' ? 'held' : 'published'
	const comment = await prisma.comment.create({
		data: { postId, authorId: author.id, body, status, holdReason: screening.decision === 'hold' ? screening.rules.join(',') : null },
		select: { id: true },
	})
	if (screening.decision === 'hold') await openReviewItem('comment', comment.id, screening.rules.join(','))
	else if (post.authorId !== author.id) await notify(post.authorId, { kind: 'postCommented', link: `/posts/${postId}#c-${comment.id}` })
	return { ok: true, id: comment.id, status }
}

/** A post's comments, oldest first; held ones only for their author and staff. */
export async function listComments(postId: string, viewer: Viewer, options: { cursor?: string | null; take?: number } = {}) {
	const take = Math.min(Math.max(options.take ?? 50, 1), 100)
	const where: Prisma.CommentWhereInput = isStaff(viewer)
		? { postId, status: { in: ['published', 'held'] } }
		: { postId, post: await audienceWhere(viewer), OR: [{ status: 'published' }, ...(viewer ? [{ status: 'held', authorId: viewer.id }] : [])] }
	const rows = await prisma.comment.findMany({
		where,
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
		take: take + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: { id: true, body: true, status: true, createdAt: true, author: { select: { id: true, displayName: true } } },
	})
	const page = rows.slice(0, take)
	return {
		items: page.map((c): CommentView => ({ ...c, createdAt: c.createdAt.toISOString(), mine: c.author.id === viewer?.id })),
		nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null,
	}
}

export async function deleteOwnComment(authorId: string, commentId: string): Promise<boolean> {
	const { count } = await prisma.comment.updateMany({ where: { id: commentId, authorId, status: { not: 'deleted' } }, data: { status: 'deleted' } })
	return count === 1
}

export async function follow(followerId: string, followeeId: string): Promise<{ ok: true } | PostRefusal> {
	if (followerId === followeeId) return { ok: false, error: 'member.error.followSelf' }
	const exists = await prisma.user.findUnique({ where: { id: followeeId }, select: { id: true } })
	if (!exists) return { ok: false, error: 'member.error.notFound' }
	await prisma.follow.upsert({ where: { followerId_followeeId: { followerId, followeeId } }, create: { followerId, followeeId }, update: {} })
	return { ok: true }
}

export async function unfollow(followerId: string, followeeId: string): Promise<void> {
	await prisma.follow.deleteMany({ where: { followerId, followeeId } })
}

export async function isFollowing(followerId: string, followeeId: string): Promise<boolean> {
	return (await prisma.follow.count({ where: { followerId, followeeId } })) > 0
}
