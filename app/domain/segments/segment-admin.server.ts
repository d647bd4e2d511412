import { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { formValues, type FieldErrors, type FormFailure } from '#app/lib/forms.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { matchesRules, MAX_SEGMENT_NAME, rulesInputFromForm, SegmentRulesSchema, type SegmentRules } from './rules.ts'
import { MEMBER_ROLES, prefilter, scanMembers } from './segment-scan.server.ts'
import { clearSegmentCache, loadSegments } from './segment-store.server.ts'

const SAMPLE = 5
const isKnown = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code

const NameSchema = z
	.string({ required_error: 'segments.error.nameRequired' })
	.trim()
	.min(1, 'segments.error.nameRequired')
	.max(MAX_SEGMENT_NAME, 'segments.error.nameTooLong')

/** The console's segment form: its name and rules, every field's first problem at once. */
export function checkSegmentForm(form: FormData): { ok: true; name: string; rules: SegmentRules } | FormFailure {
	const fieldErrors: FieldErrors = {}
	let formError: MessageKey | undefined
	const name = NameSchema.safeParse(form.get('name') ?? undefined)
	if (!name.success) fieldErrors.name = name.error.issues[0]!.message as MessageKey
	const rules = SegmentRulesSchema.safeParse(rulesInputFromForm(form))
	if (!rules.success) {
		for (const issue of rules.error.issues) {
			const field = String(issue.path[0] ?? 'form')
			if (field === 'form') formError ??= issue.message as MessageKey
			else fieldErrors[field] ??= issue.message as MessageKey
		}
	}
	if (!name.success || !rules.success) return { ok: false, fieldErrors, formError, values: formValues(form) }
	return { ok: true, name: name.data, rules: rules.data }
}

/** How many members the rules match today, and the names of a few of them. */
export async function previewSegment(rules: SegmentRules, now = new Date()): Promise<{ count: number; sample: string[] }> {
	let count = 0
	const sampleIds: string[] = []
	for await (const page of scanMembers(prefilter(rules), null, now)) {
		for (const member of page) {
			if (!matchesRules(rules, member.facts, now)) continue
			count++
			if (sampleIds.length < SAMPLE) sampleIds.push(member.id)
		}
	}
	const users = sampleIds.length ? await prisma.user.findMany({ where: { id: { in: sampleIds } }, orderBy: { id: 'asc' }, select: { displayName: true } }) : []
	return { count, sample: users.map((u) => u.displayName) }
}

export type SaveResult = { ok: true; id: string; count: number } | { ok: false; error: MessageKey; field?: string }

/**
 * Creates a segment (or, with id, changes one). Rules that match nobody today are saved all
 * the same (members can grow into them); the count that comes back lets the page warn.
 */
export async function saveSegment(input: { id?: string; name: string; rules: SegmentRules }, now = new Date()): Promise<SaveResult> {
	const rules = JSON.stringify(input.rules)
	try {
		const { id } = input.id
			? await prisma.segment.update({ where: { id: input.id }, data: { name: input.name, rules }, select: { id: true } })
			: await prisma.segment.create({ data: { name: input.name, rules }, select: { id: true } })
		clearSegmentCache()
		return { ok: true, id, count: (await previewSegment(input.rules, now)).count }
	} catch (error) {
		if (isKnown(error, 'P2002')) return { ok: false, error: 'segments.error.nameTaken', field: 'name' }
		if (isKnown(error, 'P2025')) return { ok: false, error: 'segments.error.notFound' }
		throw error
	}
}

export type SegmentUses = { posts: { id: string; title: string | null }[]; rooms: { id: string; title: string }[] }
export type DeleteResult = { ok: true } | { ok: false; error: 'segments.error.notFound' } | { ok: false; error: 'segments.error.inUse'; uses: SegmentUses }

const USES_SHOWN = 10

async function usesOf(segmentId: string): Promise<SegmentUses> {
	const [posts, rooms] = await Promise.all([
		prisma.post.findMany({ where: { segmentId, status: { not: 'deleted' } }, orderBy: { createdAt: 'desc' }, take: USES_SHOWN, select: { id: true, title: true } }),
		prisma.liveRoom.findMany({ where: { segmentId }, orderBy: { startsAt: 'desc' }, take: USES_SHOWN, select: { id: true, title: true } }),
	])
	return { posts, rooms }
}

/**
 * Deletes a segment nothing is aimed at. The database refuses while a post or room points at
 * it (onDelete Restrict), so the delete itself is the guard; a refusal reads back what uses it.
 */
export async function deleteSegment(segmentId: string): Promise<DeleteResult> {
	// A deleted post still holds its segment: let it go first, it is shown to nobody.
	await prisma.post.updateMany({ where: { segmentId, status: 'deleted' }, data: { segmentId: null } })
	try {
		await prisma.segment.delete({ where: { id: segmentId }, select: { id: true } })
		clearSegmentCache()
		return { ok: true }
	} catch (error) {
		if (isKnown(error, 'P2025')) return { ok: false, error: 'segments.error.notFound' }
		if (!isKnown(error, 'P2003') && !isKnown(error, 'P2014')) throw error
		return { ok: false, error: 'segments.error.inUse', uses: await usesOf(segmentId) }
	}
}

export type SegmentRow = { id: string; name: string; rules: SegmentRules | null; count: number }

/**
 * Every segment with today's member count, in one scan over the members (each page's facts
 * are checked against every segment), not one scan per segment.
 */
export async function listSegmentsWithCounts(now = new Date()): Promise<SegmentRow[]> {
	const segments = await loadSegments()
	const counts = new Map(segments.map((s) => [s.id, 0]))
	const live = segments.filter((s) => s.rules)
	if (live.length) {
		for await (const page of scanMembers({ role: { in: MEMBER_ROLES } }, null, now)) {
			for (const member of page) for (const s of live) if (matchesRules(s.rules!, member.facts, now)) counts.set(s.id, counts.get(s.id)! + 1)
		}
	}
	return segments.map((s) => ({ id: s.id, name: s.name, rules: s.rules, count: counts.get(s.id)! }))
}
