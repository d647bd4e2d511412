import { prisma } from '#app/lib/db.server.ts'

export type QueueEntry = {
	id: string
	targetType: 'post' | 'comment'
	targetId: string
	reasons: string[]
	reportCount: number
	openedAt: string
	target: {
		status: string
		body: string
		title: string | null
		rating: number | null
		kind: string | null
		postId: string
		author: { id: string; displayName: string; bannedAt: string | null }
		mediaIds: string[]
	} | null
	reports: { reason: string; note: string | null }[]
}

/** Open items, oldest first (what waits longest is decided first), with what they are about. */
export async function listQueue(options: { cursor?: string | null; take?: number } = {}): Promise<{ items: QueueEntry[]; nextCursor: string | null }> {
	const take = Math.min(Math.max(options.take ?? 30, 1), 100)
	const rows = await prisma.reviewItem.findMany({
		where: { status: 'open' },
		orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
		take: take + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: { id: true, targetType: true, targetId: true, reasons: true, reportCount: true, openedAt: true },
	})
	const page = rows.slice(0, take)
	const postIds = page.filter((r) => r.targetType === 'post').map((r) => r.targetId)
	const commentIds = page.filter((r) => r.targetType === 'comment').map((r) => r.targetId)
	const author = { select: { id: true, displayName: true, bannedAt: true } }
	const [posts, comments, reports] = await Promise.all([
		prisma.post.findMany({
			where: { id: { in: postIds } },
			select: { id: true, status: true, body: true, title: true, rating: true, kind: true, author, media: { where: { status: 'ready', kind: 'image' }, select: { id: true }, orderBy: { position: 'asc' }, take: 4 } },
		}),
		prisma.comment.findMany({ where: { id: { in: commentIds } }, select: { id: true, status: true, body: true, postId: true, author } }),
		prisma.report.findMany({
			where: { targetId: { in: [...postIds, ...commentIds] } },
			select: { targetId: true, reason: true, note: true },
			orderBy: { createdAt: 'asc' },
			take: 500,
		}),
	])
	const byPost = new Map(posts.map((p) => [p.id, p]))
	const byComment = new Map(comments.map((c) => [c.id, c]))
	const person = (a: { id: string; displayName: string; bannedAt: Date | null }) => ({ ...a, bannedAt: a.bannedAt?.toISOString() ?? null })
	const items = page.map((r): QueueEntry => {
		const post = r.targetType === 'post' ? byPost.get(r.targetId) : undefined
		const comment = r.targetType === 'comment' ? byComment.get(r.targetId) : undefined
		return {
			id: r.id,
			targetType: r.targetType as 'post' | 'comment',
			targetId: r.targetId,
			reasons: r.reasons.split(',').filter(Boolean),
			reportCount: r.reportCount,
			openedAt: r.openedAt.toISOString(),
			target: post
				? { status: post.status, body: post.body, title: post.title, rating: post.rating, kind: post.kind, postId: post.id, author: person(post.author), mediaIds: post.media.map((m) => m.id) }
				: comment
					? { status: comment.status, body: comment.body, title: null, rating: null, kind: null, postId: comment.postId, author: person(comment.author), mediaIds: [] }
					: null,
			reports: reports.filter((x) => x.targetId === r.targetId).map(({ reason, note }) => ({ reason, note })),
		}
	})
	return { items, nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null }
}
