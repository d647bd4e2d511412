import { describe, expect, test } from 'vitest'
import { tierDistribution } from '#app/domain/analytics/tiers.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { signedUp } from './fixtures.ts'

describe('tier distribution', () => {
	test('members per tier, members without a tier row in the first tier, staff left out', async () => {
		const tier = (name: string, position: number) => prisma.tier.create({ data: { name, position, minSpendCents: position * 10_000 }, select: { id: true } })
		const [bronze, silver, gold] = [await tier('Bronze', 1), await tier('Silver', 2), await tier('Gold', 3)]
		const members = await Promise.all([1, 2, 3, 4, 5, 6].map(() => signedUp('2025-06-01')))
		const staff = await signedUp('2025-06-01', 'merchant')
		const row = (userId: string, tierId: string) => prisma.memberTier.create({ data: { userId, tierId, spendCents: 0, reachedAt: new Date(), evaluatedAt: new Date() } })
		await row(members[0]!.id, silver.id)
		await row(members[1]!.id, gold.id)
		await row(members[2]!.id, gold.id)
		await row(members[3]!.id, bronze.id)
		await row(staff.id, gold.id)
		// members[4] and members[5] have no row yet: first tier.
		expect(await tierDistribution()).toEqual([
			{ tier: 'Bronze', members: 3 },
			{ tier: 'Silver', members: 1 },
			{ tier: 'Gold', members: 2 },
		])
	})
})
