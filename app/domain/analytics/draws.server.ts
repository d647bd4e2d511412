import { prisma } from '#app/lib/db.server.ts'
import { againstOdds, type PrizeOutcome } from './odds.ts'
import type { DateRange } from './range.ts'

const MAX_CAMPAIGNS = 20

export type DrawOutcome = { campaign: string; draws: number; prizes: PrizeOutcome[] }

/**
 * Per draw campaign running in the range (latest 20): each prize's packed count (the published
 * odds are packed / all packed, the pool being fixed) against the draws that won it so far.
 */
export async function drawOutcomes(range: DateRange): Promise<DrawOutcome[]> {
	const campaigns = await prisma.campaign.findMany({
		where: { startsAt: { lte: range.to }, endsAt: { gte: range.from } },
		select: { id: true, title: true, prizes: { select: { id: true, name: true, total: true }, orderBy: { position: 'asc' } } },
		orderBy: { startsAt: 'desc' },
		take: MAX_CAMPAIGNS,
	})
	const won = campaigns.length
		? await prisma.draw.groupBy({ by: ['prizeId'], where: { campaignId: { in: campaigns.map((c) => c.id) } }, _count: { _all: true } })
		: []
	const wins = new Map(won.map((w) => [w.prizeId, w._count._all]))
	return campaigns.map((campaign) => {
		const { drawn, prizes } = againstOdds(campaign.prizes, wins)
		return { campaign: campaign.title, draws: drawn, prizes }
	})
}
