import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { openDeal } from '#app/domain/groups/deals-open.server.ts'
import { getDeal, listOpenDeals } from '#app/domain/groups/deals-read.server.ts'
import { releaseExpiredDeals, unlockDeal } from '#app/domain/groups/deals-settle.server.ts'
import { joinDeal, leaveDeal } from '#app/domain/groups/deals.server.ts'
import { prisma } from '#app/lib/db.server.ts'

// Real rows in this file's SQLite copy. Members are written directly in bulk (300 password
// hashes would only slow the test); groups too, since only their membership matters here.

const HOUR = 60 * 60_000
const NOW = new Date('2030-05-01T08:00:00Z')
const later = (ms: number) => new Date(NOW.getTime() + ms)

async function members(count: number, role = 'customer') {
	return prisma.user.createManyAndReturn({
		data: Array.from({ length: count }, (_, i) => ({ email: `deal-${randomUUID()}@quanzi.test`, displayName: `Member ${i}`, passwordHash: 'not used here', role })),
		select: { id: true, role: true },
	})
}
const one = async (role = 'customer') => (await members(1, role))[0]!

async function product(priceCents = 12900) {
	return prisma.product.create({ data: { name: 'Glazed tea cup', sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents }, select: { id: true } })
}

async function group(visibility: 'public' | 'invite', leaderId: string, memberIds: string[] = []) {
	return prisma.group.create({
		data: {
			leaderId,
			name: `Tea circle ${visibility}`,
			visibility,
			memberCap: 1000,
			memberCount: memberIds.length + 1,
			members: { create: [{ userId: leaderId, role: 'leader', joinedAt: NOW }, ...memberIds.map((userId) => ({ userId, joinedAt: NOW }))] },
		},
		select: { id: true },
	})
}

/** A deal opened through openDeal, as the form would send it. */
async function deal(options: { target?: number; cap?: number; groupId?: string | null; by?: { id: string; role: string } } = {}) {
	const by = options.by ?? (await one('merchant'))
	const { id: productId } = await product()
	const opened = await openDeal(
		by,
		{ groupId: options.groupId ?? null, productId, price: '99.00', target: String(options.target ?? 3), cap: options.cap ? String(options.cap) : '', deadline: later(24 * HOUR).toISOString().slice(0, 16) },
		NOW,
	)
	if (!opened.ok) throw new Error(`deal refused: ${JSON.stringify(opened)}`)
	return opened.id
}

const counts = async (dealId: string) => {
	const [row, joins, intents] = await Promise.all([
		prisma.groupDeal.findUniqueOrThrow({ where: { id: dealId }, select: { joined: true, status: true } }),
		prisma.groupDealJoin.groupBy({ by: ['status'], where: { dealId }, _count: { _all: true } }),
		prisma.orderIntent.count({ where: { source: 'group', sourceId: dealId } }),
	])
	return { ...row, joins: Object.fromEntries(joins.map((j) => [j.status, j._count._all])), intents }
}

