import type { FormFailure } from '#app/lib/forms.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { loadAuthor } from '../posts/posts.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { establishedVoter } from './counts.server.ts'
import { cancelReservation, reserve } from './presale.server.ts'
import { ReserveSchema, VoteSchema } from './schemas.ts'
import { castVote, withdrawVote } from './votes.server.ts'

type Done = { ok: true; intent: string; message: MessageKey }
type Failed = FormFailure & { intent: string; status: number }

const failed = (intent: string, failure: FormFailure, status = 400): Failed => ({ ...failure, intent, status })

/** What a member does on a candidate's page: vote, take it back, reserve, cancel. */
export async function handleCandidateAction(userId: string, candidateId: string, formData: FormData): Promise<Done | Failed> {
	const intent = String(formData.get('intent') ?? '')
	const member = await loadAuthor(userId)
	if (!member) return failed(intent, refusalToForm({ error: 'vote.error.notFound' }, formData), 404)
	const status = (error: MessageKey) => (error === 'vote.error.notFound' ? 404 : error === 'vote.error.closed' || error === 'vote.error.budget' ? 409 : 400)
	switch (intent) {
		case 'vote': {
			const parsed = parseForm(VoteSchema, formData)
			if (!parsed.ok) return failed(intent, parsed)
			const result = await castVote(member, candidateId, parsed.data)
			if (!result.ok) return failed(intent, refusalToForm(result, formData), status(result.error))
			if (result.duplicate) return { ok: true, intent, message: 'vote.duplicate' }
			const counted = await prisma.user.count({ where: { AND: [{ id: userId }, await establishedVoter()] } })
			return { ok: true, intent, message: counted ? 'vote.done' : 'vote.doneNew' }
		}
		case 'withdraw': {
			const result = await withdrawVote(member, candidateId)
			if (!result.ok) return failed(intent, refusalToForm(result, formData), status(result.error))
			return { ok: true, intent, message: 'vote.withdrawn' }
		}
		case 'reserve': {
			const parsed = parseForm(ReserveSchema, formData)
			if (!parsed.ok) return failed(intent, parsed)
			const result = await reserve(member, candidateId, parsed.data)
			if (!result.ok) return failed(intent, refusalToForm(result, formData), status(result.error))
			return { ok: true, intent, message: 'vote.reserveDone' }
		}
		case 'cancelReservation':
			await cancelReservation(userId, candidateId, String(formData.get('variant') ?? ''))
			return { ok: true, intent, message: 'vote.withdrawn' }
		default:
			return failed(intent, refusalToForm({ error: 'page.badRequestTitle' }, formData))
	}
}
