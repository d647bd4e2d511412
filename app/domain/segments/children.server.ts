import { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'
import type { FieldErrors } from '#app/lib/forms.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { childBand, type ChildBand } from './rules.ts'

// A child's birth month and year, entered by the parent for age-appropriate content and
// offers. PIPL counts a minor's data as sensitive personal information: it needs the
// parent's separate, explicit consent, the least data that serves the purpose (no name, no
// day, nothing else about the child), and deletion whenever the parent asks.

/** Children are old enough for the bands until 12; 18 covers teenagers a parent may still add. */
export const MAX_CHILD_AGE_YEARS = 18
/** More than any family needs; bounds what one account can store. */
export const MAX_CHILDREN = 10

const int = (message: MessageKey) =>
	z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : Number(v)), z.number({ required_error: message, invalid_type_error: message }).int(message))

export const ChildFormSchema = z.object({
	birthYear: int('family.error.year'),
	birthMonth: int('family.error.month').pipe(z.number().min(1, 'family.error.month').max(12, 'family.error.month')),
	// An unticked checkbox sends nothing: only an explicit "on" is consent.
	consent: z.literal('on', { errorMap: () => ({ message: 'family.error.consent' }) }),
})

export type ChildView = { id: string; birthYear: number; birthMonth: number; band: ChildBand | null }

type AddResult = { ok: true; id: string } | { ok: false; fieldErrors: FieldErrors; formError?: MessageKey }

/** Saves a child for the parent, only with consent and a birth month that is neither in the future nor 18+ years ago. */
export async function addChild(userId: string, input: Record<string, unknown>, now = new Date()): Promise<AddResult> {
	const parsed = ChildFormSchema.safeParse(input)
	if (!parsed.success) {
		const fieldErrors: FieldErrors = {}
		for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message as MessageKey
		return { ok: false, fieldErrors }
	}
	const { birthYear, birthMonth } = parsed.data
	const ageMonths = (now.getUTCFullYear() - birthYear) * 12 + (now.getUTCMonth() + 1 - birthMonth)
	if (ageMonths < 0) return { ok: false, fieldErrors: { birthYear: 'family.error.future' } }
	if (ageMonths >= MAX_CHILD_AGE_YEARS * 12) return { ok: false, fieldErrors: { birthYear: 'family.error.tooOld' } }
	const count = await prisma.child.count({ where: { userId } })
	if (count >= MAX_CHILDREN) return { ok: false, fieldErrors: {}, formError: 'family.error.tooMany' }
	const child = await prisma.child.create({ data: { userId, birthYear, birthMonth, consentAt: now }, select: { id: true } })
	return { ok: true, id: child.id }
}

export async function listChildren(userId: string, now = new Date()): Promise<ChildView[]> {
	const rows = await prisma.child.findMany({
		where: { userId },
		orderBy: [{ birthYear: 'desc' }, { birthMonth: 'desc' }, { id: 'asc' }],
		take: MAX_CHILDREN,
		select: { id: true, birthYear: true, birthMonth: true },
	})
	return rows.map((r) => ({ ...r, band: childBand(r.birthYear, r.birthMonth, now) }))
}

/** Deletes one of the parent's own children; another member's child is "not found" and stays. */
export async function deleteChild(userId: string, childId: string): Promise<boolean> {
	const { count } = await prisma.child.deleteMany({ where: { id: childId, userId } })
	return count === 1
}