describe('joining a group deal', () => {
	test('300 members joining a 100-seat deal at once: exactly 100 are seated, it unlocks, the rest are told it is full', async () => {
		const dealId = await deal({ target: 100 })
		const crowd = await members(300)
		const results = await Promise.all(crowd.map((m) => joinDeal(dealId, m, later(HOUR))))
		expect(results.filter((r) => r.ok)).toHaveLength(100)
		expect(new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error)))).toEqual(new Set(['deals.error.full']))
		expect(await counts(dealId)).toEqual({ joined: 100, status: 'unlocked', joins: { confirmed: 100 }, intents: 100 })
		const seated = await prisma.groupDealJoin.findMany({ where: { dealId }, select: { memberId: true } })
		const intents = await prisma.orderIntent.findMany({ where: { source: 'group', sourceId: dealId }, select: { memberId: true, quantity: true, status: true } })
		expect(new Set(intents.map((i) => i.memberId))).toEqual(new Set(seated.map((s) => s.memberId)))
		expect(intents.every((i) => i.quantity === 1 && i.status === 'open')).toBe(true)
		expect(await prisma.notification.count({ where: { kind: 'dealUnlocked', link: `/deals/${dealId}` } })).toBe(100)
	})

	test('with a cap above the target, joins racing the unlock still end with every seat confirmed and one intent each', async () => {
		const dealId = await deal({ target: 40, cap: 100 })
		const crowd = await members(300)
		const results = await Promise.all(crowd.map((m) => joinDeal(dealId, m, later(HOUR))))
		expect(results.filter((r) => r.ok)).toHaveLength(100)
		expect(await counts(dealId)).toEqual({ joined: 100, status: 'unlocked', joins: { confirmed: 100 }, intents: 100 })
	})

	test('a member joining twice at once joins once', async () => {
		const dealId = await deal({ target: 5 })
		const ana = await one()
		const results = await Promise.all(Array.from({ length: 5 }, () => joinDeal(dealId, ana, later(HOUR))))
		expect(results.filter((r) => r.ok)).toHaveLength(1)
		expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 4 }, () => ({ ok: false, error: 'deals.error.alreadyJoined' })))
		expect(await counts(dealId)).toEqual({ joined: 1, status: 'open', joins: { held: 1 }, intents: 0 })
	})

	test('after the target is reached, joins go on to the cap, each confirmed at once with its order intent', async () => {
		const dealId = await deal({ target: 2, cap: 4 })
		const [a, b, c, d, e] = await members(5)
		expect(await joinDeal(dealId, a!, later(HOUR))).toMatchObject({ ok: true, join: 'held', progress: { joined: 1, status: 'open' } })
		expect(await joinDeal(dealId, b!, later(HOUR))).toMatchObject({ ok: true, join: 'confirmed', progress: { joined: 2, status: 'unlocked' } })
		expect(await joinDeal(dealId, c!, later(HOUR))).toMatchObject({ ok: true, join: 'confirmed', progress: { joined: 3, status: 'unlocked' } })
		expect(await joinDeal(dealId, d!, later(HOUR))).toMatchObject({ ok: true, join: 'confirmed' })
		expect(await joinDeal(dealId, e!, later(HOUR))).toEqual({ ok: false, error: 'deals.error.full' })
		expect(await counts(dealId)).toEqual({ joined: 4, status: 'unlocked', joins: { confirmed: 4 }, intents: 4 })
		// Unlocking again does nothing: the status guard.
		expect(await unlockDeal(dealId, later(HOUR))).toBe(false)
		expect((await counts(dealId)).intents).toBe(4)
	})

	test('joining after the deadline is refused with a clear error and changes nothing', async () => {
		const dealId = await deal({ target: 3 })
		const [a, b] = await members(2)
		await joinDeal(dealId, a!, later(HOUR))
		expect(await joinDeal(dealId, b!, later(25 * HOUR))).toEqual({ ok: false, error: 'deals.error.over' })
		expect(await counts(dealId)).toEqual({ joined: 1, status: 'open', joins: { held: 1 }, intents: 0 })
		expect(await joinDeal('no-such-deal', b!, later(HOUR))).toEqual({ ok: false, error: 'deals.error.notFound' })
	})

	test("an invite-only group's deal refuses non-members and is hidden from them; a public group's takes anyone", async () => {
		const [leader, insider, outsider] = await members(3, 'superuser')
		const closed = await group('invite', leader!.id, [insider!.id])
		const open = await group('public', leader!.id)
		const closedDeal = await deal({ groupId: closed.id, by: leader })
		const openDeal_ = await deal({ groupId: open.id, by: leader })
		expect(await joinDeal(closedDeal, outsider!, later(HOUR))).toEqual({ ok: false, error: 'deals.error.membersOnly' })
		expect(await counts(closedDeal)).toEqual({ joined: 0, status: 'open', joins: {}, intents: 0 })
		expect(await getDeal(closedDeal, outsider!)).toBeNull()
		expect((await listOpenDeals(outsider!, {}, later(HOUR))).items.map((d) => d.id)).not.toContain(closedDeal)
		expect(await joinDeal(closedDeal, insider!, later(HOUR))).toMatchObject({ ok: true, join: 'held' })
		expect(await getDeal(closedDeal, insider!)).toMatchObject({ you: { eligible: true, join: 'held' }, joinerNames: ['Member 1'] })
		expect(await joinDeal(openDeal_, outsider!, later(HOUR))).toMatchObject({ ok: true })
		// A public group's deal shows non-members the count, not the names.
		expect(await getDeal(openDeal_, (await one())!)).toMatchObject({ joined: 1, joinerNames: null, you: { eligible: true, join: null } })
	})
})

describe('leaving a group deal', () => {
	test('before it unlocks a member may leave (and join again); after it unlocks leaving is refused', async () => {
		const dealId = await deal({ target: 2, cap: 3 })
		const [a, b, c] = await members(3)
		await joinDeal(dealId, a!, later(HOUR))
		expect(await leaveDeal(dealId, a!.id, later(HOUR))).toMatchObject({ ok: true, join: null, progress: { joined: 0 } })
		expect(await leaveDeal(dealId, a!.id, later(HOUR))).toEqual({ ok: false, error: 'deals.error.notJoined' })
		expect(await counts(dealId)).toEqual({ joined: 0, status: 'open', joins: {}, intents: 0 })
		await joinDeal(dealId, a!, later(HOUR))
		await joinDeal(dealId, b!, later(HOUR))
		expect(await leaveDeal(dealId, a!.id, later(HOUR))).toEqual({ ok: false, error: 'deals.error.filled' })
		await joinDeal(dealId, c!, later(HOUR))
		expect(await leaveDeal(dealId, c!.id, later(HOUR))).toEqual({ ok: false, error: 'deals.error.filled' })
		expect(await counts(dealId)).toEqual({ joined: 3, status: 'unlocked', joins: { confirmed: 3 }, intents: 3 })
	})
})

