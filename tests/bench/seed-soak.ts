// What bench:soak needs on top of the feed, board and live-room seeds (which run before it):
// a prize draw with a pool the soak cannot empty, points for every seeded viewer to draw with,
// and the ids the soak's visitors go to. Writes them as JSON to SOAK_SEED_OUT.
import { writeFileSync } from 'node:fs'
import { createCampaign } from '#app/domain/lottery/campaigns.server.ts'
import { award } from '#app/domain/points/ledger.server.ts'
import { connectDatabase, prisma } from '#app/lib/db.server.ts'

export type SoakSeed = { campaignId: string; candidateIds: string[]; postIds: string[]; productId: string }

const out = process.env.SOAK_SEED_OUT
if (!out) throw new Error('seed-soak: set SOAK_SEED_OUT (a file)')
/** Enough for a member drawing every second of a long soak at DRAW_COST. */
const POINTS_EACH = 1_000_000
const DRAW_COST = 10

await connectDatabase()
try {
	const campaign = await createCampaign({
		title: 'Soak draw',
		costPoints: DRAW_COST,
		perMemberLimit: 1000,
		startsAt: new Date(Date.now() - 1000),
		endsAt: new Date(Date.now() + 7 * 86_400_000),
		prizes: [
			{ name: 'Points back', kind: 'points', points: 5, total: 1_000_000 },
			{ name: 'Tea sample', kind: 'physical', total: 1_000_000 },
			{ name: 'Better luck next time', kind: 'nothing', total: 1_000_000 },
		],
	})
	if (!campaign.ok) throw new Error(`campaign: ${JSON.stringify(campaign.errors)}`)
	const viewers = await prisma.user.findMany({ where: { id: { startsWith: 'bench-viewer-' } }, select: { id: true }, take: 1000 })
	if (!viewers.length) throw new Error('seed-soak: no bench viewers; run seed-live-room.ts first')
	for (const { id } of viewers) {
		const paid = await award({ memberId: id, trigger: 'prize.points', key: `soak-seed:${id}`, points: POINTS_EACH })
		if (!paid.ok) throw new Error(`points for ${id}: ${paid.error}`)
	}
	const candidates = await prisma.candidate.findMany({ select: { id: true }, take: 50 })
	const posts = await prisma.post.findMany({ where: { status: 'published' }, select: { id: true }, take: 50 })
	const product = await prisma.product.findFirst({ where: { sku: 'BENCH-1' }, select: { id: true } })
	if (!candidates.length || !posts.length || !product) throw new Error('seed-soak: run seed-feed.ts and seed-board.ts first')
	const seed: SoakSeed = { campaignId: campaign.id, candidateIds: candidates.map((c) => c.id), postIds: posts.map((p) => p.id), productId: product.id }
	writeFileSync(out, JSON.stringify(seed))
} finally {
	await prisma.$disconnect()
}
