import { notify } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { auditStatement } from '../moderation/audit.server.ts'
import { payPostRewards } from './rewards.server.ts'

// What the merchant does to show the best of the circle. Featuring is for helpfulness and
// media, whatever the stars: a two-star review with clear photos can be the most useful
// one on the page.

/** Features a published post and pays its author the featured reward (once per round). */
export async function featurePost(staffId: string, postId: string): Promise<boolean> {
	const updated = await prisma.post.updateMany({ where: { id: postId, status: 'published', featuredAt: null }, data: { featuredAt: new Date() } })
	if (updated.count === 0) return false
	await auditStatement({ actorId: staffId, action: 'post.feature', targetType: 'post', targetId: postId })
	const paid = await payPostRewards(postId)
	const post = await prisma.post.findUnique({ where: { id: postId }, select: { authorId: true } })
	if (post && post.authorId !== staffId) await notify(post.authorId, { kind: 'postFeatured', params: { points: paid }, link: `/posts/${postId}` })
	return true
}

export async function unfeaturePost(staffId: string, postId: string): Promise<boolean> {
	const updated = await prisma.post.updateMany({ where: { id: postId, featuredAt: { not: null } }, data: { featuredAt: null } })
	if (updated.count === 1) await auditStatement({ actorId: staffId, action: 'post.unfeature', targetType: 'post', targetId: postId })
	return updated.count === 1
}

/** The merchant's public reply under a post (a second reply replaces the first). */
export async function replyToPost(staffId: string, postId: string, body: string): Promise<boolean> {
	const updated = await prisma.post.updateMany({ where: { id: postId, status: 'published' }, data: { replyBody: body, replyAt: new Date(), replyById: staffId } })
	if (updated.count === 0) return false
	await auditStatement({ actorId: staffId, action: 'post.reply', targetType: 'post', targetId: postId, detail: { body } })
	const post = await prisma.post.findUnique({ where: { id: postId }, select: { authorId: true } })
	if (post && post.authorId !== staffId) await notify(post.authorId, { kind: 'postReplied', link: `/posts/${postId}` })
	return true
}
