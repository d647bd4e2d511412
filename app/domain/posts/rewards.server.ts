import { prisma } from '#app/lib/db.server.ts'
import { award, reverseGrants } from '../points/ledger.server.ts'

// A post pays through the points ledger for being published, for its photos, for its video
// (once processed) and for being featured; never for its rating. Keys carry the post's
// reward round: hiding a post reverses what it earned and starts a new round, so a post
// staff restore can earn again without a key colliding with the reversed grants.

export const rewardRef = (postId: string) => `post:${postId}`

/** Pays whatever a published post has earned and not yet been paid. Safe to call again. */
export async function payPostRewards(postId: string): Promise<number> {
	const post = await prisma.post.findUnique({
		where: { id: postId },
		select: { authorId: true, status: true, rewardRound: true, featuredAt: true, author: { select: { role: true } }, media: { where: { status: 'ready' }, select: { kind: true } } },
	})
	// Staff posts are the shop's own content: they earn nothing.
	if (!post || post.status !== 'published' || post.author.role === 'merchant') return 0
	const key = (what: string) => `${rewardRef(postId)}:r${post.rewardRound}:${what}`
	const earned: [trigger: string, what: string][] = [['post.published', 'published']]
	if (post.media.some((m) => m.kind === 'image')) earned.push(['post.withPhotos', 'photos'])
	if (post.media.some((m) => m.kind === 'video')) earned.push(['post.withVideo', 'video'])
	if (post.featuredAt) earned.push(['post.featured', 'featured'])
	let paid = 0
	for (const [trigger, what] of earned) {
		const result = await award({ memberId: post.authorId, trigger, key: key(what), sourceRef: rewardRef(postId) })
		if (result.ok && !result.duplicate) paid += result.amount
	}
	return paid
}

/** Takes back what a post earned (staff hid or deleted it); the ledger shows each reversal. */
export function reversePostRewards(postId: string): Promise<number> {
	return reverseGrants(rewardRef(postId))
}
