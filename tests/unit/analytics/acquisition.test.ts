import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { acquisition } from '#app/domain/analytics/acquisition.server.ts'
import { getCentsPer100Points, PointValueSchema, saveCentsPer100Points } from '#app/domain/analytics/point-value.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { at, paidOrder, RANGE, signedUp } from './fixtures.ts'

async function points(userId: string, reason: string, amount: number, day: string) {
	await prisma.pointsEntry.create({ data: { userId, reason, amount, key: `k-${randomUUID()}`, createdAt: at(day) }, select: { id: true } })
}

async function commission(superUserId: string, orderId: string, amount: number, currency: 'cash' | 'points', kind = 'earn') {
	await prisma.commissionEntry.create({ data: { superUserId, orderId, level: 1, kind, currency, amount, key: `c-${randomUUID()}` }, select: { id: true } })
}

describe('new members by source and the cost per acquired member', () => {
	test('counts each week by source and prices points at the merchant setting plus referral commission', async () => {
		const referrer = await signedUp('2025-12-01')
		const referred = await signedUp('2026-01-06')
		const shared = await signedUp('2026-01-13')
		const walkIn = await signedUp('2026-01-07')
		await signedUp('2026-01-20')
		await signedUp('2026-01-08', 'merchant') // staff are nobody's new member
		await signedUp('2026-02-01') // after the range
		const link = await prisma.shareLink.create({ data: { code: `s-${randomUUID()}`, userId: referrer.id, targetType: 'product', targetId: 'p1' }, select: { id: true } })
		const attribution = { referrerId: referrer.id, status: 'paid', visitedAt: at('2026-01-06'), signupIp: '10.0.0.1' }
		await prisma.attribution.create({ data: { ...attribution, memberId: referred.id, campaign: 'referral' } })
		await prisma.attribution.create({ data: { ...attribution, memberId: shared.id, campaign: 'product', shareLinkId: link.id } })

		await points(referrer.id, 'referral.signup', 100, '2026-01-06')
		await points(referrer.id, 'share.signup', 50, '2026-01-13')
		await points(referrer.id, 'referral.signup', 300, '2025-12-20') // before the range
		await points(walkIn.id, 'post.photo', 999, '2026-01-07') // not an acquisition reward
		await saveCentsPer100Points(50) // ¥0.50 per 100 points: 150 points cost 75 cents

		const referredOrder = await paidOrder(referred.id, '2026-01-10')
		await commission(referrer.id, referredOrder.id, 500, 'cash')
		await commission(referrer.id, referredOrder.id, 200, 'points') // 200 points = 100 cents
		const walkInOrder = await paidOrder(walkIn.id, '2026-01-11')
		await commission(referrer.id, walkInOrder.id, 700, 'cash') // a walk-in's order is no acquisition cost

		const figures = await acquisition(RANGE)
		expect(figures.weeks).toEqual([
			{ week: '2026-01-05', referral: 1, share: 0, other: 1 },
			{ week: '2026-01-12', referral: 0, share: 1, other: 0 },
			{ week: '2026-01-19', referral: 0, share: 0, other: 1 },
		])
		expect(figures).toMatchObject({ referred: 2, pointsPaid: 150, pointsCents: 75, commissionCents: 600, truncated: false })
		// (75 + 600) / 2 referred members = 337.5, rounded to the cent.
		expect(figures.costPerMemberCents).toBe(338)
	})

	test('the point value defaults to ¥1 per 100 points and refuses what is not an amount', async () => {
		await prisma.setting.deleteMany({ where: { key: 'analytics.pointValue' } })
		expect(await getCentsPer100Points()).toBe(100)
		expect(PointValueSchema.safeParse({ yuanPer100: '0.5' })).toMatchObject({ success: true, data: { yuanPer100: 50 } })
		for (const bad of ['-1', 'abc', '1.234', '1001', '']) expect(PointValueSchema.safeParse({ yuanPer100: bad }).success).toBe(false)
	})
})
