import { prisma } from '#app/lib/db.server.ts'
import type { DateRange } from './range.ts'

const MAX_CAMPAIGNS = 20

export type PrizeOutcome = { prize: string; packed: number; won: number; publishedPct: number; actualPct: number }
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
		const packed = campaign.prizes.reduce((sum, p) => sum + p.total, 0)
		const draws = campaign.prizes.reduce((sum, p) => sum + (wins.get(p.id) ?? 0), 0)
		return {
			campaign: campaign.title,
			draws,
			prizes: campaign.prizes.map((p) => ({
				prize: p.name,
				packed: p.total,
				won: wins.get(p.id) ?? 0,
				publishedPct: packed === 0 ? 0 : (100 * p.total) / packed,
				actualPct: draws === 0 ? 0 : (100 * (wins.get(p.id) ?? 0)) / draws,
			})),
		}
	})
}
