import { beforeAll, describe, expect, test } from 'vitest'
import { markOrderRefunded } from '#app/domain/groups/commission-refunds.server.ts'
import { saveCommissionSettings } from '#app/domain/groups/commission-settings.server.ts'
import { payDueCommissions } from '#app/domain/groups/commission.server.ts'
import { claimOrder } from '#app/domain/membership/orders-link.server.ts'
import { verifiedPairs } from '#app/domain/posts/verified.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member, product } from '../posts/fixtures.ts'
import { coupon, csv, daysAgo, en, importCsv, orderOf, previewCsv } from './orders-fixtures.ts'

// The import on a real database: linking, warnings, re-import, status changes and what they
// undo elsewhere (commission, the verified-buyer badge), coupons, and imports racing each other.

let uid = 0
const id = (prefix = 'SO') => `${prefix}-${++uid}-${Date.now().toString(36)}`

/** Every row an import could touch, in a stable order, to compare before and after. */
async function everything() {
	return {
		orders: await prisma.shopOrder.findMany({ orderBy: { externalId: 'asc' } }),
		lines: await prisma.shopOrderLine.findMany({ orderBy: { id: 'asc' } }),
		coupons: await prisma.coupon.findMany({ orderBy: { code: 'asc' } }),
		notifications: await prisma.notification.findMany({ orderBy: { id: 'asc' } }),
		points: await prisma.pointsEntry.findMany({ orderBy: { id: 'asc' } }),
		balances: await prisma.pointsBalance.findMany({ orderBy: { userId: 'asc' } }),
		qualifying: await prisma.qualifyingOrder.findMany({ orderBy: { id: 'asc' } }),
		commission: await prisma.commissionEntry.findMany({ orderBy: { id: 'asc' } }),
		tiers: await prisma.memberTier.findMany({ orderBy: { userId: 'asc' } }),
	}
}

beforeAll(async () => {
	// Tiers in place, so the import's tier refresh has something to evaluate.
	await prisma.tier.create({ data: { name: 'Member', position: 0, minSpendCents: 0 }, select: { id: true } })
	await prisma.tier.create({ data: { name: 'Gold', position: 1, minSpendCents: 100_000, pointsMultiplierPct: 150 }, select: { id: true } })
})

describe('linking orders to members', () => {
	test('by email (any case), by phone written differently, and by claim code; unknown buyers get a warning and a code', async () => {
		const [mei, lin, later] = [await member({ name: 'Mei' }), await member({ name: 'Lin' }), await member({ name: 'Later' })]
		const meiEmail = (await prisma.user.findUniqueOrThrow({ where: { id: mei.id }, select: { email: true } })).email
		await prisma.user.update({ where: { id: lin.id }, data: { phone: '13800138011' } })
		const tea = await product('Green tea')
		const [a, b, c, d] = [id(), id(), id(), id()]
		const file = csv([
			{ id: a, email: meiEmail.toUpperCase(), items: `${tea.sku} x2 @64.50` },
			{ id: b, phone: '+86 138-0013-8011' },
			{ id: c, email: 'nobody-yet@example.com' },
			{ id: d, phone: '13900000000', claimCode: 'rcpt-0004' },
		])

		const plan = await previewCsv(file)
		expect(plan.counts).toEqual({ create: 4, update: 0, unchanged: 0, error: 0, warning: 2 })
		const warnings = plan.rows.map((r) => (r.action === 'create' && r.warning ? en(r.warning.key, r.warning.params) : null))
		expect(warnings[2]).toContain('the claim code Quanzi makes for it')
		expect(warnings[3]).toBe('No member with this email or phone yet; the order will link when they join or when they enter its claim code RCPT-0004.')

		const result = await importCsv(file)
		expect(result.counts).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 0 })
		expect((await orderOf(a))!.memberId).toBe(mei.id)
		expect((await orderOf(b))!.memberId).toBe(lin.id)
		const unlinked = await orderOf(c)
		expect(unlinked).toMatchObject({ memberId: null, linkedAt: null })
		expect(unlinked!.claimCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/)
		expect((await orderOf(d))!.claimCode).toBe('RCPT-0004')
		expect(result.unlinked.map((u) => u.id).sort()).toEqual([c, d].sort())

		// The member hears of it once, and their review of the product shows the badge.
		const told = await prisma.notification.findMany({ where: { userId: mei.id, kind: 'orderLinked' }, select: { params: true, link: true, key: true } })
		expect(told).toEqual([{ params: JSON.stringify({ order: a, total: '¥129.00' }), link: '/me/orders', key: `order-linked:${(await orderOf(a))!.id}` }])
		expect(await verifiedPairs([{ memberId: mei.id, productId: tea.id }])).toEqual(new Set([`${mei.id}:${tea.id}`]))

		// The claim code (as typed: lower case, with a space) makes the unlinked order theirs.
		const typed = `${unlinked!.claimCode!.slice(0, 5).toLowerCase()} ${unlinked!.claimCode!.slice(5)}`
		expect(await claimOrder(later.id, typed)).toEqual({ ok: true, order: c, already: false })
		expect((await orderOf(c))!.memberId).toBe(later.id)
		expect(await claimOrder(later.id, unlinked!.claimCode!)).toEqual({ ok: true, order: c, already: true })
		expect(await claimOrder(mei.id, unlinked!.claimCode!)).toEqual({ ok: false, error: 'orders.claim.taken' })
		expect(await claimOrder(mei.id, 'ZZZZZZZZZZ')).toEqual({ ok: false, error: 'orders.claim.notFound' })
	})
})

