import { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'
import { parseForm, refusalToForm, type FormFailure } from '#app/lib/forms.ts'
import { issueToSegment } from './coupon-bulk.server.ts'
import { findTemplate } from './coupon-templates.server.ts'
import { issueCoupon } from './coupons.server.ts'

// The console's two ways of issuing by hand. Each form carries an issueId made when the page
// was drawn: the coupon key includes it, so a double click or a resent form issues once.

const issueId = z.string({ required_error: 'coupons.error.badKey' }).regex(/^[\w-]{8,64}$/, 'coupons.error.badKey')
const templateId = z.string({ required_error: 'coupons.error.pickTemplate' }).trim().min(1, 'coupons.error.pickTemplate')

export const IssueToMemberSchema = z.object({
	templateId,
	email: z.string({ required_error: 'coupons.error.email' }).trim().toLowerCase().max(254, 'coupons.error.email').email('coupons.error.email'),
	issueId,
})
export const IssueToSegmentSchema = z.object({
	templateId,
	segmentId: z.string({ required_error: 'coupons.error.pickSegment' }).trim().min(1, 'coupons.error.pickSegment'),
	issueId,
})

export type IssuedToMember = { ok: true; code: string; duplicate: boolean; email: string }

/** One coupon to one member, found by the email they signed up with. */
export async function issueToMemberForm(form: FormData): Promise<IssuedToMember | FormFailure> {
	const parsed = parseForm(IssueToMemberSchema, form)
	if (!parsed.ok) return parsed
	const { email } = parsed.data
	const [member, template] = await Promise.all([
		prisma.user.findUnique({ where: { email }, select: { id: true } }),
		findTemplate(parsed.data.templateId),
	])
	if (!template?.active) return refusalToForm({ error: 'coupons.error.templateInactive', field: 'templateId' }, form)
	if (!member) return refusalToForm({ error: 'coupons.error.noMember', field: 'email' }, form)
	const issued = await issueCoupon({ templateId: template.id, userId: member.id, source: 'manual', key: `manual:${parsed.data.issueId}:${member.id}` })
	if (!issued.ok) return refusalToForm({ error: issued.error }, form)
	return { ok: true, code: issued.code, duplicate: issued.duplicate, email }
}

export type IssuedToSegment = { ok: true; members: number; issued: number }

/** The template to every member of a segment today (see issueToSegment). */
export async function issueToSegmentForm(form: FormData, byStaffId: string): Promise<IssuedToSegment | FormFailure> {
	const parsed = parseForm(IssueToSegmentSchema, form)
	if (!parsed.ok) return parsed
	const result = await issueToSegment(parsed.data.templateId, parsed.data.segmentId, byStaffId, parsed.data.issueId)
	if (!result.ok) return refusalToForm(result, form)
	return result
}
