import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { loginCookie, signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// The tier and coupon consoles through the real server, as the merchant's browser posts them
// (bad input: 400 with the message next to the form, nothing saved; a customer: 403), and the
// member's pages showing the member's own tier and coupons.

let server: RunningServer
let db: PrismaClient
let merchant: string
let customer: string
let tagged: string
let customerId: string
let taggedId: string
const segments = { tea: '', nobody: '' }

beforeAll(async () => {
	server = await startServer({ MERCHANT_EMAIL: 'boss@quanzi.test', MERCHANT_PASSWORD: 'boss password' })
	db = openDatabase(server.databaseUrl)
	// Segments are written before any page reads (and caches) the segment list.
	segments.tea = (await db.segment.create({ data: { name: 'Tea lovers', rules: JSON.stringify({ tags: ['tea'] }) }, select: { id: true } })).id
	segments.nobody = (await db.segment.create({ data: { name: 'Nobody yet', rules: JSON.stringify({ tags: ['nobody'] }) }, select: { id: true } })).id
	merchant = await loginCookie(server.url, 'boss@quanzi.test', 'boss password')
	customer = await signupCookie(server.url, 'member@quanzi.test')
	tagged = await signupCookie(server.url, 'tea@quanzi.test')
	customerId = (await db.user.findUniqueOrThrow({ where: { email: 'member@quanzi.test' }, select: { id: true } })).id
	taggedId = (await db.user.findUniqueOrThrow({ where: { email: 'tea@quanzi.test' }, select: { id: true } })).id
	await db.memberTag.create({ data: { userId: taggedId, tag: 'tea' } })
}, 120_000)
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
})

function post(pathname: string, cookie: string, fields: Record<string, string>) {
	return fetch(server.url + pathname, {
		method: 'POST',
		redirect: 'manual',
		headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
		body: new URLSearchParams(fields),
	})
}
const get = (pathname: string, cookie: string) => fetch(server.url + pathname, { headers: { Cookie: cookie, 'Accept-Language': 'en' } })

const ladderRows = (rows: [string, string, string][]) =>
	Object.fromEntries(rows.flatMap(([name, threshold, multiplier], i) => [[`tier${i}.name`, name], [`tier${i}.threshold`, threshold], [`tier${i}.multiplier`, multiplier]]))

describe('the consoles are the merchant’s', () => {
	test('a customer gets 403 reading or posting, and nothing is saved', async () => {
		for (const path of ['/console/tiers', '/console/coupons']) expect((await get(path, customer)).status, path).toBe(403)
		expect((await post('/console/tiers', customer, { intent: 'suggested' })).status).toBe(403)
		expect((await post('/console/coupons', customer, { intent: 'template', name: 'Mine', kind: 'amount', value: '500', validDays: '30', auto: 'none', active: 'on' })).status).toBe(403)
		expect(await db.tier.count()).toBe(0)
		expect(await db.couponTemplate.count()).toBe(0)
	})
})

describe('tiers over HTTP', () => {
	test('an empty ladder offers the suggested one', async () => {
		const page = await get('/console/tiers', merchant)
		expect(page.status).toBe(200)
		expect(await page.text()).toContain('Use the suggested ladder')
	})

	test('thresholds out of order are refused next to the field, the typing kept, nothing saved', async () => {
		const response = await post('/console/tiers', merchant, { intent: 'ladder', ...ladderRows([['Member', '0', '1'], ['Gold', '8000', '1.5'], ['Silver', '2000', '1.2']]), periodDays: '365', graceDays: '30' })
		expect(response.status).toBe(400)
		const html = await response.text()
		expect(html).toContain('Each tier must need more spend than the tier before it.')
		expect(html).toContain('A higher tier cannot give fewer points than the tier before it.')
		expect(html).toMatch(/name="tier2.threshold"[^>]*value="2000"/)
		expect(await db.tier.count()).toBe(0)

		const grace = await post('/console/tiers', merchant, { intent: 'ladder', ...ladderRows([['Member', '0', '1'], ['Silver', '2000', '1.2']]), periodDays: '365', graceDays: '365' })
		expect(grace.status).toBe(400)
		expect(await grace.text()).toContain('Enter a grace of 0 to 180 days.')
		expect(await db.tier.count()).toBe(0)
	})

	test('the suggested ladder is saved, and the page shows members per tier', async () => {
		expect((await post('/console/tiers', merchant, { intent: 'suggested' })).status).toBe(302)
		expect((await db.tier.findMany({ orderBy: { position: 'asc' }, select: { name: true } })).map((t) => t.name)).toEqual(['Member', 'Silver', 'Gold', 'Diamond'])
		const html = await (await get('/console/tiers?saved=1', merchant)).text()
		expect(html).toContain('Members per tier')
		expect(html).toMatch(/name="tier3.name"[^>]*value="Diamond"/)
		// Offered only while there is no ladder.
		const again = await post('/console/tiers', merchant, { intent: 'suggested' })
		expect(again.status).toBe(400)
		expect(await again.text()).toContain('You already have a ladder')
	})
})

