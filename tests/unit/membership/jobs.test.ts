import { describe, expect, test } from 'vitest'
import { issueCoupon } from '#app/domain/membership/coupons.server.ts'
import { runMembershipJobs } from '#app/domain/membership/membership-jobs.server.ts'
import { saveTiers } from '#app/domain/membership/tier-admin.server.ts'
import { memberStandings, refreshTiers } from '#app/domain/membership/tiers.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { customer, paidOrder, template } from './coupons-fixtures.ts'

const DAY = 86_400_000
const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY)
const later = (now: Date, days: number) => new Date(now.getTime() + days * DAY)

function couponsOf(userId: string, source?: string) {
	return prisma.coupon.findMany({ where: { userId, ...(source ? { source } : {}) }, orderBy: { issuedAt: 'asc' }, select: { id: true, key: true, source: true, templateId: true, remindedAt: true } })
}

// The automatic templates exist for the whole file; each test reads only its own members.
const birthdayTemplate = template({ name: 'Birthday treat', auto: 'birthday', validDays: '30' })
const winbackTemplate = template({ name: 'We miss you', auto: 'winback', validDays: '14' })

describe('birthday coupons', () => {
	// 04:00 UTC on 15 May 2026: noon in China, in May.
	const now = new Date('2026-05-15T04:00:00Z')

	test('a birthday entered last week earns no coupon; one entered 40 days ago earns one, once, with the job run twice at once', async () => {
		const templateId = await birthdayTemplate
		const lastWeek = await customer({ birthdayMonth: 5, birthdaySetAt: ago(now, 7) })
		const longAgo = await customer({ birthdayMonth: 5, birthdaySetAt: ago(now, 40) })
		await Promise.all([runMembershipJobs(now), runMembershipJobs(now)])
		expect(await couponsOf(lastWeek)).toEqual([])
		const got = await couponsOf(longAgo)
		expect(got).toEqual([expect.objectContaining({ source: 'birthday', key: `birthday:${longAgo}:2026`, templateId })])
		// Run again the same month: nothing more.
		await runMembershipJobs(later(now, 3))
		expect(await couponsOf(longAgo)).toHaveLength(1)
		expect(await couponsOf(lastWeek)).toEqual([])
		// Next year's birthday month brings the next one.
		await runMembershipJobs(new Date('2027-05-02T04:00:00Z'))
		expect((await couponsOf(longAgo)).map((c) => c.key)).toEqual([`birthday:${longAgo}:2026`, `birthday:${longAgo}:2027`])
		expect((await couponsOf(lastWeek)).map((c) => c.key)).toEqual([`birthday:${lastWeek}:2027`])
	})

	test('the 30 days count back from now; a birthday never dated counts as settled; other months and staff get nothing', async () => {
		await birthdayTemplate
		const day29 = await customer({ birthdayMonth: 5, birthdaySetAt: ago(now, 29) })
		const day30 = await customer({ birthdayMonth: 5, birthdaySetAt: ago(now, 30) })
		const undated = await customer({ birthdayMonth: 5, birthdaySetAt: null })
		const june = await customer({ birthdayMonth: 6, birthdaySetAt: ago(now, 400) })
		const staff = await customer({ birthdayMonth: 5, birthdaySetAt: ago(now, 400) })
		await prisma.user.update({ where: { id: staff }, data: { role: 'merchant' } })
		await runMembershipJobs(now)
		expect(await couponsOf(day29)).toHaveLength(0)
		expect(await couponsOf(day30)).toHaveLength(1)
		expect(await couponsOf(undated)).toHaveLength(1)
		expect(await couponsOf(june)).toHaveLength(0)
		expect(await couponsOf(staff)).toHaveLength(0)
	})

	test('the birthday month is the month in China', async () => {
		await birthdayTemplate
		const may = await customer({ birthdayMonth: 5, birthdaySetAt: null })
		// 17:00 UTC on 30 April is 01:00 on 1 May in China.
		await runMembershipJobs(new Date('2026-04-30T15:59:00Z'))
		expect(await couponsOf(may)).toHaveLength(0)
		await runMembershipJobs(new Date('2026-04-30T17:00:00Z'))
		expect(await couponsOf(may)).toHaveLength(1)
	})
})

describe('“we miss you” coupons', () => {
	const now = new Date('2026-09-01T04:00:00Z')

	test('after 90 days without a paid order, once per last order', async () => {
		const templateId = await winbackTemplate
		const lapsed = await customer()
		const recent = await customer()
		const refundedLately = await customer()
		await paidOrder(lapsed, 5000, ago(now, 100))
		await paidOrder(recent, 5000, ago(now, 30))
		await paidOrder(refundedLately, 5000, ago(now, 120))
		await paidOrder(refundedLately, 5000, ago(now, 10), 'refunded')
		await Promise.all([runMembershipJobs(now), runMembershipJobs(now)])
		const first = await couponsOf(lapsed, 'winback')
		expect(first).toHaveLength(1)
		expect(first[0]!.templateId).toBe(templateId)
		expect(await couponsOf(recent, 'winback')).toHaveLength(0)
		// A refunded order is not an order: the member is missed all the same.
		expect(await couponsOf(refundedLately, 'winback')).toHaveLength(1)

		// The member comes back, then lapses again: missed again, once.
		const comeback = await paidOrder(lapsed, 8000, later(now, 10))
		await runMembershipJobs(later(now, 20))
		expect(await couponsOf(lapsed, 'winback')).toHaveLength(1)
		await Promise.all([runMembershipJobs(later(now, 120)), runMembershipJobs(later(now, 121))])
		expect((await couponsOf(lapsed, 'winback')).map((c) => c.key)).toEqual([first[0]!.key, `winback:${lapsed}:${comeback.id}`])
	})
})

