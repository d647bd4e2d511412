import { Prisma } from '#app/generated/prisma/client.ts'
import { notifyMany } from '#app/domain/notifications/notifications.server.ts'
import { listSegmentOptions, segmentMemberIds } from '#app/domain/segments/segments.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { logError, logEvent } from '#app/lib/log.server.ts'
import { newCouponCode } from './coupon-codes.server.ts'
import { chinaDate, endOfChinaDay } from './coupon-dates.ts'
import type { CouponSource } from './coupon-schema.ts'
import { findTemplate } from './coupon-templates.server.ts'

// Coupons for many members at once (a segment, the birthday and "we miss you" jobs), a page at
// a time: one read of the keys already used, one insert of the rest. The unique key is the
// guard: a second run at the same time fails its insert and, reading again, finds nothing left.

/** Members per insert: 8 columns each stays far below SQLite's bound-parameter limit. */
export const ISSUE_PAGE = 100
const ATTEMPTS = 5

type Template = { id: string; name: string; validDays: number }
export type Entry = { userId: string; key: string }

/** Issues one coupon per entry whose key is unused; returns the members who got one now. */
export async function issueBatch(template: Template, entries: Entry[], source: CouponSource, now: Date): Promise<string[]> {
	if (entries.length === 0) return []
	const expiresAt = endOfChinaDay(now, template.validDays)
	for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
		const used = await prisma.coupon.findMany({ where: { key: { in: entries.map((e) => e.key) } }, select: { key: true } })
		const taken = new Set(used.map((c) => c.key))
		const missing = entries.filter((e) => !taken.has(e.key))
		if (missing.length === 0) return []
		try {
			await prisma.coupon.createMany({
				data: missing.map((e) => ({ templateId: template.id, userId: e.userId, source, key: e.key, code: newCouponCode(), issuedAt: now, expiresAt })),
			})
			return missing.map((e) => e.userId)
		} catch (error) {
			// A racing run took some keys (or a code clashed): nothing of this insert was written; read again.
			if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error
		}
	}
	throw new Error('coupon batch kept colliding')
}

/** Tells the members who just got a coupon (marketing: the notifications' caps and opt-outs apply). */
export async function tellIssuedMany(userIds: string[], template: Template, now: Date, keyPrefix: string): Promise<void> {
	if (userIds.length === 0) return
	try {
		const expires = chinaDate(endOfChinaDay(now, template.validDays))
		await notifyMany(userIds, { kind: 'couponIssued', params: { name: template.name, expires }, link: '/me/coupons', keyPrefix })
	} catch (error) {
		logError('coupons:notifyMany', error, { templateId: template.id })
	}
}

export type SegmentIssueResult = { ok: true; members: number; issued: number } | { ok: false; error: MessageKey; field?: string }

/**
 * Issues a template to every member of a segment today. `issueId` names this one issue (the
 * console form carries it), so a retried or double-clicked issue gives each member one coupon.
 * A segment that matches nobody is refused with nothing issued.
 */
export async function issueToSegment(templateId: string, segmentId: string, byStaffId: string, issueId: string, now = new Date()): Promise<SegmentIssueResult> {
	if (!/^[\w-]{8,64}$/.test(issueId)) return { ok: false, error: 'coupons.error.badKey' }
	const [template, segments] = await Promise.all([findTemplate(templateId), listSegmentOptions()])
	if (!template?.active) return { ok: false, error: 'coupons.error.templateInactive', field: 'templateId' }
	if (!segments.some((s) => s.id === segmentId)) return { ok: false, error: 'coupons.error.segmentMissing', field: 'segmentId' }
	let members = 0
	let issued = 0
	let cursor: string | null = null
	do {
		const page: { ids: string[]; nextCursor: string | null } = await segmentMemberIds(segmentId, { cursor, take: ISSUE_PAGE }, now)
		members += page.ids.length
		const got = await issueBatch(template, page.ids.map((userId) => ({ userId, key: `segment:${issueId}:${userId}` })), 'segment', now)
		issued += got.length
		await tellIssuedMany(got, template, now, `coupon-issued:segment:${issueId}:`)
		cursor = page.nextCursor
	} while (cursor)
	if (members === 0) return { ok: false, error: 'coupons.error.segmentEmpty', field: 'segmentId' }
	logEvent('coupons:segmentIssued', { templateId, segmentId, byStaffId, issueId, members, issued })
	return { ok: true, members, issued }
}
