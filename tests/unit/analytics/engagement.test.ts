import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { drawOutcomes } from '#app/domain/analytics/draws.server.ts'
import { liveLikesVsSales } from '#app/domain/analytics/live.server.ts'
import { voteConversion } from '#app/domain/analytics/votes.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { product } from '../posts/fixtures.ts'
import { at, RANGE, signedUp } from './fixtures.ts'

async function campaign(title: string, startsAt: string, endsAt: string, prizes: { name: string; total: number }[]) {
	return prisma.campaign.create({
		data: {
			title, costPoints: 10, perMemberLimit: 100, startsAt: at(startsAt), endsAt: at(endsAt), seed: 'ab', seedHash: 'cd',
			prizes: { create: prizes.map((p, i) => ({ ...p, position: i + 1, kind: 'physical', remaining: p.total })) },
		},
		select: { id: true, prizes: { select: { id: true }, orderBy: { position: 'asc' } } },
	})
}

describe('draw outcomes against published odds', () => {
	test('packed counts give the odds; draws won are counted per prize; campaigns outside the range are left out', async () => {
		const drawer = await signedUp('2025-06-01')
		const spring = await campaign('Spring draw', '2026-01-10', '2026-02-10', [{ name: 'Tablet', total: 1 }, { name: 'Mug', total: 9 }])
		await campaign('Quiet draw', '2026-01-20', '2026-01-30', [{ name: 'Cup', total: 5 }])
		const old = await campaign('Old draw', '2025-10-01', '2025-11-01', [{ name: 'Pen', total: 5 }])
		const won = [spring.prizes[1]!, spring.prizes[0]!, spring.prizes[1]!, spring.prizes[1]!]
		for (const [i, prize] of won.entries()) {
			await prisma.draw.create({ data: { campaignId: spring.id, userId: drawer.id, number: i + 1, sequence: i + 1, poolBefore: '[]', prizeId: prize.id } })
		}
		await prisma.draw.create({ data: { campaignId: old.id, userId: drawer.id, number: 1, sequence: 1, poolBefore: '[]', prizeId: old.prizes[0]!.id } })

		expect(await drawOutcomes(RANGE)).toEqual([
			{ campaign: 'Quiet draw', draws: 0, prizes: [{ prize: 'Cup', packed: 5, won: 0, publishedPct: 100, actualPct: 0 }] },
			{
				campaign: 'Spring draw',
				draws: 4,
				prizes: [
					{ prize: 'Tablet', packed: 1, won: 1, publishedPct: 10, actualPct: 25 },
					{ prize: 'Mug', packed: 9, won: 3, publishedPct: 90, actualPct: 75 },
				],
			},
		])
	})
})

describe('vote-to-reservation conversion', () => {
	test('votes in the range against open pre-sale reservations and their units', async () => {
		const voters = await Promise.all([1, 2, 3, 4, 5].map(() => signedUp('2025-06-01')))
		const candidate = (title: string) => prisma.candidate.create({ data: { title, proposedById: voters[0]!.id }, select: { id: true } })
		const teapot = await candidate('Clay teapot')
		const tray = await candidate('Tea tray')
		for (const voter of voters.slice(0, 4)) await prisma.vote.create({ data: { candidateId: teapot.id, memberId: voter.id, createdAt: at('2026-01-07') } })
		await prisma.vote.create({ data: { candidateId: teapot.id, memberId: voters[4]!.id, createdAt: at('2025-12-01') } }) // before the range
		await prisma.vote.create({ data: { candidateId: tray.id, memberId: voters[0]!.id, createdAt: at('2026-01-08') } })
		const intent = (memberId: string, quantity: number, status = 'open') => prisma.orderIntent.create({ data: { source: 'presale', sourceId: teapot.id, memberId, quantity, status } })
		await intent(voters[0]!.id, 3)
		await intent(voters[1]!.id, 1)
		await intent(voters[2]!.id, 5, 'cancelled')

		expect(await voteConversion(RANGE)).toEqual([
			{ candidate: 'Clay teapot', votes: 4, reservations: 2, units: 4, rate: 0.5 },
			{ candidate: 'Tea tray', votes: 1, reservations: 0, units: 0, rate: 0 },
		])
	})
})

describe('live rooms: likes against sales', () => {
	test('each room in the range with its likes, flash units claimed and their value', async () => {
		const host = await signedUp('2025-06-01', 'merchant')
		const buyer = await signedUp('2025-06-01')
		const item = await product()
		const room = (title: string, day: string, likeCount: number) =>
			prisma.liveRoom.create({ data: { title, hostId: host.id, streamUrl: 'https://video.quanzi.test/a.m3u8', startsAt: at(day), likeCount }, select: { id: true } })
		const tasting = await room('Tea tasting', '2026-01-09', 120)
		await room('Quiet evening', '2026-01-15', 10)
		await room('Last year', '2025-12-01', 999)
		const sale = (roomId: string, priceCents: number) =>
			prisma.flashSale.create({ data: { roomId, productId: item.id, priceCents, stock: 50, remaining: 50, perMember: 10, opensAt: at('2026-01-09'), closesAt: at('2026-01-10'), createdById: host.id }, select: { id: true } })
		const cups = await sale(tasting.id, 1000)
		const pots = await sale(tasting.id, 500)
		const claim = (saleId: string, quantity: number) => prisma.flashClaim.create({ data: { saleId, memberId: buyer.id, key: randomUUID(), quantity } })
		await claim(cups.id, 2)
		await claim(cups.id, 3)
		await claim(pots.id, 1)

		expect(await liveLikesVsSales(RANGE)).toEqual([
			{ room: 'Quiet evening', likes: 10, units: 0, salesCents: 0 },
			{ room: 'Tea tasting', likes: 120, units: 6, salesCents: 5500 },
		])
	})
})
