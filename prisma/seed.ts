// Demo data for a fresh install: runs only when the database has no users.
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { notify } from '#app/domain/notifications/notifications.server.ts'
import { createCampaign } from '#app/domain/lottery/campaigns.server.ts'
import { draw } from '#app/domain/lottery/draws.server.ts'
import { award, spend } from '#app/domain/points/ledger.server.ts'
import { connectDatabase, prisma } from '#app/lib/db.server.ts'
import { seedGroups } from './seed-groups.ts'
import { seedDays } from './seed-days.ts'
import { seedLive } from './seed-live.ts'
import { seedMembership } from './seed-membership.ts'
import { seedPosts } from './seed-posts.ts'
import { seedVoting } from './seed-voting.ts'

export const DEMO_ACCOUNTS = [
	{ email: 'merchant@quanzi.test', displayName: 'Quanzi Tea House', password: 'quanzi-merchant', role: 'merchant' },
	{ email: 'leader@quanzi.test', displayName: 'Aunt Wen', password: 'quanzi-leader', role: 'superuser' },
	{ email: 'mei@quanzi.test', displayName: '小美', password: 'quanzi-member', role: 'customer' },
	{ email: 'lin@quanzi.test', displayName: 'Lin', password: 'quanzi-member', role: 'customer' },
	{ email: 'tom@quanzi.test', displayName: 'Tom', password: 'quanzi-member', role: 'customer' },
] as const

/** A little history, so a demo member's points page shows how the ledger reads. */
async function seedPoints(memberId: string) {
	const earned = ['post.published', 'post.withPhotos', 'vote.cast', 'post.featured'] as const
	for (const trigger of earned) await award({ memberId, trigger, key: `demo:${memberId}:${trigger}`, sourceRef: 'demo' })
	await spend({ memberId, amount: 20, reason: 'spend:draw', key: `demo:${memberId}:draw`, sourceRef: 'demo' })
}

/** A free welcome draw (one per member) and a points draw, both open for 60 days. */
async function seedDraws() {
	const startsAt = new Date()
	const endsAt = new Date(startsAt.getTime() + 60 * 24 * 3600_000)
	await createCampaign({
		title: 'Welcome draw', costPoints: 0, perMemberLimit: 1, startsAt, endsAt, noEmptyDraws: true,
		prizes: [
			{ name: 'Tea gift set', kind: 'physical', total: 5 },
			{ name: '¥10 coupon', kind: 'coupon', total: 200 },
			{ name: '30 points', kind: 'points', points: 30, total: 2000 },
		],
	})
	await createCampaign({
		title: 'Member-day draw', costPoints: 10, perMemberLimit: 20, startsAt, endsAt,
		prizes: [
			{ name: 'Tablet', kind: 'physical', total: 1 },
			{ name: '¥50 coupon', kind: 'coupon', total: 20 },
			{ name: '50 points', kind: 'points', points: 50, total: 500 },
			{ name: 'Better luck next time', kind: 'nothing', total: 1000 },
		],
	})
}

/** Mei has already won a physical prize, so the shipping flow can be seen at once. */
async function seedWin() {
	const mei = await prisma.user.findUnique({ where: { email: 'mei@quanzi.test' }, select: { id: true } })
	const startsAt = new Date()
	const created = await createCampaign({
		title: 'Opening-day draw', costPoints: 0, perMemberLimit: 1, startsAt, endsAt: new Date(startsAt.getTime() + 7 * 24 * 3600_000),
		prizes: [{ name: 'Longjing tea gift box', kind: 'physical', total: 1 }],
	})
	if (mei && created.ok) await draw(created.id, mei.id, new Date(startsAt.getTime() + 1000))
}

async function seed() {
	await connectDatabase()
	if ((await prisma.user.count()) > 0) {
		console.log('Database already has members; demo data not added.')
		return
	}
	for (const account of DEMO_ACCOUNTS) {
		const user = await createUser(account)
		if (!user) continue
		// Demo members have been in the circle a while: their votes count and their links are not a newcomer's.
		await prisma.user.update({ where: { id: user.id }, data: { createdAt: new Date(Date.now() - 60 * 86_400_000) } })
		await notify(user.id, { kind: 'welcome', params: { name: account.displayName }, link: '/me' })
		if (account.role !== 'merchant') await seedPoints(user.id)
	}
	await seedDraws()
	await seedWin()
	const ids = Object.fromEntries(
		(await prisma.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { id: true, email: true } })).map((u) => [u.email.split('@')[0], u.id]),
	) as Record<'merchant' | 'leader' | 'mei' | 'lin' | 'tom', string>
	const posts = await seedPosts(ids)
	await seedVoting(ids)
	const rooms = await seedLive(ids)
	const groups = await seedGroups(ids)
	// Last: tiers multiply points awarded after them, and the demo points above are at face value.
	const orders = await seedMembership(ids)
	const days = await seedDays()
	console.log(`Demo data added: ${DEMO_ACCOUNTS.length} accounts, 3 prize draws, 3 products, ${posts} posts, a voting round, ${rooms} live rooms, ${groups} groups, ${orders} orders, a tier ladder and ${days} member days.`)
}

await seed()
await prisma.$disconnect()
