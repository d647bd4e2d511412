import { prisma } from '#app/lib/db.server.ts'
import type { Refusal } from './candidates.server.ts'
import { establishedVoter } from './counts.server.ts'
import { parseVariants } from './schemas.ts'

export const PRESALE = 'presale'

/**
 * A reservation in pre-sale: quantity and variant, with the deposit the merchant asks per
 * unit recorded (the shop's checkout collects it). Reserving the same variant again sets the
 * new quantity; the (source, candidate, member, variant) key keeps one row.
 */
export async function reserve(member: { id: string; bannedAt: Date | null }, candidateId: string, input: { variant: string; quantity: number }): Promise<{ ok: true; id: string } | Refusal> {
	if (member.bannedAt) return { ok: false, error: 'post.error.banned' }
	const c = await prisma.candidate.findUnique({ where: { id: candidateId }, select: { stage: true, review: true, variants: true, depositCents: true } })
	if (!c || c.review !== 'approved') return { ok: false, error: 'vote.error.notFound' }
	if (c.stage !== 'presale') return { ok: false, error: 'vote.error.notPresale' }
	const variants = parseVariants(c.variants)
	if (variants.length ? !variants.includes(input.variant) : input.variant !== '') return { ok: false, error: 'vote.error.variant', field: 'variant' }
	const key = { source_sourceId_memberId_variant: { source: PRESALE, sourceId: candidateId, memberId: member.id, variant: input.variant } }
	const data = { quantity: input.quantity, depositCents: (c.depositCents ?? 0) * input.quantity, status: 'open' }
	const intent = await prisma.orderIntent.upsert({ where: key, create: { source: PRESALE, sourceId: candidateId, memberId: member.id, variant: input.variant, ...data }, update: data, select: { id: true } })
	return { ok: true, id: intent.id }
}

export async function cancelReservation(memberId: string, candidateId: string, variant: string): Promise<boolean> {
	const { count } = await prisma.orderIntent.updateMany({ where: { source: PRESALE, sourceId: candidateId, memberId, variant, status: 'open' }, data: { status: 'cancelled' } })
	return count === 1
}

export async function myReservations(memberId: string, candidateId: string) {
	return prisma.orderIntent.findMany({ where: { source: PRESALE, sourceId: candidateId, memberId, status: 'open' }, select: { variant: true, quantity: true, depositCents: true }, orderBy: { variant: 'asc' } })
}

export type ForecastRow = { variant: string; votes: number; reservations: number; quantity: number; depositCents: number }

/** What to order: per variant, the counted votes that prefer it against the open reservations. */
export async function forecast(candidateId: string): Promise<{ rows: ForecastRow[]; totals: ForecastRow }> {
	const [c, votes, intents] = await Promise.all([
		prisma.candidate.findUnique({ where: { id: candidateId }, select: { variants: true } }),
		prisma.vote.groupBy({ by: ['variant'], where: { candidateId, member: await establishedVoter() }, _count: { _all: true } }),
		prisma.orderIntent.groupBy({ by: ['variant'], where: { source: PRESALE, sourceId: candidateId, status: 'open' }, _count: { _all: true }, _sum: { quantity: true, depositCents: true } }),
	])
	const names = [...new Set([...parseVariants(c?.variants ?? ''), ...votes.map((v) => v.variant ?? ''), ...intents.map((i) => i.variant)])]
	const rows = names.map((variant) => {
		const v = votes.find((x) => (x.variant ?? '') === variant)
		const i = intents.find((x) => x.variant === variant)
		return { variant, votes: v?._count._all ?? 0, reservations: i?._count._all ?? 0, quantity: i?._sum.quantity ?? 0, depositCents: i?._sum.depositCents ?? 0 }
	})
	const totals = rows.reduce((t, r) => ({ variant: '', votes: t.votes + r.votes, reservations: t.reservations + r.reservations, quantity: t.quantity + r.quantity, depositCents: t.depositCents + r.depositCents }), { variant: '', votes: 0, reservations: 0, quantity: 0, depositCents: 0 })
	return { rows, totals }
}

/** "Chosen by N fans": the count and the first voters who agreed to be named. */
export async function credits(candidateId: string, limit = 5): Promise<{ fans: number; names: string[] }> {
	const [fans, first] = await Promise.all([
		prisma.vote.count({ where: { candidateId, member: await establishedVoter() } }),
		prisma.vote.findMany({ where: { candidateId, member: { creditVotes: true } }, orderBy: { createdAt: 'asc' }, take: limit, select: { member: { select: { displayName: true } } } }),
	])
	return { fans, names: first.map((v) => v.member.displayName) }
}