describe('importing the same file again', () => {
	test('changes nothing: no order, line, coupon, notification, points, commission or tier row moves', async () => {
		const [buyer, other] = [await member(), await member()]
		const email = (await prisma.user.findUniqueOrThrow({ where: { id: buyer.id }, select: { email: true } })).email
		const code = await coupon(buyer.id)
		const file = csv([
			{ id: id(), email, coupon: code, total: '1200.00' },
			{ id: id(), email, status: 'refunded', items: 'CUP-1; CUP-2 x3 @5' },
			{ id: id(), email: 'stranger@example.com', coupon: 'SHOP-SPRING' },
			{ id: id(), phone: '13700000001' },
			{ id: '', email },
		])
		const first = await importCsv(file)
		expect(first.counts).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 1 })
		await claimOrder(other.id, (await prisma.shopOrder.findFirstOrThrow({ where: { phone: '13700000001' }, select: { claimCode: true } })).claimCode!)

		const before = await everything()
		const again = await importCsv(file)
		expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 4, failed: 1 })
		expect((await previewCsv(file)).counts).toEqual({ create: 0, update: 0, unchanged: 4, error: 1, warning: 0 })
		expect(await everything()).toEqual(before)
	})

	test('two imports of the same file at once create each order once', async () => {
		const rows = Array.from({ length: 30 }, (_, i) => ({ id: id('RACE'), email: `race-${i}@example.com`, items: `TEA-01 x${(i % 3) + 1}; CUP-02` }))
		const file = csv(rows)
		const results = await Promise.all([importCsv(file), importCsv(file), importCsv(file)])
		expect(results.reduce((sum, r) => sum + r.counts.created, 0)).toBe(30)
		for (const r of results) expect(r.counts.created + r.counts.unchanged).toBe(30)
		const ids = rows.map((r) => r.id)
		expect(await prisma.shopOrder.count({ where: { externalId: { in: ids } } })).toBe(30)
		expect(await prisma.shopOrderLine.count({ where: { order: { externalId: { in: ids } } } })).toBe(60)
	})
})

