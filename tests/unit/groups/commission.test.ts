import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { commissionRecipients } from '#app/domain/groups/commission-recipients.server.ts'
import { commissionBalance, settleCash } from '#app/domain/groups/commission-payouts.server.ts'
import { markOrderRefunded, reverseCommission } from '#app/domain/groups/commission-refunds.server.ts'
import { getCommissionSettings, saveCommissionSettings } from '#app/domain/groups/commission-settings.server.ts'
import { payDueCommissions } from '#app/domain/groups/commission.server.ts'
import { getBalance } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member, product } from '../posts/fixtures.ts'

// Real rows in a real SQLite file: orders, referrals, share links and deals are written as the
// shop import and the other capabilities write them; only their dates are set, since the
// attribution and return windows are rule inputs.

const DAY = 86_400_000
const daysAgo = (n: number) => new Date(Date.now() - n * DAY)

async function superUser(name = 'Super') {
	const m = await member({ name })
	await prisma.user.update({ where: { id: m.id }, data: { role: 'superuser' } })
	return m
}

async function refer(referrerId: string, memberId: string, signedUpDaysAgo = 20) {
	const at = daysAgo(signedUpDaysAgo)
	await prisma.attribution.create({ data: { memberId, referrerId, campaign: 'referral', status: 'paid', visitedAt: at, signupIp: '10.0.0.1', createdAt: at } })
}

async function order(memberId: string | null, options: { daysAgo?: number; ref?: string; totalCents?: number } = {}) {
	const row = await prisma.shopOrder.create({
		data: { externalId: `SO-${randomUUID().slice(0, 8)}`, memberId, totalCents: options.totalCents ?? 12900, status: 'paid', placedAt: daysAgo(options.daysAgo ?? 15), ref: options.ref ?? null },
		select: { id: true },
	})
	return row.id
}

async function terms(level1: string, level2: string, currency: 'cash' | 'points', pointsPerYuan = '10') {
	const saved = await saveCommissionSettings({ level1Percent: level1, level2Percent: level2, currency, pointsPerYuan })
	if (!saved.ok) throw new Error(JSON.stringify(saved))
}

const entriesOf = (orderId: string) =>
	prisma.commissionEntry.findMany({ where: { orderId }, orderBy: [{ kind: 'asc' }, { level: 'asc' }], select: { superUserId: true, level: true, kind: true, currency: true, amount: true, rateBps: true, baseCents: true } })

async function shareLink(userId: string) {
	const code = randomUUID().slice(0, 10)
	await prisma.shareLink.create({ data: { code, userId, targetType: 'post', targetId: randomUUID() }, select: { id: true } })
	return code
}

async function deal(createdById: string, leaderId: string | null) {
	const { id: productId } = await product()
	const group = leaderId ? await prisma.group.create({ data: { leaderId, name: 'Tea mothers', memberCap: 50 }, select: { id: true } }) : null
	const row = await prisma.groupDeal.create({
		data: { groupId: group?.id ?? null, productId, createdById, priceCents: 9900, target: 5, cap: 10, deadline: daysAgo(-7) },
		select: { id: true },
	})
	return row.id
}

beforeEach(async () => {
	await terms('10', '3', 'cash')
})

