import { hasRole } from '#app/domain/accounts/roles.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { segmentIdsOf } from '../segments/segments.server.ts'
import type { PostKind, PostStatus } from './schemas.ts'
import type { FeedTab, PostView, ReviewSort } from './views.ts'
import { verifiedPairs } from './verified.server.ts'


export const PAGE_SIZE = 20
const MAX_PAGE_SIZE = 50

export type Viewer = { id: string; role: string } | null

const SELECT = {
	id: true,
	kind: true,
	status: true,
	rating: true,
	title: true,
	body: true,
	likeCount: true,
	featuredAt: true,
	replyBody: true,
	replyAt: true,
	createdAt: true,
	editedAt: true,
	productId: true,
	author: { select: { id: true, displayName: true } },
	product: { select: { id: true, name: true } },
	media: { orderBy: { position: 'asc' }, select: { id: true, kind: true, status: true, failureReason: true, width: true, height: true, durationMs: true, placeholder: true, format: true } },
	_count: { select: { comments: { where: { status: 'published' } } } },
	segment: { select: { name: true } },
} satisfies Prisma.PostSelect
type Row = Prisma.PostGetPayload<{ select: typeof SELECT }>

export const isStaff = (viewer: Viewer) => Boolean(viewer && hasRole(viewer.role, 'merchant'))

/** Views of rows, with the viewer's likes and the verified badges in two queries for the page. */
async function toViews(rows: Row[], viewer: Viewer): Promise<PostView[]> {
	const ids = rows.map((r) => r.id)
	const [likes, verified] = await Promise.all([
		viewer && ids.length ? prisma.postLike.findMany({ where: { memberId: viewer.id, postId: { in: ids } }, select: { postId: true } }) : [],
		verifiedPairs(rows.filter((r) => r.kind === 'review').map((r) => ({ memberId: r.author.id, productId: r.productId }))),
	])
	const liked = new Set(likes.map((l) => l.postId))
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind as PostKind,
		status: r.status as PostStatus,
		author: r.author,
		product: r.product,
		rating: r.rating,
		title: r.title,
		body: r.body,
		// Others see only what is ready; the author and staff also see what is processing or failed.
		media: viewer && (viewer.id === r.author.id || isStaff(viewer)) ? r.media : r.media.filter((m) => m.status === 'ready'),
		likeCount: r.likeCount,
		commentCount: r._count.comments,
		liked: liked.has(r.id),
		featured: r.featuredAt !== null,
		verified: verified.has(`${r.author.id}:${r.productId}`),
		reply: r.replyBody && r.replyAt ? { body: r.replyBody, at: r.replyAt.toISOString() } : null,
		mine: viewer?.id === r.author.id,
		createdAt: r.createdAt.toISOString(),
		editedAt: r.editedAt?.toISOString() ?? null,
		// Which segment a post is aimed at is staff's business; members in it just see the post.
		audience: isStaff(viewer) ? (r.segment?.name ?? null) : null,
	}))
}

/**
 * Who may see a post at all, the one place that says it: in a group, a public group's posts
 * are everyone's and an invite-only group's its members'; aimed at a segment, its members'
 * (and the author's). Staff see everything. Every read of posts goes through this, lists,
 * single posts and engagement (likes, comments, reports) alike; a post outside it does not exist.
 */
export async function audienceWhere(viewer: Viewer, now = new Date()): Promise<Prisma.PostWhereInput> {
	if (isStaff(viewer)) return {}
	const groups: Prisma.PostWhereInput[] = [{ groupId: null }, { group: { visibility: 'public' } }]
	if (viewer) groups.push({ group: { members: { some: { userId: viewer.id, status: 'active' } } } })
	const segmentIds = await segmentIdsOf(viewer, now)
	const segments: Prisma.PostWhereInput[] = [{ segmentId: null }]
	if (segmentIds !== 'all' && segmentIds.size) segments.push({ segmentId: { in: [...segmentIds] } })
	if (viewer) segments.push({ authorId: viewer.id })
	return { AND: [{ OR: groups }, { OR: segments }] }
}

/** Who may open a post: everyone when published; its author also when held or hidden; staff unless deleted; and only within its audience. */
export async function visibleTo(viewer: Viewer): Promise<Prisma.PostWhereInput> {
	if (isStaff(viewer)) return { status: { not: 'deleted' } }
	const status: Prisma.PostWhereInput = viewer ? { OR: [{ status: 'published' }, { authorId: viewer.id, status: { in: ['held', 'hidden'] } }] } : { status: 'published' }
	return { AND: [status, await audienceWhere(viewer)] }
}

