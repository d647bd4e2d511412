import { notifyMany, type NotificationKind } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { auditStatement } from '../moderation/audit.server.ts'
import { award } from '../points/ledger.server.ts'
import { establishedVoter } from './counts.server.ts'
import { FORWARD, type Stage } from './schemas.ts'

// A candidate moves forward through proposed → voting → selected → presale → instock (the
// merchant may skip steps, never go back), or is declined with a reason voters read.

const NOTICE: Partial<Record<Stage, NotificationKind>> = { selected: 'voteSelected', presale: 'votePresale', instock: 'voteInStock', declined: 'voteDeclined' }
export const SYSTEM_ACTOR = 'system'

export function canMove(from: Stage, to: Stage): boolean {
	if (from === 'declined' || from === 'instock') return false
	if (to === 'declined') return true
	return FORWARD.indexOf(to) > FORWARD.indexOf(from)
}

export async function setStage(actorId: string, candidateId: string, to: Stage, reason?: string): Promise<{ ok: true } | { ok: false; error: MessageKey }> {
	const c = await prisma.candidate.findUnique({ where: { id: candidateId }, select: { stage: true, review: true, title: true } })
	if (!c || c.review !== 'approved') return { ok: false, error: 'vote.error.notFound' }
	if (!canMove(c.stage as Stage, to)) return { ok: false, error: 'vote.error.stage' }
	if (to === 'declined' && !reason) return { ok: false, error: 'vote.error.reasonRequired' }
	// The stage in the WHERE: of two racing moves, one wins and the other changes nothing.
	const { count } = await prisma.candidate.updateMany({
		where: { id: candidateId, stage: c.stage },
		data: { stage: to, stageChangedAt: new Date(), declineReason: to === 'declined' ? reason! : null },
	})
	if (count === 0) return { ok: false, error: 'vote.error.stage' }
	await auditStatement({ actorId, action: `candidate.stage.${to}`, targetType: 'candidate', targetId: candidateId, detail: { from: c.stage, reason } })
	await tellVoters(candidateId, c.title, to, reason)
	return { ok: true }
}

/** "Selected at N votes": the vote that reaches it moves the candidate on by itself. */
export async function autoSelect(candidateId: string, votes: number): Promise<void> {
	const c = await prisma.candidate.findUnique({ where: { id: candidateId }, select: { stage: true, selectAt: true } })
	if (c?.stage === 'voting' && c.selectAt && votes >= c.selectAt) await setStage(SYSTEM_ACTOR, candidateId, 'selected')
}

/**
 * Voters who kept the switch on hear of it; when their pick reaches the shelves, every voter
 * whose vote counted earns the "your pick was selected" reward (once: the key names them).
 */
async function tellVoters(candidateId: string, title: string, stage: Stage, reason?: string): Promise<void> {
	const kind = NOTICE[stage]
	if (!kind) return
	const voters = await prisma.vote.findMany({
		where: { candidateId },
		select: { memberId: true, member: { select: { notifyVotes: true } } },
		take: 100_000,
	})
	const counted = stage === 'instock' ? new Set((await prisma.vote.findMany({ where: { candidateId, member: await establishedVoter() }, select: { memberId: true }, take: 100_000 })).map((v) => v.memberId)) : new Set<string>()
	for (const v of voters) {
		if (counted.has(v.memberId)) await award({ memberId: v.memberId, trigger: 'vote.selected', key: `vote:${candidateId}:selected:${v.memberId}`, sourceRef: `candidate:${candidateId}` })
	}
	// A page of voters at a time, with their switches and the weekly cap read per page, not per voter.
	const listening = voters.filter((v) => v.member.notifyVotes).map((v) => v.memberId)
	await notifyMany(listening, { kind, params: { title, reason: reason ?? '' }, link: `/vote/${candidateId}` })
}

/**
 * Folds a duplicate into the candidate it repeats: its votes move across, a member who voted
 * for both keeps one vote (and gets the budget slot back), and the duplicate is declined as
 * merged. Only within one round, where the budgets are the same.
 */
export async function mergeCandidates(staffId: string, sourceId: string, targetId: string): Promise<{ ok: true; moved: number; dropped: number } | { ok: false; error: MessageKey }> {
	if (sourceId === targetId) return { ok: false, error: 'vote.error.mergeSelf' }
	const [source, target] = await Promise.all(
		[sourceId, targetId].map((id) => prisma.candidate.findUnique({ where: { id }, select: { roundId: true, stage: true, review: true, title: true, round: { select: { maxVotes: true } } } })),
	)
	if (!source || !target || source.review !== 'approved' || target.review !== 'approved') return { ok: false, error: 'vote.error.notFound' }
	if (source.roundId !== target.roundId) return { ok: false, error: 'vote.error.mergeRound' }
	if (['declined', 'instock'].includes(source.stage) || target.stage === 'declined') return { ok: false, error: 'vote.error.stage' }
	// A vote landing on the target mid-merge breaks the unique key and fails the batch: read again.
	for (let attempt = 0; attempt < 3; attempt++) {
		const both = await prisma.vote.findMany({ where: { candidateId: sourceId, member: { votes: { some: { candidateId: targetId } } } }, select: { memberId: true } })
		const dupes = both.map((v) => v.memberId)
		const budget = source.roundId && source.round?.maxVotes ? source.roundId : null
		try {
			const [dropped, moved] = await prisma.$transaction([
				prisma.vote.deleteMany({ where: { candidateId: sourceId, memberId: { in: dupes } } }),
				prisma.vote.updateMany({ where: { candidateId: sourceId }, data: { candidateId: targetId } }),
				...(budget ? dupes.map((memberId) => prisma.ballot.update({ where: { roundId_memberId: { roundId: budget, memberId } }, data: { used: { decrement: 1 } } })) : []),
				prisma.candidate.update({ where: { id: sourceId }, data: { stage: 'declined', mergedIntoId: targetId, declineReason: `merged:${target.title}`, stageChangedAt: new Date() } }),
				auditStatement({ actorId: staffId, action: 'candidate.merge', targetType: 'candidate', targetId: sourceId, detail: { into: targetId, dropped: dupes.length } }),
			])
			return { ok: true, moved: (moved as { count: number }).count, dropped: (dropped as { count: number }).count }
		} catch (error) {
			if (attempt === 2) throw error
		}
	}
	return { ok: false, error: 'vote.error.stage' }
}