describe('releasing deals that did not fill', () => {
	test('every join is released, nobody holds an order intent, members are told, and releasing again changes nothing', async () => {
		const dealId = await deal({ target: 10 })
		const crowd = await members(4)
		for (const m of crowd) await joinDeal(dealId, m, later(HOUR))
		const filled = await deal({ target: 2 })
		for (const m of crowd.slice(0, 2)) await joinDeal(filled, m, later(HOUR))

		expect(await releaseExpiredDeals(later(23 * HOUR))).toBe(0)
		const released = await releaseExpiredDeals(later(24 * HOUR))
		expect(released).toBeGreaterThanOrEqual(1)
		expect(await counts(dealId)).toEqual({ joined: 4, status: 'released', joins: { released: 4 }, intents: 0 })
		expect(await prisma.orderIntent.count({ where: { source: 'group', sourceId: dealId } })).toBe(0)
		expect(await prisma.notification.count({ where: { kind: 'dealReleased', link: `/deals/${dealId}` } })).toBe(4)
		// The deal that filled is untouched.
		expect(await counts(filled)).toMatchObject({ status: 'unlocked', joins: { confirmed: 2 }, intents: 2 })

		const before = await prisma.groupDeal.findUniqueOrThrow({ where: { id: dealId }, select: { releasedAt: true } })
		expect(await releaseExpiredDeals(later(25 * HOUR))).toBe(0)
		expect(await prisma.groupDeal.findUniqueOrThrow({ where: { id: dealId }, select: { releasedAt: true } })).toEqual(before)
		expect(await prisma.notification.count({ where: { kind: 'dealReleased', link: `/deals/${dealId}` } })).toBe(4)
		expect(await joinDeal(dealId, (await one())!, later(HOUR))).toEqual({ ok: false, error: 'deals.error.released' })
		expect(await leaveDeal(dealId, crowd[0]!.id, later(HOUR))).toEqual({ ok: false, error: 'deals.error.released' })
	})
})

describe('opening a group deal', () => {
	const form = (productId: string, over: Record<string, string> = {}) => ({ productId, price: '99', target: '10', cap: '', deadline: '2030-05-02T08:00', ...over })

	test('each bad field comes back next to it, and nothing is saved', async () => {
		const merchant = await one('merchant')
		const { id } = await product(9900)
		const before = await prisma.groupDeal.count()
		expect(await openDeal(merchant!, form(id, { price: '99', target: '1', cap: 'lots', deadline: '2030-05-01T08:30' }), NOW)).toEqual({
			ok: false,
			status: 400,
			fieldErrors: { price: 'deals.error.priceNotLower', target: 'deals.error.target', cap: 'deals.error.cap', deadline: 'deals.error.deadlineSoon' },
		})
		expect(await openDeal(merchant!, form(id, { price: '98.5', target: '10', cap: '5' }), NOW)).toMatchObject({ fieldErrors: { cap: 'deals.error.capBelowTarget' } })
		expect(await openDeal(merchant!, form(id, { price: '98.5', deadline: '2030-06-15T08:00' }), NOW)).toEqual({ ok: false, status: 400, fieldErrors: { deadline: 'deals.error.deadlineFar' } })
		expect(await openDeal(merchant!, form('nope', { price: 'abc', deadline: 'tomorrow' }), NOW)).toMatchObject({
			fieldErrors: { productId: 'deals.error.product', price: 'deals.error.price', deadline: 'deals.error.deadline' },
		})
		expect(await prisma.groupDeal.count()).toBe(before)
	})

	test('a leader or helper opens deals in their group; a member, an outsider and a non-merchant without a group may not', async () => {
		const [leader, helper, plain, outsider] = await members(4, 'superuser')
		const { id: groupId } = await group('invite', leader!.id, [helper!.id, plain!.id])
		await prisma.groupMember.update({ where: { groupId_userId: { groupId, userId: helper!.id } }, data: { role: 'helper' } })
		const { id } = await product()
		const ok = await openDeal(helper!, { ...form(id), groupId }, NOW)
		expect(ok).toMatchObject({ ok: true })
		const saved = await prisma.groupDeal.findUniqueOrThrow({ where: { id: ok.ok ? ok.id : '' }, select: { groupId: true, priceCents: true, target: true, cap: true, deadline: true } })
		expect(saved).toEqual({ groupId, priceCents: 9900, target: 10, cap: 10, deadline: new Date('2030-05-02T08:00:00Z') })
		expect(await prisma.auditLog.count({ where: { targetType: 'deal', targetId: ok.ok ? ok.id : '', action: 'deal.open' } })).toBe(1)
		expect(await openDeal(plain!, { ...form(id), groupId }, NOW)).toMatchObject({ ok: false, status: 403, formError: 'deals.error.notAllowed' })
		expect(await openDeal(outsider!, { ...form(id), groupId }, NOW)).toMatchObject({ ok: false, status: 403 })
		expect(await openDeal(leader!, form(id), NOW)).toMatchObject({ ok: false, status: 403 })
		expect(await openDeal(leader!, { ...form(id), groupId: 'gone' }, NOW)).toMatchObject({ ok: false, status: 404 })
	})
})
