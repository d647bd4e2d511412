import { notify } from '#app/domain/notifications/notifications.server.ts'
import { isGroupMember } from '#app/domain/groups/membership.server.ts'
import { segmentExists } from '#app/domain/segments/segments.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { detectLowStarBurst } from '../moderation/burst.server.ts'
import { openReviewItem } from '../moderation/queue-items.server.ts'
import { BURST, screenText, type HoldRule } from '../moderation/rules.server.ts'
import { payPostRewards, reversePostRewards } from './rewards.server.ts'
import type { PostForm } from './schemas.ts'
import { isVerifiedBuyer } from './verified.server.ts'

/** A processed upload, ready to become a Media row of the post (app/domain/media/ingest). */
export type NewMedia = {
	id: string
	kind: string
	status: string
	format: string
	bytes: number
	position: number
	width: number | null
	height: number | null
	durationMs: number | null
	placeholder: string | null
}

export type PostRefusal = { ok: false; error: MessageKey; field?: string; params?: Record<string, string | number> }
export type Author = { id: string; role: string; createdAt: Date; bannedAt: Date | null }

export async function loadAuthor(userId: string): Promise<Author | null> {
	return prisma.user.findUnique({ where: { id: userId }, select: { id: true, role: true, createdAt: true, bannedAt: true } })
}

/** Whether the member may write at all, and why not. */
export function writeRefusal(author: Author): PostRefusal | null {
	return author.bannedAt ? { ok: false, error: 'post.error.banned' } : null
}

/**
 * Publishes (or holds for review) a post with its already-processed media, in one
 * transaction: the post, its media rows and, when held, its queue item. Rewards follow
 * publication; a held post earns when staff approve it.
 */
export async function createPost(author: Author, form: PostForm, media: NewMedia[]): Promise<{ ok: true; id: string; status: 'published' | 'held' } | PostRefusal> {
	const refused = writeRefusal(author)
	if (refused) return refused
	if (form.kind === 'article' && author.role !== 'merchant') return { ok: false, error: 'post.error.kind', field: 'kind' }
	if (form.groupId) {
		// A group's feed takes posts from its members; reviews stay on the product for every buyer to read.
		if (form.kind === 'review') return { ok: false, error: 'post.error.groupReview', field: 'kind' }
		if (!(await isGroupMember(form.groupId, author.id))) return { ok: false, error: 'post.error.groupMember' }
	}
	if (form.segmentId) {
		const refused = await segmentRefusal(author, form.segmentId, form.groupId ?? null)
		if (refused) return refused
	}
	const productId = form.kind === 'show' || form.kind === 'article' ? (form.productId ?? null) : form.productId!
	if (productId) {
		const product = await prisma.product.findUnique({ where: { id: productId }, select: { status: true } })
		if (!product || product.status !== 'active') return { ok: false, error: 'post.error.productMissing', field: 'productId' }
	}
	if (form.kind === 'review') {
		const mine = await prisma.post.findFirst({ where: { authorId: author.id, productId, kind: 'review', status: { not: 'deleted' } }, select: { id: true } })
		if (mine) return { ok: false, error: 'post.error.alreadyReviewed', params: { id: mine.id } }
	}

	const screening = await screenText(author, `${form.title ?? ''}\n${form.body}`, 'post')
	if (screening.decision === 'block') return { ok: false, error: 'post.error.blockedWord', params: { phrase: screening.phrase } }
	const rules: HoldRule[] = screening.decision === 'hold' ? [...screening.rules] : []
	let burst: Awaited<ReturnType<typeof detectLowStarBurst>> | null = null
	if (form.kind === 'review' && productId && form.rating! <= BURST.maxStars && author.role !== 'merchant' && !(await isVerifiedBuyer(author.id, productId))) {
		burst = await detectLowStarBurst(productId, author.id)
		if (burst.burst) rules.push('lowStarBurst')
	}

	const status = rules.length ? 'held' : 'published'
	const id = `p${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`
	const now = new Date()
	await prisma.post.create({
		data: {
			id,
			authorId: author.id,
			kind: form.kind,
			productId,
			rating: form.kind === 'review' ? form.rating! : null,
			title: form.title ?? null,
			body: form.body,
			status,
			holdReason: rules.length ? rules.join(',') : null,
			hasMedia: media.length > 0,
			groupId: form.groupId ?? null,
			segmentId: form.segmentId ?? null,
			publishedAt: status === 'published' ? now : null,
			media: { create: media.map((m) => ({ ...m, uploaderId: author.id })) },
		},
		select: { id: true },
	})
	if (status === 'held') await openReviewItem('post', id, rules.join(','))
	if (burst?.burst) await holdBurst(productId!, burst.publicIds, burst.firstOfBurst)
	if (status === 'published') await payPostRewards(id)
	return { ok: true, id, status }
}