describe('paying commission', () => {
	test('an order pays each level once, however often and however concurrently the job runs', async () => {
		const [upline, leader, buyer] = [await superUser('Upline'), await superUser('Leader'), await member()]
		await refer(upline.id, leader.id, 60)
		await refer(leader.id, buyer.id, 20)
		const id = await order(buyer.id, { daysAgo: 15 })

		await payDueCommissions()
		await payDueCommissions()
		await Promise.all(Array.from({ length: 5 }, () => payDueCommissions()))
		// A second process that read the order before the first one marked it: the keys still hold.
		await prisma.shopOrder.update({ where: { id }, data: { commissionAt: null } })
		await Promise.all(Array.from({ length: 5 }, () => payDueCommissions()))

		expect(await entriesOf(id)).toEqual([
			{ superUserId: leader.id, level: 1, kind: 'earn', currency: 'cash', amount: 1290, rateBps: 1000, baseCents: 12900 },
			{ superUserId: upline.id, level: 2, kind: 'earn', currency: 'cash', amount: 387, rateBps: 300, baseCents: 12900 },
		])
		expect((await prisma.shopOrder.findUniqueOrThrow({ where: { id }, select: { commissionAt: true } })).commissionAt).not.toBeNull()
		expect(await commissionBalance(leader.id)).toEqual({ cashCents: 1290, points: 0 })
	})

	test('nothing is paid before the return window has passed', async () => {
		const [leader, buyer] = [await superUser(), await member()]
		await refer(leader.id, buyer.id, 10)
		const id = await order(buyer.id, { daysAgo: 3 })
		await payDueCommissions()
		expect(await entriesOf(id)).toEqual([])
		await payDueCommissions(new Date(Date.now() + 12 * DAY))
		expect(await entriesOf(id)).toHaveLength(1)
	})

	test('a chain A→B→C→D pays C at level 1 and B at level 2, never A', async () => {
		const [a, b, c, d] = [await superUser('A'), await superUser('B'), await superUser('C'), await member({ name: 'D' })]
		await refer(a.id, b.id, 90)
		await refer(b.id, c.id, 60)
		await refer(c.id, d.id, 20)
		const id = await order(d.id)
		await payDueCommissions()
		const entries = await entriesOf(id)
		expect(entries.map((e) => [e.superUserId, e.level, e.amount])).toEqual([[c.id, 1, 1290], [b.id, 2, 387]])
		expect(await prisma.commissionEntry.count({ where: { superUserId: a.id } })).toBe(0)
	})

	test('level 2 is off at 0 %, and never paid to someone no longer a super-user', async () => {
		const [upline, leader, buyer, buyer2] = [await superUser(), await superUser(), await member(), await member()]
		await refer(upline.id, leader.id, 60)
		await refer(leader.id, buyer.id, 20)
		await refer(leader.id, buyer2.id, 20)
		await terms('10', '0', 'cash')
		const off = await order(buyer.id)
		await payDueCommissions()
		expect((await entriesOf(off)).map((e) => e.level)).toEqual([1])

		await terms('10', '3', 'cash')
		await prisma.user.update({ where: { id: upline.id }, data: { role: 'customer' } })
		const demoted = await order(buyer2.id)
		await payDueCommissions()
		expect((await entriesOf(demoted)).map((e) => [e.superUserId, e.level])).toEqual([[leader.id, 1]])
	})

	test('a referral counts within the attribution window of the sign-up, not after', async () => {
		const [leader, buyer] = [await superUser(), await member()]
		await refer(leader.id, buyer.id, 60)
		const late = await order(buyer.id, { daysAgo: 20 }) // 40 days after the sign-up
		const early = await order(buyer.id, { daysAgo: 45 }) // 15 days after
		await payDueCommissions()
		expect(await entriesOf(late)).toEqual([])
		expect(await entriesOf(early)).toHaveLength(1)
	})

	test('a super-user buying through their own link earns nothing, at any level', async () => {
		const [upline, leader] = [await superUser(), await superUser()]
		await refer(upline.id, leader.id, 20)
		const own = await order(leader.id, { ref: `share:${await shareLink(leader.id)}` })
		await payDueCommissions()
		expect(await entriesOf(own)).toEqual([])
		expect(await commissionRecipients({ id: own, memberId: leader.id, ref: `share:${await shareLink(leader.id)}`, placedAt: new Date() })).toEqual([])
	})

	test('the order ref comes first (a deal, then a share link), then the referral', async () => {
		const [referrer, sharer, dealMaker, groupLeader, buyer] = [await superUser('Referrer'), await superUser('Sharer'), await superUser('Deal maker'), await superUser('Group leader'), await member()]
		const customer = await member({ name: 'Plain customer' })
		const merchant = await member({ role: 'merchant' })
		await refer(referrer.id, buyer.id, 20)
		const base = { memberId: buyer.id, placedAt: daysAgo(15) }
		const l1 = async (ref: string | null) => (await commissionRecipients({ id: 'x', ref, ...base })).map((r) => [r.superUserId, r.level])

		expect(await l1(null)).toEqual([[referrer.id, 1]])
		expect(await l1(`share:${await shareLink(sharer.id)}`)).toEqual([[sharer.id, 1]])
		expect(await l1(`deal:${await deal(dealMaker.id, groupLeader.id)}`)).toEqual([[dealMaker.id, 1]])
		// A deal the merchant opened in a super-user's group earns the group's leader.
		expect(await l1(`deal:${await deal(merchant.id, groupLeader.id)}`)).toEqual([[groupLeader.id, 1]])
		// A ref that names no super-user leaves the referral in place.
		expect(await l1(`share:${await shareLink(customer.id)}`)).toEqual([[referrer.id, 1]])
		expect(await l1('deal:no-such-deal')).toEqual([[referrer.id, 1]])

		const viaDeal = await order(buyer.id, { ref: `deal:${await deal(dealMaker.id, null)}` })
		await payDueCommissions()
		expect((await entriesOf(viaDeal)).map((e) => e.superUserId)).toEqual([dealMaker.id])
	})
})

