import { z } from 'zod'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { isInSegment, segmentExists, segmentIdsOf } from '#app/domain/segments/segments.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { DAY_LIMITS } from './limits.ts'

// A member day: when it is open and who may take part. Eligibility is one segment (a tier is a
// segment with a tier rule) or every member; a surprise day exists only for those eligible.

export const MemberDaySchema = z
	.object({
		title: z.string().trim().min(1, 'days.error.title').max(DAY_LIMITS.title, 'days.error.title'),
		description: z.string().trim().max(DAY_LIMITS.description, 'days.error.description').default(''),
		startsAt: z.date({ invalid_type_error: 'days.error.startsAt', required_error: 'days.error.startsAt' }),
		endsAt: z.date({ invalid_type_error: 'days.error.endsAt', required_error: 'days.error.endsAt' }),
		surprise: z.boolean().default(false),
		segmentId: z.string().trim().min(1).nullable().default(null),
		dailyCapPoints: z.number().int('days.error.dailyCapValue').positive('days.error.dailyCapValue').max(10_000_000, 'days.error.dailyCapValue').nullable().default(null),
	})
	.refine((d) => d.endsAt > d.startsAt, { message: 'days.error.endsAt', path: ['endsAt'] })

export type MemberDayInput = z.input<typeof MemberDaySchema>
export type Refused = { ok: false; errors: Record<string, string> }

function issuesOf(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {}
	for (const issue of error.issues) errors[issue.path.join('.')] ??= issue.message
	return errors
}

/** Schedules a member day; one that would already be over, or aimed at a missing segment, is refused whole. */
export async function createMemberDay(input: MemberDayInput, now = new Date()): Promise<{ ok: true; id: string } | Refused> {
	const parsed = MemberDaySchema.safeParse(input)
	const errors = parsed.success ? {} : issuesOf(parsed.error)
	if (parsed.success && parsed.data.endsAt <= now) errors.endsAt ??= 'days.error.past'
	if (parsed.success && parsed.data.segmentId && !(await segmentExists(parsed.data.segmentId))) errors.segmentId ??= 'days.error.segment'
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
	const { id } = await prisma.memberDay.create({ data: parsed.data, select: { id: true } })
	return { id, ok: true }
}

const daySelect = { id: true, title: true, description: true, startsAt: true, endsAt: true, surprise: true, segmentId: true, dailyCapPoints: true } as const
export type MemberDayRow = { id: string; title: string; description: string; startsAt: Date; endsAt: Date; surprise: boolean; segmentId: string | null; dailyCapPoints: number | null }

export function findMemberDay(id: string): Promise<MemberDayRow | null> {
	return prisma.memberDay.findUnique({ where: { id }, select: daySelect })
}

/** Whether this member belongs to the day's audience (open or not). */
export async function isEligible(day: Pick<MemberDayRow, 'segmentId'>, memberId: string, now = new Date()): Promise<boolean> {
	return day.segmentId === null || (await isInSegment(memberId, day.segmentId, now))
}

/**
 * The day as a viewer may see it, or null when it does not exist for them: staff see every day;
 * a member sees a day of their audience, and a surprise day only once it has opened.
 */
export async function memberDayFor(viewer: { id: string; role: string }, id: string, now = new Date()): Promise<MemberDayRow | null> {
	const day = await findMemberDay(id)
	if (!day) return null
	if (hasRole(viewer.role, 'merchant')) return day
	if (day.surprise && now < day.startsAt) return null
	return (await isEligible(day, viewer.id, now)) ? day : null
}

/** Every member day, newest first (the console's list). */
export function listMemberDays(take = 50) {
	return prisma.memberDay.findMany({ orderBy: { startsAt: 'desc' }, take: Math.min(take, 100), select: daySelect })
}

/**
 * The member days open now for a viewer: those of their audience, surprise days included (a
 * surprise day appears to its eligible members once it opens). One segment read for all days.
 */
export async function listOpenDaysFor(viewer: { id: string; role: string }, now = new Date()) {
	const [days, segments] = await Promise.all([
		prisma.memberDay.findMany({ where: { startsAt: { lte: now }, endsAt: { gt: now } }, orderBy: { endsAt: 'asc' }, take: 20, select: daySelect }),
		segmentIdsOf(viewer, now),
	])
	return days.filter((d) => d.segmentId === null || segments === 'all' || segments.has(d.segmentId))
}

/** A member's opened boxes, newest first, with what each held. */
export function listMemberOpenings(memberId: string, take = 50) {
	return prisma.blindBoxOpening.findMany({
		where: { userId: memberId },
		orderBy: { createdAt: 'desc' },
		take: Math.min(take, 100),
		select: { id: true, createdAt: true, shareCode: true, shipTo: true, shippedAt: true, item: { select: { name: true } }, pool: { select: { name: true, memberDay: { select: { id: true, title: true } } } } },
	})
}
