import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { SegmentRulesSchema } from '#app/domain/segments/rules.ts'
import { loginCookie, signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// Member days through the real server: the merchant schedules a surprise day for one segment and
// packs a pool from the console; a bad pool comes back with its message and the typing kept;
// a member of the segment sees the odds and opens a box; anyone else gets a 404.

let server: RunningServer
let db: PrismaClient
let merchant: string
let insider: string
let outsider: string
let segmentId: string

beforeAll(async () => {
	server = await startServer({ MERCHANT_EMAIL: 'boss@quanzi.test', MERCHANT_PASSWORD: 'boss password' })
	db = openDatabase(server.databaseUrl)
	// Before any page is served, so the server's segment list (kept for a few seconds) holds it.
	segmentId = (await db.segment.create({ data: { name: 'Hangzhou fans', rules: JSON.stringify(SegmentRulesSchema.parse({ regions: ['Hangzhou'] })) }, select: { id: true } })).id
	merchant = await loginCookie(server.url, 'boss@quanzi.test', 'boss password')
	insider = await signupCookie(server.url, 'inside@quanzi.test')
	outsider = await signupCookie(server.url, 'outside@quanzi.test')
	await db.user.update({ where: { email: 'inside@quanzi.test' }, data: { region: 'Hangzhou' } })
	await db.user.update({ where: { email: 'outside@quanzi.test' }, data: { region: 'Beijing' } })
}, 120_000)
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
})

const headers = (cookie: string) => ({ Cookie: cookie, 'Accept-Language': 'en' })
function post(pathname: string, cookie: string, fields: Record<string, string>) {
	return fetch(server.url + pathname, {
		method: 'POST',
		redirect: 'manual',
		headers: { ...headers(cookie), Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
	})
}
const utc = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16)
const pool = (memberDayId: string) => ({
	intent: 'pool', memberDayId, name: 'Lucky box', boxes: '10', pricePoints: '0', priceYuan: '0', perMemberLimit: '3',
	'item0.name': 'Tablet', 'item0.total': '1', 'item1.name': 'Sticker', 'item1.total': '9',
})

