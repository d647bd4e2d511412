import type { Stage } from '#app/domain/voting/schemas.ts'
import { prisma } from '#app/lib/db.server.ts'
import { COUNTED_ATTRIBUTIONS } from './commission-recipients.server.ts'

/**
 * Points per unit of each signal. Bringing a member is worth most (it is what a super-user is
 * paid for); a post the merchant featured shows judgement others trust; a vote on an idea that
 * won shows taste; a helpful like is the lightest signal. Shown on the console page as is.
 */
export const CANDIDATE_WEIGHTS = { referrals: 10, featured: 5, winningVotes: 2, likes: 1 } as const
const TOP = 20
/** An idea "won" once the shop selected it to make; it stays won through pre-sale and stock. */
const WINNING_STAGES: Stage[] = ['selected', 'presale', 'instock']
/** Each signal's leaders read per query: anyone outside every top list cannot be top 20 by much. */
const PER_SIGNAL = 200

export type Candidate = {
	id: string
	displayName: string
	referrals: number
	featured: number
	winningVotes: number
	likes: number
	score: number
}

/**
 * Customers worth promoting, best first: one grouped query per signal (each already limited to
 * active customers), then their names. Staff, super-users and banned members are left out.
 */
export async function promotionCandidates(): Promise<Candidate[]> {
	const customer = { role: 'customer', bannedAt: null }
	const [referrals, featured, votes, likes] = await Promise.all([
		prisma.attribution.groupBy({
			by: ['referrerId'], where: { status: { in: COUNTED_ATTRIBUTIONS }, referrer: customer },
			_count: { _all: true }, orderBy: { _count: { referrerId: 'desc' } }, take: PER_SIGNAL,
		}),
		prisma.post.groupBy({
			by: ['authorId'], where: { status: 'published', featuredAt: { not: null }, author: customer },
			_count: { _all: true }, orderBy: { _count: { authorId: 'desc' } }, take: PER_SIGNAL,
		}),
		prisma.vote.groupBy({
			by: ['memberId'], where: { candidate: { stage: { in: WINNING_STAGES } }, member: customer },
			_count: { _all: true }, orderBy: { _count: { memberId: 'desc' } }, take: PER_SIGNAL,
		}),
		prisma.post.groupBy({
			by: ['authorId'], where: { status: 'published', likeCount: { gt: 0 }, author: customer },
			_sum: { likeCount: true }, orderBy: { _sum: { likeCount: 'desc' } }, take: PER_SIGNAL,
		}),
	])
	const signals = new Map<string, Omit<Candidate, 'id' | 'displayName' | 'score'>>()
	const of = (id: string) => {
		let row = signals.get(id)
		if (!row) signals.set(id, (row = { referrals: 0, featured: 0, winningVotes: 0, likes: 0 }))
		return row
	}
	for (const r of referrals) of(r.referrerId).referrals = r._count._all
	for (const f of featured) of(f.authorId).featured = f._count._all
	for (const v of votes) of(v.memberId).winningVotes = v._count._all
	for (const l of likes) of(l.authorId).likes = l._sum.likeCount ?? 0

	const w = CANDIDATE_WEIGHTS
	const ranked = [...signals]
		.map(([id, s]) => ({ id, ...s, score: s.referrals * w.referrals + s.featured * w.featured + s.winningVotes * w.winningVotes + s.likes * w.likes }))
		.filter((c) => c.score > 0)
		.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
		.slice(0, TOP)
	const users = await prisma.user.findMany({ where: { id: { in: ranked.map((c) => c.id) } }, select: { id: true, displayName: true } })
	const names = new Map(users.map((u) => [u.id, u.displayName]))
	return ranked.map((c) => ({ ...c, displayName: names.get(c.id) ?? '—' }))
}
