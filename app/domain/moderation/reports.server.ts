import { Prisma } from '#app/generated/prisma/client.ts'
import { audienceWhere } from '#app/domain/posts/queries.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import type { ReportReason } from '../posts/schemas.ts'
import { openReviewItem, type TargetType } from './queue-items.server.ts'

/**
 * A member reports a post or comment. The report puts it in the merchant's queue; it stays
 * up until a decision, so reports alone can never silence a review (one-sided reporting of
 * negative reviews is a known abuse). A second report by the same member changes nothing.
 */
export async function reportContent(
	reporter: { id: string; role: string; bannedAt: Date | null },
	input: { targetType: TargetType; targetId: string; reason: ReportReason; note?: string },
): Promise<{ ok: true; duplicate: boolean } | { ok: false; error: MessageKey }> {
	if (reporter.bannedAt) return { ok: false, error: 'post.error.banned' }
	// What the reporter cannot see (another group's, another segment's) cannot be reported either.
	const audience = await audienceWhere(reporter)
	const target =
		input.targetType === 'post'
			? await prisma.post.findFirst({ where: { id: input.targetId, status: 'published', ...audience }, select: { authorId: true } })
			: await prisma.comment.findFirst({ where: { id: input.targetId, status: 'published', post: { status: 'published', ...audience } }, select: { authorId: true } })
	if (!target) return { ok: false, error: 'report.error.notFound' }
	if (target.authorId === reporter.id) return { ok: false, error: 'report.error.own' }
	try {
		await prisma.report.create({ data: { reporterId: reporter.id, targetType: input.targetType, targetId: input.targetId, reason: input.reason, note: input.note || null } })
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: true, duplicate: true }
		throw error
	}
	await openReviewItem(input.targetType, input.targetId, `report:${input.reason}`, { report: true })
	return { ok: true, duplicate: false }
}