describe('refunds', () => {
	test('an order refunded before the window is settled with nothing paid', async () => {
		const [leader, buyer] = [await superUser(), await member()]
		await refer(leader.id, buyer.id, 10)
		const id = await order(buyer.id, { daysAgo: 2 })
		expect(await markOrderRefunded(id)).toEqual({ ok: true, reversed: 0 })
		await payDueCommissions(new Date(Date.now() + 30 * DAY))
		expect(await entriesOf(id)).toEqual([])
		const row = await prisma.shopOrder.findUniqueOrThrow({ where: { id }, select: { status: true, commissionAt: true } })
		expect(row.status).toBe('refunded')
		expect(row.commissionAt).not.toBeNull()
	})

	test('a refund after payment reverses each level once, points included', async () => {
		await terms('10', '5', 'points', '10')
		const [upline, leader, buyer] = [await superUser(), await superUser(), await member()]
		await refer(upline.id, leader.id, 60)
		await refer(leader.id, buyer.id, 20)
		const id = await order(buyer.id, { totalCents: 20000 })
		await payDueCommissions()
		// ¥200 × 10 % = ¥20 → 200 points; ¥200 × 5 % = ¥10 → 100 points.
		expect(await getBalance(leader.id)).toBe(200)
		expect(await getBalance(upline.id)).toBe(100)
		expect(await commissionBalance(leader.id)).toEqual({ cashCents: 0, points: 200 })

		expect(await markOrderRefunded(id)).toEqual({ ok: true, reversed: 2 })
		const again = await Promise.all([markOrderRefunded(id), reverseCommission(id), reverseCommission(id)])
		expect(again.every((r) => r.ok && r.reversed === 0)).toBe(true)

		const entries = await entriesOf(id)
		expect(entries.map((e) => [e.kind, e.level, e.amount])).toEqual([['earn', 1, 200], ['earn', 2, 100], ['reverse', 1, -200], ['reverse', 2, -100]])
		expect(await getBalance(leader.id)).toBe(0)
		expect(await getBalance(upline.id)).toBe(0)
		expect(await commissionBalance(leader.id)).toEqual({ cashCents: 0, points: 0 })
		expect(await prisma.pointsEntry.count({ where: { userId: leader.id, reason: 'commission.reversed' } })).toBe(1)
	})

	test('cash reversed after a refund leaves the balance where it was', async () => {
		const [leader, buyer] = [await superUser(), await member()]
		await refer(leader.id, buyer.id, 20)
		const kept = await order(buyer.id)
		const refunded = await order(buyer.id)
		await payDueCommissions()
		expect((await commissionBalance(leader.id)).cashCents).toBe(2580)
		await markOrderRefunded(refunded)
		await markOrderRefunded(refunded)
		expect((await commissionBalance(leader.id)).cashCents).toBe(1290)
		expect(await entriesOf(kept)).toHaveLength(1)
	})

	test('a paid order cannot be reversed until it is refunded', async () => {
		const [leader, buyer] = [await superUser(), await member()]
		await refer(leader.id, buyer.id, 20)
		const id = await order(buyer.id)
		await payDueCommissions()
		expect(await reverseCommission(id)).toEqual({ ok: false, error: 'commission.error.notRefunded' })
		expect(await entriesOf(id)).toHaveLength(1)
	})
})

