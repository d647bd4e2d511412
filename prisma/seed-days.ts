// Demo member days: one open to every member now, with a packed tea blind box and the demo's
// points draw, and a surprise day only Gold members see (Aunt Wen, from the demo orders).
import { linkCampaign } from '#app/domain/member-days/activities.server.ts'
import { createMemberDay } from '#app/domain/member-days/days.server.ts'
import { packPool } from '#app/domain/member-days/pools.server.ts'
import { prisma } from '#app/lib/db.server.ts'

const DAY = 86_400_000

export async function seedDays(): Promise<number> {
	const now = Date.now()
	const open = await createMemberDay({
		title: 'Member day: tea blind boxes',
		description: 'Every box holds something from the shop: a Yixing teapot if you are lucky, a tin of Longjing or a celadon cup otherwise.',
		startsAt: new Date(now - DAY), endsAt: new Date(now + 6 * DAY), dailyCapPoints: 100,
	})
	if (!open.ok) throw new Error(`demo member day refused: ${JSON.stringify(open.errors)}`)
	await packPool({
		memberDayId: open.id, name: 'Tea blind box', boxes: 200, pricePoints: 20, perMemberLimit: 5, guaranteeEvery: 5, guaranteePosition: 1,
		items: [{ name: 'Yixing clay teapot', total: 2 }, { name: 'Longjing green tea, 250 g', total: 30 }, { name: 'Celadon tea cup', total: 168 }],
	})
	// The demo's points draw belongs to this day: members only, while the day lasts.
	const draw = await prisma.campaign.findFirst({ where: { title: 'Member-day draw' }, select: { id: true } })
	if (draw) {
		const linked = await linkCampaign(open.id, draw.id)
		if (!linked.ok) throw new Error(`demo member-day draw not linked: ${linked.error}`)
	}
	const gold = await prisma.segment.findUnique({ where: { name: 'Gold and above' }, select: { id: true } })
	if (!gold) return 1
	const surprise = await createMemberDay({
		title: 'Surprise for Gold members', description: 'A thank-you box for our Gold members, today only.',
		// Opened hours ago: its announcement (app/domain/member-days/announce.server.ts) is old news, so a
		// fresh demo does not spend the Gold members' weekly allowance of offers on it.
		startsAt: new Date(now - 8 * 3_600_000), endsAt: new Date(now + DAY), surprise: true, segmentId: gold.id,
	})
	if (surprise.ok) {
		await packPool({ memberDayId: surprise.id, name: 'Gold thank-you box', boxes: 20, pricePoints: 0, perMemberLimit: 1, items: [{ name: 'Longjing gift tin', total: 5 }, { name: 'Celadon tea cup', total: 15 }] })
	}
	return 2
}
