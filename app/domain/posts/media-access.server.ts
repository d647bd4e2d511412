import { canSeeRoom } from '#app/domain/live/access.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { isStaff, visibleTo, type Viewer } from './queries.server.ts'

/**
 * Whether a viewer may fetch a media item's renditions: the same rule as the post it
 * belongs to (a held post's photos are its author's and staff's only), a product's photos
 * unless it is a draft, a voting idea's once approved, a live room's cover whenever the room
 * is one the viewer may see (every room, bar those aimed at a segment they are not in), and
 * an item attached to nothing only for its uploader and staff.
 */
export async function canViewMedia(mediaId: string, viewer: Viewer): Promise<boolean> {
	const media = await prisma.media.findUnique({ where: { id: mediaId }, select: { uploaderId: true, postId: true, productId: true, candidateId: true, roomId: true } })
	if (!media) return false
	if (media.postId) return (await prisma.post.count({ where: { AND: [{ id: media.postId }, await visibleTo(viewer)] } })) === 1
	if (media.productId) return isStaff(viewer) || (await prisma.product.count({ where: { id: media.productId, status: { not: 'draft' } } })) === 1
	if (media.candidateId) return isStaff(viewer) || viewer?.id === media.uploaderId || (await prisma.candidate.count({ where: { id: media.candidateId, review: 'approved' } })) === 1
	if (media.roomId) return canSeeRoom(media.roomId, viewer)
	return isStaff(viewer) || viewer?.id === media.uploaderId
}