describe('member days over HTTP', () => {
	let dayId: string

	test('customers may not open the console', async () => {
		expect((await fetch(`${server.url}/console/days`, { headers: headers(insider), redirect: 'manual' })).status).toBe(403)
		expect((await post('/console/days', insider, { intent: 'day', title: 'Mine' })).status).toBe(403)
	})

	test('a day in the past is refused next to its field, nothing saved; a surprise day for the segment is scheduled', async () => {
		const past = await post('/console/days', merchant, { intent: 'day', title: 'Too late', startsAt: utc(-48 * 3600_000), endsAt: utc(-24 * 3600_000), segmentId })
		expect(past.status).toBe(400)
		const html = await past.text()
		expect(html).toContain('This member day is already over')
		expect(html).toMatch(/name="title"[^>]*value="Too late"/)
		expect(await db.memberDay.count()).toBe(0)
		const created = await post('/console/days', merchant, { intent: 'day', title: 'Gold day', startsAt: utc(-3600_000), endsAt: utc(24 * 3600_000), segmentId, surprise: 'on' })
		expect(created.status).toBe(302)
		dayId = (await db.memberDay.findFirstOrThrow({ where: { title: 'Gold day' }, select: { id: true, surprise: true } })).id
	})

	test('a pool whose counts do not add up, or with an empty box, is refused with its message; a good one is packed', async () => {
		const wrong = await post('/console/days', merchant, { ...pool(dayId), boxes: '12' })
		expect(wrong.status).toBe(400)
		const html = await wrong.text()
		expect(html).toContain('The item counts must add up to the number of boxes.')
		expect(html).toMatch(/name="boxes"[^>]*value="12"/)
		const empty = await post('/console/days', merchant, { ...pool(dayId), boxes: '1', 'item1.total': '0' })
		expect(await empty.text()).toContain('Every box must hold something')
		expect(await db.blindBoxPool.count()).toBe(0)
		expect((await post('/console/days', merchant, pool(dayId))).status).toBe(302)
		expect(await db.blindBoxPool.count({ where: { memberDayId: dayId } })).toBe(1)
	})

	test('the surprise day is a 404 for a member outside its segment, to look at and to open a box', async () => {
		const { id: poolId } = await db.blindBoxPool.findFirstOrThrow({ where: { memberDayId: dayId }, select: { id: true } })
		expect((await fetch(`${server.url}/days/${dayId}`, { headers: headers(outsider) })).status).toBe(404)
		expect((await post(`/days/${dayId}`, outsider, { poolId })).status).toBe(404)
		expect(await db.blindBoxOpening.count()).toBe(0)
	})

	test('a member of the segment sees the published odds and opens a box', async () => {
		const page = await fetch(`${server.url}/days/${dayId}`, { headers: headers(insider) })
		expect(page.status).toBe(200)
		const html = await page.text()
		expect(html).toContain('Published odds')
		expect(html).toMatch(/<td>Tablet<\/td><td>1<\/td><td>10%<\/td><td>1<\/td>/)
		expect(html).toMatch(/<td>Sticker<\/td><td>9<\/td><td>90%<\/td><td>9<\/td>/)
		const { id: poolId } = await db.blindBoxPool.findFirstOrThrow({ where: { memberDayId: dayId }, select: { id: true } })
		const opened = await post(`/days/${dayId}`, insider, { poolId })
		expect(opened.status).toBe(200)
		const item = (await db.blindBoxOpening.findFirstOrThrow({ where: { poolId }, select: { item: { select: { name: true } } } })).item.name
		expect(await opened.text()).toContain(`Your box holds: ${item}!`)
		expect((await db.blindBoxPool.findUniqueOrThrow({ where: { id: poolId }, select: { remaining: true } })).remaining).toBe(9)
		// The box is among the member's own; the day is listed for them and for nobody outside the segment.
		const mine = await (await fetch(`${server.url}/days`, { headers: headers(insider) })).text()
		expect(mine).toContain('Gold day')
		expect(mine).toContain(`>${item}<`)
		expect(await (await fetch(`${server.url}/days`, { headers: headers(outsider) })).text()).not.toContain('Gold day')
	})
	test('the day’s ticker reaches a socket of the segment and nobody else; a shared box is public', async () => {
		const open = async (cookie: string): Promise<Socket> => {
			const socket = connect(server.url, { transports: ['websocket'], extraHeaders: { Origin: server.url, Cookie: cookie }, reconnection: false, forceNew: true })
			await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)))
			return socket
		}
		const [inside, outside] = await Promise.all([open(insider), open(outsider)])
		try {
			expect(await inside.timeout(5000).emitWithAck('day:join', { dayId })).toEqual({ data: { dayId } })
			expect(await outside.timeout(5000).emitWithAck('day:join', { dayId })).toEqual({ error: 'days.error.notFound' })
			const heard = { inside: [] as string[], outside: [] as string[] }
			inside.on('day:win', (push: { win: { item: string } }) => heard.inside.push(push.win.item))
			outside.on('day:win', (push: { win: { item: string } }) => heard.outside.push(push.win.item))
			// A pool of top items only: every box is a notable win.
			const packed = await post('/console/days', merchant, { ...pool(dayId), name: 'Jackpot', boxes: '2', 'item0.name': 'Tablet', 'item0.total': '2', 'item1.name': '', 'item1.total': '' })
			expect(packed.status).toBe(302)
			const { id: poolId } = await db.blindBoxPool.findFirstOrThrow({ where: { memberDayId: dayId, name: 'Jackpot' }, select: { id: true } })
			expect((await post(`/days/${dayId}`, insider, { poolId })).status).toBe(200)
			await expect.poll(() => heard.inside, { timeout: 5000 }).toEqual(['Tablet'])
			expect(heard.outside).toEqual([])
		} finally {
			inside.disconnect()
			outside.disconnect()
		}
		// The shared link works for anyone, signed out too; an unknown code is a 404.
		const { shareCode } = await db.blindBoxOpening.findFirstOrThrow({ where: { pool: { name: 'Jackpot' } }, select: { shareCode: true } })
		const shared = await fetch(`${server.url}/boxes/${shareCode}`, { headers: { 'Accept-Language': 'en' } })
		expect(shared.status).toBe(200)
		const html = await shared.text()
		expect(html).toContain('It held: Tablet')
		expect(html).toContain('The seed is revealed when the member day ends')
		expect((await fetch(`${server.url}/boxes/zzzzzzzz`)).status).toBe(404)
	})
	test('a draw linked to the day from the console is the segment’s only: a 404 to anyone else, to look at, list or draw', async () => {
		const now = Date.now()
		const { id: campaignId } = await db.campaign.create({
			data: {
				title: 'Hangzhou fans draw', costPoints: 0, perMemberLimit: 1, startsAt: new Date(now - 60_000), endsAt: new Date(now + 3600_000), seed: 'ab'.repeat(32), seedHash: 'cd'.repeat(32),
				prizes: { create: [{ position: 0, name: 'Tea tin', kind: 'physical', total: 5, remaining: 5 }] },
			},
			select: { id: true },
		})
		// Before it is linked, anyone may open it.
		expect((await fetch(`${server.url}/draws/${campaignId}`, { headers: headers(outsider) })).status).toBe(200)
		expect((await post('/console/days', merchant, { intent: 'linkCampaign', memberDayId: dayId, campaignId: 'no-such-campaign' })).status).toBe(400)
		expect((await post('/console/days', merchant, { intent: 'linkCampaign', memberDayId: dayId, campaignId })).status).toBe(302)
		expect((await fetch(`${server.url}/draws/${campaignId}`, { headers: headers(outsider) })).status).toBe(404)
		expect((await fetch(`${server.url}/draws/${campaignId}`)).status).toBe(404)
		expect(await (await fetch(`${server.url}/draws`, { headers: headers(outsider) })).text()).not.toContain('Hangzhou fans draw')
		expect((await post(`/draws/${campaignId}`, outsider, {})).status).toBe(404)
		expect(await db.draw.count({ where: { campaignId } })).toBe(0)
		// The segment's member finds it on the day's page and draws.
		const dayPage = await (await fetch(`${server.url}/days/${dayId}`, { headers: headers(insider) })).text()
		expect(dayPage).toContain('Hangzhou fans draw')
		expect((await fetch(`${server.url}/draws/${campaignId}`, { headers: headers(insider) })).status).toBe(200)
		expect((await post(`/draws/${campaignId}`, insider, {})).status).toBe(200)
		expect(await db.draw.count({ where: { campaignId } })).toBe(1)
	})
})
