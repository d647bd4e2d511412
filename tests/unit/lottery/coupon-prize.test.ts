import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { createCampaign, type CampaignInput } from '#app/domain/lottery/campaigns.server.ts'
import { draw } from '#app/domain/lottery/draws.server.ts'
import { saveTemplate } from '#app/domain/membership/coupon-templates.server.ts'
import { prisma } from '#app/lib/db.server.ts'

const HOUR = 3600_000

async function member() {
	const user = await createUser({ email: `cp-${randomUUID()}@quanzi.test`, displayName: 'Winner', password: 'long enough' })
	return user!.id
}

async function couponTemplate(active = true) {
	const form = new FormData()
	for (const [k, v] of Object.entries({ name: '¥20 off', kind: 'amount', value: '20', minSpend: '0', validDays: '30', auto: 'none' })) form.set(k, v)
	if (active) form.set('active', 'on')
	const saved = await saveTemplate(form)
	if (!saved.ok) throw new Error(JSON.stringify(saved))
	return saved.id
}

function campaignInput(prizes: CampaignInput['prizes']): CampaignInput {
	return { title: 'Spring draw', costPoints: 0, perMemberLimit: 100, startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR), prizes }
}

describe('coupon prizes', () => {
	test('each winning draw of a coupon prize issues exactly one coupon, under concurrent draws; every real prize is announced once', async () => {
		const templateId = await couponTemplate()
		const created = await createCampaign(
			campaignInput([
				{ name: '¥20 coupon', kind: 'coupon', couponTemplateId: templateId, total: 40 },
				{ name: 'Tea cup', kind: 'physical', total: 10 },
				{ name: 'Better luck next time', kind: 'nothing', total: 50 },
			]),
			{ couponTemplateRequired: true },
		)
		if (!created.ok) throw new Error(JSON.stringify(created.errors))
		const members = await Promise.all(Array.from({ length: 15 }, member))
		// 150 draws on a pool of 100: the pool runs out and nothing is doubled.
		const results = await Promise.all(Array.from({ length: 150 }, (_, i) => draw(created.id, members[i % 15]!)))
		const won = results.filter((r) => r.ok)
		expect(won).toHaveLength(100)
		const couponDraws = won.filter((r) => r.ok && r.prize.kind === 'coupon')
		expect(couponDraws).toHaveLength(40)

		const coupons = await prisma.coupon.findMany({ where: { templateId }, select: { userId: true, key: true, source: true } })
		expect(coupons).toHaveLength(40)
		expect(coupons.every((c) => c.source === 'prize')).toBe(true)
		// Each coupon is keyed by its draw: the winner's draws of the coupon prize, one coupon each.
		const draws = await prisma.draw.findMany({ where: { campaignId: created.id, prize: { kind: 'coupon' } }, select: { userId: true, number: true } })
		expect(coupons.map((c) => c.key).sort()).toEqual(draws.map((d) => `prize:draw:${created.id}:${d.userId}:${d.number}`).sort())

		// prizeWon for the 50 real prizes, none for the empty draws; links to the member's prizes.
		const notices = await prisma.notification.findMany({ where: { userId: { in: members }, kind: 'prizeWon' }, select: { key: true, params: true, link: true } })
		expect(notices).toHaveLength(50)
		const drawIds = won.filter((r) => r.ok && r.prize.kind !== 'nothing').map((r) => (r.ok ? `prize-won:${r.drawId}` : ''))
		expect(notices.map((n) => n.key).sort()).toEqual(drawIds.sort())
		expect(notices.every((n) => n.link === '/me/prizes' && JSON.parse(n.params).campaign === 'Spring draw')).toBe(true)
	}, 120_000)

	test('a draw that fails part-way leaves no coupon behind', async () => {
		const templateId = await couponTemplate()
		const created = await createCampaign(campaignInput([{ name: '¥20 coupon', kind: 'coupon', couponTemplateId: templateId, total: 3 }]))
		if (!created.ok) throw new Error(JSON.stringify(created.errors))
		const m = await member()
		const other = await member()
		// Another process's draw already holds the next sequence number: this draw's batch fails after its coupon statement was built.
		const prize = await prisma.prize.findFirstOrThrow({ where: { campaignId: created.id }, select: { id: true } })
		await prisma.draw.create({ data: { campaignId: created.id, userId: other, number: 1, sequence: 1, poolBefore: '[3]', prizeId: prize.id } })
		expect(await draw(created.id, m)).toEqual({ ok: false, error: 'lottery.busy' })
		expect(await prisma.coupon.count({ where: { templateId } })).toBe(0)
		expect(await prisma.notification.count({ where: { userId: m, kind: 'prizeWon' } })).toBe(0)
	})

	test('the console’s form needs an active template for a coupon prize, and none for other prizes', async () => {
		const active = await couponTemplate()
		const inactive = await couponTemplate(false)
		const before = await prisma.campaign.count()
		const missing = await createCampaign(campaignInput([{ name: 'Coupon', kind: 'coupon', total: 5 }]), { couponTemplateRequired: true })
		expect(missing).toEqual({ ok: false, errors: { 'prizes.0.couponTemplateId': 'lottery.prizeCouponTemplate' } })
		const off = await createCampaign(campaignInput([{ name: 'Coupon', kind: 'coupon', couponTemplateId: inactive, total: 5 }]), { couponTemplateRequired: true })
		expect(off).toEqual({ ok: false, errors: { 'prizes.0.couponTemplateId': 'lottery.prizeCouponTemplate' } })
		const onCup = await createCampaign(campaignInput([{ name: 'Cup', kind: 'physical', couponTemplateId: active, total: 5 }]), { couponTemplateRequired: true })
		expect(onCup.ok).toBe(false)
		expect(!onCup.ok && onCup.errors).toEqual({ 'prizes.0.couponTemplateId': 'lottery.prizeCouponTemplate' })
		expect(await prisma.campaign.count()).toBe(before)
		const fine = await createCampaign(campaignInput([{ name: 'Coupon', kind: 'coupon', couponTemplateId: active, total: 5 }]), { couponTemplateRequired: true })
		expect(fine.ok).toBe(true)
	})
})