/** Only the merchant aims a post at a segment, an existing one, and never a group's post (the group is its audience). */
async function segmentRefusal(author: Author, segmentId: string, groupId: string | null): Promise<PostRefusal | null> {
	if (author.role !== 'merchant') return { ok: false, error: 'segments.error.staffOnly' }
	if (groupId) return { ok: false, error: 'segments.error.notInGroup', field: 'segmentId' }
	if (!(await segmentExists(segmentId))) return { ok: false, error: 'segments.error.unknown', field: 'segmentId' }
	return null
}

/** Holds the earlier public reviews of a burst with the new one, and tells the merchant once. */
async function holdBurst(productId: string, publicIds: string[], alert: boolean): Promise<void> {
	if (publicIds.length) {
		await prisma.post.updateMany({ where: { id: { in: publicIds }, status: 'published' }, data: { status: 'held', holdReason: 'lowStarBurst' } })
		for (const postId of publicIds) await openReviewItem('post', postId, 'lowStarBurst')
	}
	if (!alert) return
	const [product, staff] = await Promise.all([
		prisma.product.findUnique({ where: { id: productId }, select: { name: true } }),
		prisma.user.findMany({ where: { role: 'merchant' }, select: { id: true }, take: 20 }),
	])
	for (const s of staff) await notify(s.id, { kind: 'moderationBurst', params: { product: product?.name ?? '', count: BURST.count, hours: BURST.windowHours }, link: '/console/moderation' })
}

/**
 * The author edits their own post: words, title and (for a review) the stars. Nobody else
 * can: staff hide a post but never change what a member wrote. An edit is screened again.
 */
export async function editPost(
	author: Author,
	postId: string,
	input: { rating?: number; title?: string; body: string; segmentId?: string | null },
): Promise<{ ok: true; status: string } | PostRefusal> {
	const refused = writeRefusal(author)
	if (refused) return refused
	const post = await prisma.post.findUnique({ where: { id: postId }, select: { authorId: true, kind: true, status: true, rating: true, groupId: true } })
	if (!post || post.authorId !== author.id || post.status === 'deleted') return { ok: false, error: 'post.error.notFound' }
	if (post.status === 'hidden') return { ok: false, error: 'post.error.hiddenNoEdit' }
	if (input.segmentId) {
		const segmentRefused = await segmentRefusal(author, input.segmentId, post.groupId)
		if (segmentRefused) return segmentRefused
	}
	const screening = await screenText(author, `${input.title ?? ''}\n${input.body}`, 'post')
	if (screening.decision === 'block') return { ok: false, error: 'post.error.blockedWord', params: { phrase: screening.phrase } }
	const hold = screening.decision === 'hold' && post.status === 'published'
	await prisma.post.update({
		where: { id: postId },
		data: {
			body: input.body,
			title: input.title ?? null,
			rating: post.kind === 'review' ? (input.rating ?? post.rating) : null,
			editedAt: new Date(),
			// Only staff's posts have an audience to change; "everyone" from anyone else changes nothing.
			...(input.segmentId !== undefined && author.role === 'merchant' ? { segmentId: input.segmentId } : {}),
			...(hold ? { status: 'held', holdReason: screening.rules.join(',') } : {}),
		},
	})
	if (hold) await openReviewItem('post', postId, screening.rules.join(','))
	return { ok: true, status: hold ? 'held' : post.status }
}

/**
 * The author deletes their own post. What it earned goes back too, or posting, deleting
 * and posting again would mint points.
 */
export async function deleteOwnPost(authorId: string, postId: string): Promise<boolean> {
	const { count } = await prisma.post.updateMany({ where: { id: postId, authorId, status: { not: 'deleted' } }, data: { status: 'deleted', featuredAt: null } })
	if (count === 1) await reversePostRewards(postId)
	return count === 1
}
