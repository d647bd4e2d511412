import type { FormFailure } from '#app/lib/forms.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { prisma } from '#app/lib/db.server.ts'
import { discardMedia, ingestUploads } from '../media/ingest.server.ts'
import { receiveUploads } from '../media/upload.server.ts'
import { loadAuthor } from '../posts/posts.server.ts'
import { createCandidate, reviewSuggestion, updateCandidate } from './candidates.server.ts'
import { countVotes, weightedVotes } from './counts.server.ts'
import { closeRound, createRound } from './rounds.server.ts'
import { CandidateSchema, DeclineSchema, RoundSchema, STAGES, type Stage } from './schemas.ts'
import { setNewVoterHours } from './settings.server.ts'
import { mergeCandidates, setStage } from './stages.server.ts'

export type ConsoleResult = ({ ok: true; message: MessageKey; params?: Record<string, number> } | (FormFailure & { intent?: string })) & { intent?: string }

/** The console's multipart "new idea" / "edit idea" form, photos included; all or nothing. */
export async function saveCandidateFromForm(request: Request, staffId: string, id?: string): Promise<{ ok: true; id: string } | FormFailure> {
	const upload = await receiveUploads(request)
	try {
		if (upload.failure) return refusalToForm({ error: upload.failure.message, params: upload.failure.params }, upload.fields)
		const parsed = parseForm(CandidateSchema, upload.fields)
		if (!parsed.ok) return parsed
		const ingested = await ingestUploads(upload.files.filter((f) => f.kind === 'image'), staffId)
		if (!ingested.ok) return refusalToForm({ error: ingested.failure.message, params: ingested.failure.params }, upload.fields)
		const staff = (await loadAuthor(staffId))!
		try {
			if (id) {
				if (!(await updateCandidate(staffId, id, parsed.data, ingested.media))) {
					await discardMedia(ingested.media.map((m) => m.id))
					return refusalToForm({ error: 'vote.error.notFound' }, upload.fields)
				}
				return { ok: true, id }
			}
			const result = await createCandidate(staff, parsed.data, ingested.media)
			if (!result.ok) {
				await discardMedia(ingested.media.map((m) => m.id))
				return refusalToForm(result, upload.fields)
			}
			return { ok: true, id: result.id }
		} catch (error) {
			await discardMedia(ingested.media.map((m) => m.id))
			throw error
		}
	} finally {
		await upload.discard()
	}
}

/** The text-only forms of the voting console, by intent. */
export async function handleVotingConsole(staffId: string, formData: FormData): Promise<ConsoleResult> {
	const intent = String(formData.get('intent') ?? '')
	const id = String(formData.get('id') ?? '')
	switch (intent) {
		case 'round': {
			const parsed = parseForm(RoundSchema, formData)
			if (!parsed.ok) return { ...parsed, intent }
			await createRound(staffId, parsed.data)
			return { ok: true, message: 'console.candidateSaved', intent }
		}
		case 'closeRound':
			await closeRound(staffId, id)
			return { ok: true, message: 'console.candidateSaved', intent }
		case 'approve':
		case 'reject': {
			const roundId = String(formData.get('roundId') ?? '') || undefined
			if (!(await reviewSuggestion(staffId, id, intent, roundId))) return { ...refusalToForm({ error: 'vote.error.notFound' }, formData), intent }
			return { ok: true, message: 'console.candidateSaved', intent }
		}
		case 'stage': {
			const to = STAGES.find((s) => s === formData.get('to'))
			if (!to) return { ...refusalToForm({ error: 'vote.error.stage' }, formData), intent }
			let reason: string | undefined
			if (to === 'declined') {
				const parsed = parseForm(DeclineSchema, formData)
				if (!parsed.ok) return { ...parsed, intent }
				reason = parsed.data.reason
			}
			const result = await setStage(staffId, id, to as Stage, reason)
			return result.ok ? { ok: true, message: 'console.stageMoved', intent } : { ...refusalToForm(result, formData), intent }
		}
		case 'merge': {
			const result = await mergeCandidates(staffId, id, String(formData.get('into') ?? ''))
			return result.ok ? { ok: true, message: 'console.merged', params: { moved: result.moved, dropped: result.dropped }, intent } : { ...refusalToForm(result, formData), intent }
		}
		case 'hours': {
			const hours = Number(formData.get('hours'))
			if (!(await setNewVoterHours(hours))) return { ...refusalToForm({ error: 'vote.error.hours', field: 'hours' }, formData), intent }
			return { ok: true, message: 'console.candidateSaved', intent }
		}
		default:
			return { ...refusalToForm({ error: 'page.badRequestTitle' }, formData), intent }
	}
}

/** Every idea for the console's table, with plain and weighted counts. */
export async function listForConsole() {
	const rows = await prisma.candidate.findMany({
		where: { review: 'approved' },
		orderBy: [{ stageChangedAt: 'desc' }],
		take: 200,
		select: { id: true, title: true, stage: true, roundId: true, round: { select: { title: true } } },
	})
	const ids = rows.map((r) => r.id)
	const [counts, weights] = await Promise.all([countVotes(ids), weightedVotes(ids)])
	return rows.map((r) => ({ ...r, stage: r.stage as Stage, count: counts.get(r.id)!, weighted: weights.get(r.id) ?? 0 }))
}

/** Voters' notes on one idea, newest first. */
export function voterNotes(candidateId: string) {
	return prisma.vote.findMany({
		where: { candidateId, comment: { not: null } },
		orderBy: { createdAt: 'desc' },
		take: 100,
		select: { id: true, comment: true, variant: true, member: { select: { displayName: true } } },
	})
}