describe('a status change from the shop', () => {
	test('paid → refunded changes only the status, reverses commission already paid and takes the verified badge away', async () => {
		const leader = await member({ name: 'Leader' })
		await prisma.user.update({ where: { id: leader.id }, data: { role: 'superuser' } })
		const buyer = await member({ name: 'Buyer' })
		const at = daysAgo(40)
		await prisma.attribution.create({ data: { memberId: buyer.id, referrerId: leader.id, campaign: 'referral', status: 'paid', visitedAt: at, signupIp: '10.0.0.1', createdAt: at } })
		const saved = await saveCommissionSettings({ level1Percent: '10', level2Percent: '0', currency: 'cash', pointsPerYuan: '10' })
		expect(saved.ok).toBe(true)
		const tea = await product('Oolong')
		const email = (await prisma.user.findUniqueOrThrow({ where: { id: buyer.id }, select: { email: true } })).email
		const order = { id: id(), email, placedAt: daysAgo(15), total: '129.00', items: `${tea.sku} @129.00` }

		await importCsv(csv([order]))
		const { id: orderId } = (await orderOf(order.id))!
		// The referrer's first-order reward is scheduled by the import.
		expect(await prisma.qualifyingOrder.count({ where: { attribution: { memberId: buyer.id }, orderRef: order.id } })).toBe(1)
		await payDueCommissions()
		expect(await prisma.commissionEntry.findMany({ where: { orderId }, select: { kind: true, amount: true } })).toEqual([{ kind: 'earn', amount: 1290 }])
		expect((await verifiedPairs([{ memberId: buyer.id, productId: tea.id }])).size).toBe(1)

		const refunded = csv([{ ...order, status: 'refunded' }])
		const plan = await previewCsv(refunded)
		expect(plan.rows.map((r) => r.action)).toEqual(['update'])
		const result = await importCsv(refunded)
		expect(result.counts).toEqual({ created: 0, updated: 1, unchanged: 0, failed: 0 })
		expect((await orderOf(order.id))!.status).toBe('refunded')
		expect(await prisma.commissionEntry.findMany({ where: { orderId }, orderBy: { kind: 'asc' }, select: { kind: true, amount: true } })).toEqual([
			{ kind: 'earn', amount: 1290 },
			{ kind: 'reverse', amount: -1290 },
		])
		expect((await verifiedPairs([{ memberId: buyer.id, productId: tea.id }])).size).toBe(0)
		// Again: nothing more is reversed.
		expect((await importCsv(refunded)).counts).toMatchObject({ unchanged: 1 })
		expect(await prisma.commissionEntry.count({ where: { orderId } })).toBe(2)
		expect(await markOrderRefunded(orderId)).toEqual({ ok: true, reversed: 0 })
	})

	test('a cancellation is written as cancelled; any other change, or back to paid, is refused by name and saves nothing', async () => {
		const order = { id: id(), email: 'shopper@example.com', total: '59.00', placedAt: daysAgo(2) }
		await importCsv(csv([order]))
		expect((await importCsv(csv([{ ...order, status: 'cancelled' }]))).counts.updated).toBe(1)
		expect((await orderOf(order.id))!.status).toBe('cancelled')

		const before = await orderOf(order.id)
		const changed = await importCsv(csv([{ ...order, status: 'cancelled', total: '69.00' }]))
		expect(changed.messages).toEqual([[order.id, `Order ${order.id} was imported before with a different total; only its status may change. Fix the row, or give a different order its own order_id.`]])
		const items = await importCsv(csv([{ ...order, status: 'cancelled', items: 'TEA-01 x2 @129.00' }]))
		expect(items.messages[0]![1]).toContain('with a different items;')
		const reopened = await importCsv(csv([{ ...order, status: 'paid' }]))
		expect(reopened.messages).toEqual([[order.id, `Order ${order.id} is cancelled here and cannot become paid again. If the customer paid again, import that as a new order.`]])
		expect(await orderOf(order.id)).toEqual(before)
	})
})

