import { hasRole } from '#app/domain/accounts/roles.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { auditStatement } from '../moderation/audit.server.ts'
import { countVotes } from './counts.server.ts'
import { parseVariants, type CandidateInput, type Stage } from './schemas.ts'
import type { CandidateCard } from './views.ts'
import { mostSimilar } from './similar.ts'

type Viewer = { id: string; role: string } | null
type NewMedia = { id: string; kind: string; status: string; format: string; bytes: number; position: number; width: number | null; height: number | null; durationMs: number | null; placeholder: string | null }
export type Refusal = { ok: false; error: MessageKey; field?: string; params?: Record<string, string | number> }

const isStaff = (viewer: Viewer) => Boolean(viewer && hasRole(viewer.role, 'merchant'))

/**
 * A new idea. The merchant's goes straight to the board (in a round if one is given, open for
 * votes); a super-user's proposal and a member's suggestion wait for the merchant's approval,
 * visible meanwhile to their author and staff only.
 */
export async function createCandidate(author: { id: string; role: string; bannedAt: Date | null }, input: Partial<CandidateInput> & { title: string; description: string }, media: NewMedia[] = []): Promise<{ ok: true; id: string; review: string } | Refusal> {
	if (author.bannedAt) return { ok: false, error: 'post.error.banned' }
	const staff = hasRole(author.role, 'merchant')
	if (input.roundId && !(await prisma.voteRound.count({ where: { id: input.roundId } }))) return { ok: false, error: 'vote.error.noRound', field: 'roundId' }
	const candidate = await prisma.candidate.create({
		data: {
			title: input.title,
			description: input.description,
			proposedById: author.id,
			review: staff ? 'approved' : 'pending',
			stage: staff && input.roundId ? 'voting' : 'proposed',
			...(staff
				? { roundId: input.roundId ?? null, targetPriceCents: input.targetPrice ?? null, depositCents: input.deposit ?? null, variants: (input.variants ?? []).join('\n'), selectAt: input.selectAt ?? null }
				: {}),
			media: { create: media.map((m) => ({ ...m, uploaderId: author.id })) },
		},
		select: { id: true, review: true },
	})
	if (staff) await auditStatement({ actorId: author.id, action: 'candidate.create', targetType: 'candidate', targetId: candidate.id, detail: { title: input.title } })
	return { ok: true, ...candidate }
}

/** The merchant accepts a suggestion (optionally into a round, open for votes) or turns it down. */
export async function reviewSuggestion(staffId: string, id: string, decision: 'approve' | 'reject', roundId?: string): Promise<boolean> {
	// A round that does not exist is refused here: the foreign key would fail the update as a 500.
	if (decision === 'approve' && roundId && !(await prisma.voteRound.findUnique({ where: { id: roundId }, select: { id: true } }))) return false
	const { count } = await prisma.candidate.updateMany({
		where: { id, review: 'pending' },
		data: decision === 'approve' ? { review: 'approved', ...(roundId ? { roundId, stage: 'voting', stageChangedAt: new Date() } : {}) } : { review: 'rejected' },
	})
	if (count === 1) await auditStatement({ actorId: staffId, action: `candidate.${decision}`, targetType: 'candidate', targetId: id, detail: { roundId } })
	return count === 1
}

/** The merchant edits the details members vote on (not the stage: see stages.server.ts). */
export async function updateCandidate(staffId: string, id: string, input: CandidateInput, media: NewMedia[]): Promise<boolean> {
	const start = await prisma.media.count({ where: { candidateId: id } })
	const { count } = await prisma.candidate.updateMany({
		where: { id },
		data: { title: input.title, description: input.description, roundId: input.roundId ?? null, targetPriceCents: input.targetPrice ?? null, depositCents: input.deposit ?? null, variants: input.variants.join('\n'), selectAt: input.selectAt ?? null },
	})
	if (count === 0) return false
	if (media.length) await prisma.media.createMany({ data: media.map((m, i) => ({ ...m, position: start + i, uploaderId: staffId, candidateId: id })) })
	await auditStatement({ actorId: staffId, action: 'candidate.update', targetType: 'candidate', targetId: id, detail: { title: input.title } })
	return true
}

