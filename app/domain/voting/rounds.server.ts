import { prisma } from '#app/lib/db.server.ts'
import { auditStatement } from '../moderation/audit.server.ts'
import type { RoundInput } from './schemas.ts'

export async function createRound(staffId: string, input: RoundInput, now = new Date()): Promise<{ id: string }> {
	const round = await prisma.voteRound.create({
		data: { title: input.title, description: input.description, maxVotes: input.maxVotes ?? null, startsAt: now, endsAt: new Date(now.getTime() + input.days * 86_400_000) },
		select: { id: true },
	})
	await auditStatement({ actorId: staffId, action: 'round.create', targetType: 'round', targetId: round.id, detail: { ...input } })
	return round
}

/** Ends a round now: its votes stay, no more are taken. */
export async function closeRound(staffId: string, roundId: string): Promise<boolean> {
	const { count } = await prisma.voteRound.updateMany({ where: { id: roundId, endsAt: { gt: new Date() } }, data: { endsAt: new Date() } })
	if (count === 1) await auditStatement({ actorId: staffId, action: 'round.close', targetType: 'round', targetId: roundId })
	return count === 1
}

export type RoundView = { id: string; title: string; description: string; maxVotes: number | null; endsAt: string; open: boolean }

export async function listRounds(options: { openOnly?: boolean } = {}): Promise<RoundView[]> {
	const now = new Date()
	const rows = await prisma.voteRound.findMany({
		where: options.openOnly ? { startsAt: { lte: now }, endsAt: { gt: now } } : {},
		orderBy: { endsAt: 'desc' },
		take: 50,
		select: { id: true, title: true, description: true, maxVotes: true, startsAt: true, endsAt: true },
	})
	return rows.map((r) => ({ id: r.id, title: r.title, description: r.description, maxVotes: r.maxVotes, endsAt: r.endsAt.toISOString(), open: r.startsAt <= now && r.endsAt > now }))
}

/** How many of the round's votes the member has used. */
export async function usedVotes(roundId: string, memberId: string): Promise<number> {
	return prisma.vote.count({ where: { roundId, memberId } })
}
