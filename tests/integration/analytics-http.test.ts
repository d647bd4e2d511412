import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { CHARTS } from '#app/domain/analytics/range.ts'
import { loginCookie, signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// The dashboard through the real server: staff only, and each chart's CSV is a real download
// whose header and rows are the chart's figures, with a member-written title that looks like a
// spreadsheet formula written as text.

let server: RunningServer
let db: PrismaClient
let merchant: string
let customer: string

beforeAll(async () => {
	server = await startServer({ MERCHANT_EMAIL: 'boss@quanzi.test', MERCHANT_PASSWORD: 'boss password' })
	db = openDatabase(server.databaseUrl)
	merchant = await loginCookie(server.url, 'boss@quanzi.test', 'boss password')
	customer = await signupCookie(server.url, 'plain@quanzi.test')
	const host = await db.user.findUniqueOrThrow({ where: { email: 'boss@quanzi.test' }, select: { id: true } })
	const room = (title: string, likeCount: number, startsAt: string) =>
		db.liveRoom.create({ data: { title, hostId: host.id, streamUrl: 'https://video.quanzi.test/a.m3u8', startsAt: new Date(startsAt), likeCount } })
	await room('Tea tasting, spring', 42, '2026-01-09T12:00:00Z')
	await room('=HYPERLINK("http://evil.test","x")', 7, '2026-01-10T12:00:00Z')
	// A member day whose title, pool and item names a spreadsheet would run, with two boxes opened.
	const member = await db.user.findUniqueOrThrow({ where: { email: 'plain@quanzi.test' }, select: { id: true } })
	const day = await db.memberDay.create({ data: { title: '@SUM(A1) day', startsAt: new Date('2026-01-08T09:00:00Z'), endsAt: new Date('2026-01-10T09:00:00Z') }, select: { id: true } })
	const pool = await db.blindBoxPool.create({
		data: {
			memberDayId: day.id, name: '=HYPERLINK("http://evil.test","box")', pricePoints: 10, priceCents: 500, perMemberLimit: 5, total: 4, remaining: 2, seed: 'ab', seedHash: 'cd',
			items: { create: [{ position: 0, name: '+Teapot', total: 1, remaining: 0 }, { position: 1, name: 'Tea, sample', total: 3, remaining: 2 }] },
		},
		select: { id: true, items: { select: { id: true }, orderBy: { position: 'asc' } } },
	})
	for (const [i, item] of pool.items.entries()) {
		await db.blindBoxOpening.create({
			data: { poolId: pool.id, userId: member.id, number: i + 1, sequence: i + 1, poolBefore: '[1,3]', itemId: item.id, pricePoints: 10, priceCents: 500, shareCode: `share-${i}` },
		})
	}
}, 120_000)
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
})

const get = (pathname: string, cookie: string) => fetch(server.url + pathname, { redirect: 'manual', headers: { Cookie: cookie, 'Accept-Language': 'en' } })
const RANGE = '?from=2026-01-05&to=2026-01-25'

describe('analytics over HTTP', () => {
	test('a customer gets 403 on the page and on every CSV', async () => {
		expect((await get('/console/analytics', customer)).status).toBe(403)
		for (const chart of CHARTS) expect((await get(`/console/analytics/${chart}.csv${RANGE}`, customer)).status).toBe(403)
	})

	test('the merchant sees one card per chart with its CSV link', async () => {
		const response = await get(`/console/analytics${RANGE}`, merchant)
		expect(response.status).toBe(200)
		const html = await response.text()
		for (const chart of CHARTS) expect(html).toContain(`/console/analytics/${chart}.csv${RANGE.replace('&', '&amp;')}`)
		expect(html).toContain('Live rooms: likes against sales')
	})

	test('the live CSV has its header and rows, and the formula-looking title is neutralised', async () => {
		const response = await get(`/console/analytics/live.csv${RANGE}`, merchant)
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="quanzi-live-2026-01-05-2026-01-25.csv"')
		const text = (await response.text()).replace(/^\ufeff/, '')
		expect(text.split('\r\n')).toEqual([
			'Room,Likes,Units,Sales (¥)',
			`"'=HYPERLINK(""http://evil.test"",""x"")",7,0,0.00`,
			'"Tea tasting, spring",42,0,0.00',
			'',
		])
	})

	test('the member-day CSVs have their headers and rows, with formula-looking names neutralised', async () => {
		const csv = async (chart: string) => {
			const response = await get(`/console/analytics/${chart}.csv${RANGE}`, merchant)
			expect(response.status).toBe(200)
			expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
			expect(response.headers.get('content-disposition')).toBe(`attachment; filename="quanzi-${chart}-2026-01-05-2026-01-25.csv"`)
			return (await response.text()).replace(/^\ufeff/, '').split('\r\n')
		}
		expect(await csv('days')).toEqual([
			'Member day,Starts on,Members,Boxes opened,Points spent,Token cash (¥),Boxes left',
			"'@SUM(A1) day,2026-01-08,1,2,20,10.00,2",
			'',
		])
		expect(await csv('boxes')).toEqual([
			'Member day,Pool,Item,Packed,Opened,Published odds (%),Share of openings (%)',
			`'@SUM(A1) day,"'=HYPERLINK(""http://evil.test"",""box"")",'+Teapot,1,1,25,50`,
			`'@SUM(A1) day,"'=HYPERLINK(""http://evil.test"",""box"")","Tea, sample",3,1,75,50`,
			'',
		])
	})

	test('an unknown chart is 404', async () => {
		expect((await get(`/console/analytics/nothing.csv${RANGE}`, merchant)).status).toBe(404)
	})

	test('a point value that is not an amount is refused next to the field and not saved', async () => {
		const response = await fetch(`${server.url}/console/analytics`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Cookie: merchant, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
			body: new URLSearchParams({ yuanPer100: '-2' }),
		})
		expect(response.status).toBe(400)
		expect(await response.text()).toContain('Enter an amount from 0 to 1000 yuan')
		expect(await db.setting.findUnique({ where: { key: 'analytics.pointValue' } })).toBeNull()
		const saved = await fetch(`${server.url}/console/analytics`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Cookie: merchant, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
			body: new URLSearchParams({ yuanPer100: '0.50' }),
		})
		expect(saved.status).toBe(302)
		expect((await db.setting.findUnique({ where: { key: 'analytics.pointValue' }, select: { value: true } }))?.value).toBe('50')
	})
})
