import { prisma } from '#app/lib/db.server.ts'

export type TargetType = 'post' | 'comment'

/**
 * Puts a target in the review queue, or re-opens its item with the new reason added.
 * Two reports racing both land: the unique (targetType, targetId) makes one row, and
 * the loser of the create retries as an update.
 */
export async function openReviewItem(targetType: TargetType, targetId: string, reason: string, options: { report?: boolean } = {}): Promise<void> {
	for (let attempt = 0; attempt < 2; attempt++) {
		const item = await prisma.reviewItem.findUnique({ where: { targetType_targetId: { targetType, targetId } }, select: { id: true, reasons: true, status: true } })
		if (item) {
			const reasons = new Set(item.status === 'open' ? item.reasons.split(',') : [])
			reasons.add(reason)
			await prisma.reviewItem.update({
				where: { id: item.id },
				data: {
					status: 'open',
					reasons: [...reasons].join(','),
					reportCount: options.report ? { increment: 1 } : undefined,
					...(item.status === 'open' ? {} : { openedAt: new Date(), closedAt: null, closedById: null, decision: null }),
				},
			})
			return
		}
		try {
			await prisma.reviewItem.create({ data: { targetType, targetId, reasons: reason, reportCount: options.report ? 1 : 0 } })
			return
		} catch (error) {
			if (attempt === 1) throw error
		}
	}
}

export function countOpenItems(): Promise<number> {
	return prisma.reviewItem.count({ where: { status: 'open' } })
}
