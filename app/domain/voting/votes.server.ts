import { Prisma } from '#app/generated/prisma/client.ts'
import { isCheckViolation, prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { award } from '../points/ledger.server.ts'
import type { Refusal } from './candidates.server.ts'
import { countVotes, establishedVoter } from './counts.server.ts'
import { parseVariants, VOTABLE, type Stage } from './schemas.ts'
import { autoSelect } from './stages.server.ts'

const known = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code
// The ballot's CHECK (used <= allowed) failing surfaces as a raw database error.
const overBudget = isCheckViolation

type Voter = { id: string; bannedAt: Date | null }

/** Whether votes are taken on this candidate now, and the round's budget if it has one. */
async function openFor(candidateId: string): Promise<{ ok: true; roundId: string | null; maxVotes: number | null; variants: string[] } | Refusal> {
	const c = await prisma.candidate.findUnique({
		where: { id: candidateId },
		select: { review: true, stage: true, variants: true, round: { select: { id: true, maxVotes: true, startsAt: true, endsAt: true } } },
	})
	if (!c || c.review !== 'approved') return { ok: false, error: 'vote.error.notFound' }
	const now = new Date()
	if (!VOTABLE.includes(c.stage as Stage) || (c.round && (c.round.startsAt > now || c.round.endsAt <= now))) return { ok: false, error: 'vote.error.closed' }
	return { ok: true, roundId: c.round?.id ?? null, maxVotes: c.round?.maxVotes ?? null, variants: parseVariants(c.variants) }
}

/**
 * One vote per member per candidate: the (candidate, member) key makes two tabs, or 200
 * racing requests, one vote. In a round with a budget, the ballot row moves in the same
 * transaction and its CHECK refuses the vote past the budget.
 */
export async function castVote(voter: Voter, candidateId: string, input: { variant?: string; comment?: string } = {}): Promise<{ ok: true; duplicate: boolean } | Refusal> {
	if (voter.bannedAt) return { ok: false, error: 'post.error.banned' }
	const open = await openFor(candidateId)
	if (!open.ok) return open
	if (input.variant && !open.variants.includes(input.variant)) return { ok: false, error: 'vote.error.variant', field: 'variant' }
	const { roundId, maxVotes } = open
	if (roundId && maxVotes) {
		try {
			await prisma.ballot.create({ data: { roundId, memberId: voter.id, used: 0, allowed: maxVotes } })
		} catch (error) {
			if (!known(error, 'P2002')) throw error
		}
	}
	try {
		await prisma.$transaction([
			prisma.vote.create({ data: { candidateId, memberId: voter.id, roundId, variant: input.variant ?? null, comment: input.comment ?? null }, select: { id: true } }),
			...(roundId && maxVotes ? [prisma.ballot.update({ where: { roundId_memberId: { roundId, memberId: voter.id } }, data: { used: { increment: 1 } }, select: { used: true } })] : []),
		])
	} catch (error) {
		if (known(error, 'P2002')) return { ok: true, duplicate: true }
		if (overBudget(error)) return { ok: false, error: 'vote.error.budget', params: { max: maxVotes ?? 0 } }
		throw error
	}
	await afterVote(voter.id, candidateId)
	return { ok: true, duplicate: false }
}

/** Takes a vote back while voting is open; its budget slot is freed in the same transaction. */
export async function withdrawVote(voter: Voter, candidateId: string): Promise<{ ok: true } | Refusal> {
	const open = await openFor(candidateId)
	if (!open.ok) return open
	try {
		await prisma.$transaction([
			prisma.vote.delete({ where: { candidateId_memberId: { candidateId, memberId: voter.id } }, select: { id: true } }),
			...(open.roundId && open.maxVotes ? [prisma.ballot.update({ where: { roundId_memberId: { roundId: open.roundId, memberId: voter.id } }, data: { used: { decrement: 1 } }, select: { used: true } })] : []),
		])
	} catch (error) {
		if (!known(error, 'P2025')) throw error
	}
	await announce(candidateId)
	return { ok: true }
}

/** A counted vote earns the vote reward (a new account's waits: it would pay account farms). */
async function afterVote(memberId: string, candidateId: string): Promise<void> {
	if (await prisma.user.count({ where: { AND: [{ id: memberId }, await establishedVoter()] } })) {
		await award({ memberId, trigger: 'vote.cast', key: `vote:${candidateId}:${memberId}`, sourceRef: `candidate:${candidateId}` })
	}
	const count = await announce(candidateId)
	await autoSelect(candidateId, count.votes)
}

/** Tells open boards the new count. */
async function announce(candidateId: string) {
	const count = (await countVotes([candidateId])).get(candidateId)!
	domainEvents.emit('vote:counted', { candidateId, ...count })
	return count
}
