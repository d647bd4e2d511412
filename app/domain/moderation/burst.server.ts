import { prisma } from '#app/lib/db.server.ts'
import { verifiedPairs } from '../posts/verified.server.ts'
import { BURST } from './rules.server.ts'

/**
 * A likely competitor attack: several low-star reviews of one product in a short time from
 * accounts that never bought it. Called for a new low-star review by a non-buyer, before it
 * is saved; returns whether it completes a burst and the earlier reviews of the burst that
 * are still public (to be held with it). Reviews by buyers never count.
 */
export async function detectLowStarBurst(productId: string, authorId: string): Promise<{ burst: boolean; firstOfBurst: boolean; publicIds: string[] }> {
	const since = new Date(Date.now() - BURST.windowHours * 3_600_000)
	const recent = await prisma.post.findMany({
		where: { productId, kind: 'review', rating: { lte: BURST.maxStars }, createdAt: { gte: since }, status: { in: ['published', 'held'] }, authorId: { not: authorId } },
		select: { id: true, authorId: true, status: true },
		take: 200,
	})
	const verified = await verifiedPairs(recent.map((r) => ({ memberId: r.authorId, productId })))
	const suspects = recent.filter((r) => !verified.has(`${r.authorId}:${productId}`))
	const burst = suspects.length + 1 >= BURST.count
	return {
		burst,
		// The review that tips the count over is the one that alerts the merchant.
		firstOfBurst: suspects.length + 1 === BURST.count,
		publicIds: burst ? suspects.filter((r) => r.status === 'published').map((r) => r.id) : [],
	}
}
