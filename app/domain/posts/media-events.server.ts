import { notify } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { remember } from '#app/lib/remember.ts'
import { payPostRewards } from './rewards.server.ts'

/**
 * When a post's video finishes processing: a ready video pays the video reward (if the post
 * is public); a failed one tells the author why. Registered once per process at start.
 */
export function watchPostMedia(): void {
	remember('posts-media-listener', () => {
		domainEvents.on('media:settled', ({ postId, status }) => {
			if (!postId) return
			void settle(postId, status).catch((error: unknown) => console.error('posts: media settle failed', error))
		})
		return true
	})
}

async function settle(postId: string, status: 'ready' | 'failed'): Promise<void> {
	if (status === 'ready') {
		await payPostRewards(postId)
		return
	}
	const post = await prisma.post.findUnique({ where: { id: postId }, select: { authorId: true } })
	if (post) await notify(post.authorId, { kind: 'mediaFailed', link: `/posts/${postId}` })
}