describe('cash payouts', () => {
	test('a payout above the balance is refused; racing payouts never overdraw', async () => {
		const [leader, buyer] = [await superUser(), await member()]
		const merchant = await member({ role: 'merchant' })
		await refer(leader.id, buyer.id, 20)
		await order(buyer.id)
		await payDueCommissions()

		expect(await settleCash(leader.id, 2000, '', merchant.id)).toEqual({ ok: false, error: 'commission.error.aboveBalance', balanceCents: 1290 })
		expect(await settleCash(leader.id, 0, '', merchant.id)).toMatchObject({ ok: false, error: 'commission.error.payoutAmount' })
		expect(await settleCash(leader.id, 1000, 'WeChat transfer', merchant.id)).toMatchObject({ ok: true, balanceCents: 290 })
		const racing = await Promise.all(Array.from({ length: 4 }, () => settleCash(leader.id, 290, '', merchant.id)))
		expect(racing.filter((r) => r.ok)).toHaveLength(1)
		expect(await commissionBalance(leader.id)).toEqual({ cashCents: 0, points: 0 })
		expect(await prisma.auditLog.count({ where: { targetId: leader.id, action: 'commission.settle' } })).toBe(2)
	})
})

describe('commission settings', () => {
	test('a third level, a negative rate or a level 2 above level 1 is refused and nothing changes', async () => {
		const before = await getCommissionSettings()
		const base = { level1Percent: '10', level2Percent: '3', currency: 'cash' }
		expect(await saveCommissionSettings({ ...base, level3Bps: 100 })).toEqual({ ok: false, fieldErrors: {}, formError: 'commission.error.threeLevels' })
		expect(await saveCommissionSettings({ ...base, level3Percent: '1' })).toMatchObject({ ok: false, formError: 'commission.error.threeLevels' })
		expect(await saveCommissionSettings({ ...base, levels: '3' })).toMatchObject({ ok: false, formError: 'commission.error.threeLevels' })
		expect(await saveCommissionSettings({ ...base, level1Percent: '-5' })).toEqual({ ok: false, fieldErrors: { level1Percent: 'commission.error.rateNegative' } })
		expect(await saveCommissionSettings({ ...base, level2Percent: '12' })).toEqual({ ok: false, fieldErrors: { level2Percent: 'commission.error.level2AboveLevel1' } })
		expect(await saveCommissionSettings({ ...base, level1Percent: '45' })).toEqual({ ok: false, fieldErrors: { level1Percent: 'commission.error.level1Max' } })
		expect(await saveCommissionSettings({ ...base, level1Percent: '7.125' })).toEqual({ ok: false, fieldErrors: { level1Percent: 'commission.error.rateDecimals' } })
		expect(await getCommissionSettings()).toEqual(before)

		expect(await saveCommissionSettings({ level1Percent: '7.5', level2Percent: '2.25', currency: 'points', pointsPerYuan: '20', levels: '2' })).toEqual({
			ok: true, settings: { level1Bps: 750, level2Bps: 225, currency: 'points', pointsPerYuan: 20 },
		})
	})
})