describe('expiry reminders', () => {
	// Far from the other tests' coupons, so this window holds only this test's.
	const now = new Date('2031-01-10T04:00:00Z')

	test('a coupon ending within 3 days is reminded of once; others are not', async () => {
		const weekly = await template({ name: 'Week pass', validDays: '7' })
		// Two members: coupon notices are marketing, capped at 3 a week per member.
		const member = await customer()
		const other = await customer()
		const issue = async (key: string, at: Date, userId = other) => {
			const issued = await issueCoupon({ templateId: weekly, userId, source: 'manual', key: `${key}:${userId}`, now: at })
			if (!issued.ok) throw new Error(issued.error)
			return issued
		}
		const soon = await issue('soon', ago(now, 5), member)
		const later10 = await issue('later', later(now, 3))
		const used = await issue('used', ago(now, 5))
		const gone = await issue('gone', ago(now, 9))
		const order = await paidOrder(other, 20_000, now)
		await prisma.coupon.update({ where: { code: used.code, redeemedAt: null }, data: { redeemedAt: now, orderId: order.id } })

		const [a, b] = await Promise.all([runMembershipJobs(now), runMembershipJobs(now)])
		expect(a.reminders + b.reminders).toBe(1)
		await runMembershipJobs(later(now, 1))
		const reminded = await prisma.coupon.findMany({ where: { userId: { in: [member, other] }, remindedAt: { not: null } }, select: { id: true } })
		expect(reminded.map((c) => c.id)).toEqual([soon.couponId])
		const notices = await prisma.notification.findMany({ where: { userId: { in: [member, other] }, kind: 'couponExpiring' }, select: { key: true, params: true, link: true } })
		expect(notices).toHaveLength(1)
		expect(notices[0]!.key).toBe(`coupon-expiring:${soon.couponId}`)
		expect(JSON.parse(notices[0]!.params)).toEqual({ name: 'Week pass', code: soon.code, expires: '2031-01-12' })
		expect([later10, gone].every((c) => c.couponId !== soon.couponId)).toBe(true)
	})
})

describe('tier coupons', () => {
	test('reaching a tier gives its coupon and the coupons of the tiers passed on the way, once', async () => {
		const silverCoupon = await template({ name: 'Silver welcome' })
		const goldCoupon = await template({ name: 'Gold welcome' })
		const saved = await saveTiers({
			tiers: [
				{ name: 'Member', threshold: '0', multiplier: '1' },
				{ name: 'Silver', threshold: '2000', multiplier: '1.2', couponTemplateId: silverCoupon },
				{ name: 'Gold', threshold: '8000', multiplier: '1.5', couponTemplateId: goldCoupon },
				{ name: 'Diamond', threshold: '20000', multiplier: '2' },
			],
			periodDays: '365',
			graceDays: '30',
		})
		expect(saved.ok).toBe(true)
		const tierId = async (name: string) => (await prisma.tier.findUniqueOrThrow({ where: { name }, select: { id: true } })).id

		const jumper = await customer()
		await paidOrder(jumper, 900_000)
		await Promise.all([refreshTiers([jumper]), refreshTiers([jumper]), runMembershipJobs()])
		expect((await memberStandings([jumper])).get(jumper)?.tier?.name).toBe('Gold')
		const jumped = await couponsOf(jumper, 'tier')
		expect(jumped.map((c) => c.key).sort()).toEqual([`tier:${await tierId('Gold')}:${jumper}`, `tier:${await tierId('Silver')}:${jumper}`].sort())

		const climber = await customer()
		await paidOrder(climber, 300_000)
		await refreshTiers([climber])
		expect((await couponsOf(climber, 'tier')).map((c) => c.templateId)).toEqual([silverCoupon])
		await paidOrder(climber, 600_000)
		await Promise.all([refreshTiers([climber]), refreshTiers([climber])])
		expect((await couponsOf(climber, 'tier')).map((c) => c.templateId)).toEqual([silverCoupon, goldCoupon])
		await runMembershipJobs()
		expect(await couponsOf(climber, 'tier')).toHaveLength(2)
	})

	test('the hourly sweep moves a member down once their spend has left the period and the grace is over', async () => {
		const now = new Date()
		const member = await customer()
		await paidOrder(member, 900_000, ago(now, 300))
		await refreshTiers([member], now)
		expect((await memberStandings([member], now)).get(member)?.tier?.name).toBe('Gold')
		// Day 366 after the order: spend has left the period; the grace starts.
		await runMembershipJobs(later(now, 66))
		const below = (await memberStandings([member], later(now, 66))).get(member)
		expect(below?.tier?.name).toBe('Gold')
		expect(below?.keepsUntil?.getTime()).toBe(later(now, 96).getTime())
		const moved = await runMembershipJobs(later(now, 97))
		expect(moved.tiers).toBeGreaterThanOrEqual(1)
		expect((await memberStandings([member], later(now, 97))).get(member)?.tier?.name).toBe('Member')
	})
})