const SELECT = {
	id: true,
	title: true,
	description: true,
	stage: true,
	review: true,
	targetPriceCents: true,
	depositCents: true,
	variants: true,
	declineReason: true,
	mergedIntoId: true,
	selectAt: true,
	proposedBy: { select: { id: true, displayName: true } },
	round: { select: { id: true, title: true, maxVotes: true, startsAt: true, endsAt: true } },
	media: { where: { status: 'ready' }, orderBy: { position: 'asc' }, select: { id: true, kind: true, status: true, width: true, height: true, placeholder: true, format: true } },
} satisfies Prisma.CandidateSelect
type Row = Prisma.CandidateGetPayload<{ select: typeof SELECT }>

async function toCards(rows: Row[], viewer: Viewer): Promise<CandidateCard[]> {
	const ids = rows.map((r) => r.id)
	const [counts, mine] = await Promise.all([
		countVotes(ids),
		viewer ? prisma.vote.findMany({ where: { memberId: viewer.id, candidateId: { in: ids } }, select: { candidateId: true, variant: true, comment: true } }) : [],
	])
	const myVotes = new Map(mine.map((v) => [v.candidateId, v]))
	const now = new Date()
	return rows.map((r) => ({
		...r,
		stage: r.stage as Stage,
		variants: parseVariants(r.variants),
		round: r.round ? { id: r.round.id, title: r.round.title, maxVotes: r.round.maxVotes, endsAt: r.round.endsAt.toISOString(), open: r.round.startsAt <= now && r.round.endsAt > now } : null,
		count: counts.get(r.id)!,
		myVote: myVotes.get(r.id) ?? null,
	}))
}

/** Who may see a candidate: approved ones everyone; a pending suggestion its author and staff. */
function visibleTo(viewer: Viewer): Prisma.CandidateWhereInput {
	if (isStaff(viewer)) return {}
	return { OR: [{ review: 'approved' }, ...(viewer ? [{ proposedById: viewer.id, review: 'pending' }] : [])] }
}

/** The board: approved candidates of a round (or all open ones), in stage order, most voted first within it. */
export async function listBoard(viewer: Viewer, options: { roundId?: string; take?: number } = {}): Promise<CandidateCard[]> {
	const rows = await prisma.candidate.findMany({
		where: { review: 'approved', stage: { notIn: ['declined'] }, ...(options.roundId ? { roundId: options.roundId } : {}) },
		orderBy: [{ stageChangedAt: 'desc' }, { createdAt: 'desc' }],
		take: Math.min(options.take ?? 60, 100),
		select: SELECT,
	})
	const cards = await toCards(rows, viewer)
	return cards.sort((a, b) => b.count.votes - a.count.votes)
}

export async function getCandidate(id: string, viewer: Viewer): Promise<CandidateCard | null> {
	const row = await prisma.candidate.findFirst({ where: { AND: [{ id }, visibleTo(viewer)] }, select: SELECT })
	return row ? (await toCards([row], viewer))[0]! : null
}

/** Suggestions and proposals waiting for the merchant, oldest first. */
export async function listPending(): Promise<CandidateCard[]> {
	const rows = await prisma.candidate.findMany({ where: { review: 'pending' }, orderBy: { createdAt: 'asc' }, take: 100, select: SELECT })
	return toCards(rows, null)
}

/** Existing ideas like the one being typed (approved, still in play), for the suggestion form. */
export async function findSimilar(text: string): Promise<{ id: string; title: string; stage: string }[]> {
	if (text.trim().length < 2) return []
	const pool = await prisma.candidate.findMany({
		where: { review: 'approved', stage: { notIn: ['declined'] } },
		orderBy: { createdAt: 'desc' },
		take: 500,
		select: { id: true, title: true, stage: true },
	})
	return mostSimilar(text.slice(0, 200), pool)
}

/** A member's own suggestions still waiting for the merchant. */
export function listPendingOf(memberId: string) {
	return prisma.candidate.findMany({ where: { proposedById: memberId, review: 'pending' }, orderBy: { createdAt: 'desc' }, take: 20, select: { id: true, title: true } })
}
