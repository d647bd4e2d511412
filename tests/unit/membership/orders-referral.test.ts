import { describe, expect, test } from 'vitest'
import { payDueOrderRewards } from '#app/domain/referrals/attribution.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '../posts/fixtures.ts'
import { csv, daysAgo, importCsv } from './orders-fixtures.ts'

// A referred member's first order pays the referrer after the return window, unless it is
// refunded before then: the reward is dropped and the member's next paid order qualifies.

async function referredPair() {
	const referrer = await member({ name: 'Referrer' })
	const friend = await member({ name: 'Friend' })
	const at = daysAgo(40)
	await prisma.attribution.create({ data: { memberId: friend.id, referrerId: referrer.id, campaign: 'referral', status: 'paid', visitedAt: at, signupIp: '10.0.0.9', createdAt: at } })
	const email = (await prisma.user.findUniqueOrThrow({ where: { id: friend.id }, select: { email: true } })).email
	return { referrer, friend, email }
}

const scheduled = (friendId: string) =>
	prisma.qualifyingOrder.findMany({ where: { attribution: { memberId: friendId } }, select: { orderRef: true, paidAt: true } })
const rewards = (referrerId: string) => prisma.pointsEntry.count({ where: { userId: referrerId, reason: 'referral.firstOrder' } })

describe('the referrer’s first-order reward and refunds', () => {
	test('a first order refunded inside the return window pays nothing; the next paid order qualifies instead', async () => {
		const { referrer, friend, email } = await referredPair()
		const placedAt = daysAgo(5)
		await importCsv(csv([{ id: 'REF-1', email, placedAt }]))
		expect(await scheduled(friend.id)).toEqual([{ orderRef: 'REF-1', paidAt: null }])

		await importCsv(csv([{ id: 'REF-1', email, placedAt, status: 'refunded' }]))
		expect(await scheduled(friend.id)).toEqual([])

		await importCsv(csv([{ id: 'REF-2', email, placedAt: daysAgo(16) }]))
		expect(await scheduled(friend.id)).toEqual([{ orderRef: 'REF-2', paidAt: null }])
		expect(await payDueOrderRewards()).toBe(1)
		expect(await rewards(referrer.id)).toBe(1)
		expect((await scheduled(friend.id))[0]?.paidAt).not.toBeNull()
	})

	test('a refund of the only order leaves nothing to pay, however often the job runs', async () => {
		const { referrer, friend, email } = await referredPair()
		const placedAt = daysAgo(5)
		await importCsv(csv([{ id: 'REF-3', email, placedAt }]))
		await importCsv(csv([{ id: 'REF-3', email, placedAt, status: 'cancelled' }]))
		await Promise.all([payDueOrderRewards(), payDueOrderRewards()])
		expect(await scheduled(friend.id)).toEqual([])
		expect(await rewards(referrer.id)).toBe(0)
	})

	test('a reward already paid stays paid when the order is refunded after the window', async () => {
		const { referrer, friend, email } = await referredPair()
		const placedAt = daysAgo(20)
		await importCsv(csv([{ id: 'REF-4', email, placedAt }]))
		expect(await payDueOrderRewards()).toBe(1)
		const refund = await importCsv(csv([{ id: 'REF-4', email, placedAt, status: 'refunded' }]))
		expect(refund.counts.updated).toBe(1)
		expect((await scheduled(friend.id))[0]?.paidAt).not.toBeNull()
		expect(await rewards(referrer.id)).toBe(1)
	})
})