describe('Quanzi coupons on orders', () => {
	test('a coupon used twice: the second order is refused with the reason and not saved', async () => {
		const buyer = await member()
		const email = (await prisma.user.findUniqueOrThrow({ where: { id: buyer.id }, select: { email: true } })).email
		const code = await coupon(buyer.id)
		const first = { id: id(), email, coupon: code.toLowerCase() }
		expect((await importCsv(csv([first]))).counts.created).toBe(1)
		const redeemed = await prisma.coupon.findUniqueOrThrow({ where: { code }, select: { redeemedAt: true, order: { select: { externalId: true } } } })
		expect(redeemed.order?.externalId).toBe(first.id)
		expect(redeemed.redeemedAt).not.toBeNull()

		const second = { id: id(), email, coupon: code }
		const result = await importCsv(csv([second, { id: id(), email }]))
		expect(result.counts).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 1 })
		expect(result.messages).toEqual([[second.id, `Coupon ${code} was already used on order ${first.id}. A coupon can be used once, so this order is not imported.`]])
		expect(await orderOf(second.id)).toBeNull()

		// Twice in one file: the second row names the first.
		const fresh = await coupon(buyer.id)
		const twice = await importCsv(csv([{ id: id(), email, coupon: fresh }, { id: id(), email, coupon: fresh }]))
		expect(twice.messages.map((m) => m[1])).toEqual([`Coupon ${fresh} is already used on row 2. A coupon can be used on one order only.`])
	})

	test('expired, below the minimum spend, another member’s or unknown: refused; a shop code is stored as given; the holder gets the order', async () => {
		const [buyer, other] = [await member(), await member()]
		const email = (await prisma.user.findUniqueOrThrow({ where: { id: buyer.id }, select: { email: true } })).email
		const expired = await coupon(buyer.id, { expiresAt: daysAgo(3) })
		const minimum = await coupon(buyer.id, { minSpendCents: 20_000 })
		const theirs = await coupon(other.id)
		const rows = [
			{ id: id(), email, coupon: expired, placedAt: daysAgo(1) },
			{ id: id(), email, coupon: minimum, total: '150.00', items: 'TEA-01 x1 @150.00' },
			{ id: id(), email, coupon: theirs },
			{ id: id(), email, coupon: 'QZ-00000000' },
			{ id: id(), email, coupon: 'shop-vip-2025' },
			{ id: id(), coupon: theirs },
		]
		const result = await importCsv(csv(rows))
		const expiredOn = (await prisma.coupon.findUniqueOrThrow({ where: { code: expired }, select: { expiresAt: true } })).expiresAt.toISOString().slice(0, 10)
		expect(result.messages).toEqual([
			[rows[0]!.id, `Coupon ${expired} expired on ${expiredOn}, before this order was placed.`],
			[rows[1]!.id, `Coupon ${minimum} needs a spend of at least ¥200.00; this order is below that.`],
			[rows[2]!.id, `Coupon ${theirs} belongs to a different member from the one with this order’s email or phone.`],
			[rows[3]!.id, 'Coupon QZ-00000000 is not a coupon Quanzi issued. Check the code.'],
		])
		expect(await orderOf(rows[4]!.id)).toMatchObject({ couponCode: 'shop-vip-2025', memberId: buyer.id })
		// No email or phone, but the coupon is the other member's: the order is theirs.
		expect(await orderOf(rows[5]!.id)).toMatchObject({ couponCode: theirs, memberId: other.id })
		expect(await prisma.coupon.count({ where: { code: { in: [expired, minimum] }, redeemedAt: { not: null } } })).toBe(0)
	})

	test('the same coupon on different orders imported at once is redeemed once', async () => {
		const buyer = await member()
		const email = (await prisma.user.findUniqueOrThrow({ where: { id: buyer.id }, select: { email: true } })).email
		const code = await coupon(buyer.id)
		const files = Array.from({ length: 6 }, () => csv([{ id: id('COUPON'), email, coupon: code }]))
		const results = await Promise.all(files.map((f) => importCsv(f)))
		expect(results.filter((r) => r.counts.created === 1)).toHaveLength(1)
		const refused = results.filter((r) => r.counts.failed === 1)
		expect(refused).toHaveLength(5)
		for (const r of refused) expect(r.messages[0]![1]).toMatch(new RegExp(`^Coupon ${code} was already used on order COUPON-`))
		expect(await prisma.shopOrder.count({ where: { couponCode: code } })).toBe(1)
		expect(await prisma.coupon.findUniqueOrThrow({ where: { code }, select: { orderId: true } })).toMatchObject({ orderId: expect.any(String) })
	})
})

describe('the import record', () => {
	test('each CSV import is recorded with its counts and who ran it', async () => {
		const merchant = await member({ role: 'merchant' })
		const file = csv([{ id: id(), email: 'a@example.com' }, { id: id(), total: '-3.00' }])
		const result = await importCsv(file, { byId: merchant.id })
		const record = await prisma.orderImport.findUniqueOrThrow({ where: { id: result.importId! }, select: { fileName: true, rows: true, created: true, updated: true, unchanged: true, failed: true, byId: true } })
		expect(record).toEqual({ fileName: 'orders.csv', rows: 2, created: 1, updated: 0, unchanged: 0, failed: 1, byId: merchant.id })
		expect(result.messages[0]![1]).toBe('total -3.00 is negative. A total is 0 or more; record a refund with status refunded.')
	})
})