describe('coupons over HTTP', () => {
	const templateFields = { intent: 'template', name: 'Tea treat', kind: 'amount', value: '20', minSpend: '99', validDays: '30', auto: 'none', active: 'on' }
	const templateId = () => db.couponTemplate.findFirstOrThrow({ where: { name: 'Tea treat' }, select: { id: true } }).then((t) => t.id)

	test('a bad template is refused with the message, nothing saved; a good one is saved', async () => {
		const bad = await post('/console/coupons', merchant, { ...templateFields, kind: 'percent', value: '95' })
		expect(bad.status).toBe(400)
		const html = await bad.text()
		expect(html).toContain('Enter a whole percent from 1 to 90.')
		expect(html).toMatch(/name="name"[^>]*value="Tea treat"/)
		expect(await db.couponTemplate.count()).toBe(0)
		expect((await post('/console/coupons', merchant, templateFields)).status).toBe(302)
		expect(await db.couponTemplate.findMany({ select: { kind: true, value: true, minSpendCents: true, validDays: true } })).toEqual([{ kind: 'amount', value: 2000, minSpendCents: 9900, validDays: 30 }])
	})

	test('issuing to a member by email: an unknown email is refused; a known one gets a coupon, once per form', async () => {
		const id = await templateId()
		const issueId = randomUUID()
		const unknown = await post('/console/coupons', merchant, { intent: 'issueMember', templateId: id, email: 'nobody@quanzi.test', issueId })
		expect(unknown.status).toBe(400)
		expect(await unknown.text()).toContain('No member has this email.')
		const issued = await post('/console/coupons', merchant, { intent: 'issueMember', templateId: id, email: 'member@quanzi.test', issueId })
		expect(issued.status).toBe(200)
		const coupon = await db.coupon.findFirstOrThrow({ where: { userId: customerId }, select: { code: true } })
		expect(await issued.text()).toContain(`Coupon ${coupon.code} issued to member@quanzi.test.`)
		expect((await post('/console/coupons', merchant, { intent: 'issueMember', templateId: id, email: 'member@quanzi.test', issueId })).status).toBe(200)
		expect(await db.coupon.count({ where: { userId: customerId } })).toBe(1)
	})

	test('a segment with no members is refused with the message; a segment issue reaches its members only', async () => {
		const id = await templateId()
		const before = await db.coupon.count()
		const empty = await post('/console/coupons', merchant, { intent: 'issueSegment', templateId: id, segmentId: segments.nobody, issueId: randomUUID() })
		expect(empty.status).toBe(400)
		expect(await empty.text()).toContain('This segment has no members today; nothing was issued.')
		expect(await db.coupon.count()).toBe(before)

		const issued = await post('/console/coupons', merchant, { intent: 'issueSegment', templateId: id, segmentId: segments.tea, issueId: randomUUID() })
		expect(issued.status).toBe(200)
		expect(await issued.text()).toContain('Issued 1 coupons to the segment’s 1 members')
		expect(await db.coupon.count({ where: { userId: taggedId, source: 'segment' } })).toBe(1)
		expect(await db.coupon.count()).toBe(before + 1)
	})

	test('automatic settings out of bounds are refused; within them they are saved', async () => {
		const bad = await post('/console/coupons', merchant, { intent: 'auto', winbackDays: '3', reminderDays: '3' })
		expect(bad.status).toBe(400)
		expect(await bad.text()).toContain('Enter 7 to 730 days.')
		expect(await db.setting.count({ where: { key: { in: ['membership.winbackDays', 'membership.reminderDays'] } } })).toBe(0)
		expect((await post('/console/coupons', merchant, { intent: 'auto', winbackDays: '60', reminderDays: '5' })).status).toBe(302)
		expect(await db.setting.findUnique({ where: { key: 'membership.winbackDays' }, select: { value: true } })).toEqual({ value: '60' })
	})
})

describe('the member’s pages', () => {
	test('/me/membership shows the member’s tier, what the next one needs, and the benefits', async () => {
		await db.shopOrder.create({ data: { externalId: randomUUID(), memberId: customerId, totalCents: 300_000, status: 'paid', placedAt: new Date() } })
		const page = await get('/me/membership', customer)
		expect(page.status).toBe(200)
		const html = await page.text()
		expect(html).toContain('Silver')
		expect(html).toMatch(/Spend ¥5,000\.00 more by [^<]+ to reach Gold/)
		expect(html).toContain('×1.2 points')
		expect(html).toMatch(/data-label="Points">×1.5</)
		expect(html).toContain('From ¥20,000.00')
	})

	test('/me/coupons shows the member’s own coupons with what they give and until when', async () => {
		const coupon = await db.coupon.findFirstOrThrow({ where: { userId: customerId }, select: { code: true } })
		const html = await (await get('/me/coupons', customer)).text()
		expect(html).toContain(coupon.code)
		expect(html).toContain('¥20.00 off')
		expect(html).toContain('On orders from ¥99.00')
		expect(html).toMatch(/Use by [^<]+ · 30 days left/)
		// Another member's page does not show it.
		expect(await (await get('/me/coupons', tagged)).text()).not.toContain(coupon.code)
		// Signed out: sent to log in.
		expect((await fetch(`${server.url}/me/coupons`, { redirect: 'manual' })).status).toBe(302)
	})
})