export async function getPost(postId: string, viewer: Viewer): Promise<(PostView & { holdReason: string | null }) | null> {
	const row = await prisma.post.findFirst({ where: { AND: [{ id: postId }, await visibleTo(viewer)] }, select: { ...SELECT, holdReason: true } })
	if (!row) return null
	const [view] = await toViews([row], viewer)
	return { ...view!, holdReason: isStaff(viewer) ? row.holdReason : null }
}

/** Where a post is aimed, for its edit form (call only for someone allowed to edit it). */
export async function postTargeting(postId: string): Promise<{ segmentId: string | null; inGroup: boolean } | null> {
	const row = await prisma.post.findUnique({ where: { id: postId }, select: { segmentId: true, groupId: true } })
	return row ? { segmentId: row.segmentId, inGroup: row.groupId !== null } : null
}

type Page = { items: PostView[]; nextCursor: string | null }

async function page(where: Prisma.PostWhereInput, orderBy: Prisma.PostOrderByWithRelationInput[], viewer: Viewer, options: { cursor?: string | null; take?: number }): Promise<Page> {
	const take = Math.min(Math.max(options.take ?? PAGE_SIZE, 1), MAX_PAGE_SIZE)
	const rows = await prisma.post.findMany({
		where: { AND: [where, await audienceWhere(viewer)] },
		orderBy: [...orderBy, { id: 'desc' }],
		take: take + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: SELECT,
	})
	const items = await toViews(rows.slice(0, take), viewer)
	return { items, nextCursor: rows.length > take ? (items.at(-1)?.id ?? null) : null }
}

/** The community feed: published posts, newest first (featured: newest featured first). */
export async function listFeed(tab: FeedTab, viewer: Viewer, options: { cursor?: string | null; take?: number } = {}): Promise<Page> {
	// Groups have their own feeds; the circle's feed is what was posted to everyone.
	const published: Prisma.PostWhereInput = { status: 'published', groupId: null }
	if (tab === 'featured') return page({ ...published, featuredAt: { not: null } }, [{ featuredAt: 'desc' }], viewer, options)
	if (tab === 'media') return page({ ...published, hasMedia: true }, [{ createdAt: 'desc' }], viewer, options)
	if (tab === 'following') {
		if (!viewer) return { items: [], nextCursor: null }
		return page({ ...published, author: { followers: { some: { followerId: viewer.id } } } }, [{ createdAt: 'desc' }], viewer, options)
	}
	return page(published, [{ createdAt: 'desc' }], viewer, options)
}

/** A product's published reviews, by newest, most helpful, or with photos/video only. */
export function listProductReviews(productId: string, sort: ReviewSort, viewer: Viewer, options: { cursor?: string | null; take?: number } = {}): Promise<Page> {
	const where: Prisma.PostWhereInput = { productId, kind: 'review', status: 'published', ...(sort === 'media' ? { hasMedia: true } : {}) }
	const orderBy: Prisma.PostOrderByWithRelationInput[] = sort === 'helpful' ? [{ likeCount: 'desc' }, { createdAt: 'desc' }] : [{ createdAt: 'desc' }]
	return page(where, orderBy, viewer, options)
}

/** A member's posts: what others see, plus their own held and hidden ones when it is them. */
export function listMemberPosts(memberId: string, viewer: Viewer, options: { cursor?: string | null; take?: number } = {}): Promise<Page> {
	const own = viewer?.id === memberId || isStaff(viewer)
	return page({ authorId: memberId, status: own ? { in: ['published', 'held', 'hidden'] } : 'published' }, [{ createdAt: 'desc' }], viewer, options)
}

/** A group's feed, newest first; call only for a viewer who may read the group (the clause in page() holds anyway). */
export function listGroupPosts(groupId: string, viewer: Viewer, options: { cursor?: string | null; take?: number } = {}): Promise<Page> {
	return page({ groupId, status: 'published' }, [{ createdAt: 'desc' }], viewer, options)
}

/** Average, count and the count per star of a product's published reviews (those for everyone: the stars are public). */
export async function ratingSummary(productId: string): Promise<{ average: number | null; count: number; histogram: Record<1 | 2 | 3 | 4 | 5, number> }> {
	const groups = await prisma.post.groupBy({ by: ['rating'], where: { productId, kind: 'review', status: 'published', segmentId: null }, _count: { _all: true } })
	const histogram = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
	let count = 0
	let sum = 0
	for (const g of groups) {
		if (!g.rating) continue
		histogram[g.rating as 1 | 2 | 3 | 4 | 5] = g._count._all
		count += g._count._all
		sum += g.rating * g._count._all
	}
	return { average: count ? Math.round((sum / count) * 10) / 10 : null, count, histogram }
}
