import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { loginCookie, signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// The commission console through the real server, as the merchant's browser posts it: a third
// level or a negative rate comes back as a clear error next to the form, and nothing is saved.

let server: RunningServer
let db: PrismaClient
let merchant: string
let customer: string

beforeAll(async () => {
	server = await startServer({ MERCHANT_EMAIL: 'boss@quanzi.test', MERCHANT_PASSWORD: 'boss password' })
	db = openDatabase(server.databaseUrl)
	merchant = await loginCookie(server.url, 'boss@quanzi.test', 'boss password')
	customer = await signupCookie(server.url, 'plain@quanzi.test')
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

const saved = async () => (await db.setting.findUnique({ where: { key: 'commission.settings' }, select: { value: true } }))?.value
const terms = { intent: 'settings', level1Percent: '10', level2Percent: '3', currency: 'cash', pointsPerYuan: '10' }

describe('commission settings over HTTP', () => {
	test('the merchant saves two levels', async () => {
		const response = await post('/console/commission', merchant, terms)
		expect(response.status).toBe(302)
		expect(JSON.parse((await saved())!)).toEqual({ level1Bps: 1000, level2Bps: 300, currency: 'cash', pointsPerYuan: 10 })
	})

	test('a third level is refused with the rule that forbids it, and the saved terms stay', async () => {
		const before = await saved()
		const thirdLevels: Record<string, string>[] = [{ level3Percent: '1' }, { level3Bps: '100' }, { levels: '3' }]
		for (const extra of thirdLevels) {
			const response = await post('/console/commission', merchant, { ...terms, level1Percent: '12', ...extra })
			expect(response.status).toBe(400)
			const html = await response.text()
			expect(html).toContain('Commission can be paid on two levels at most')
			expect(html).toContain('multi-level schemes')
			// The merchant's typing is kept in the form.
			expect(html).toMatch(/name="level1Percent"[^>]*value="12"/)
			expect(await saved()).toBe(before)
		}
	})

	test('a negative rate is refused next to its field, and the saved terms stay', async () => {
		const before = await saved()
		const response = await post('/console/commission', merchant, { ...terms, level2Percent: '-2' })
		expect(response.status).toBe(400)
		const html = await response.text()
		expect(html).toContain('A rate cannot be negative')
		expect(html).toMatch(/name="level2Percent"[^>]*value="-2"/)
		expect(await saved()).toBe(before)

		const above = await post('/console/commission', merchant, { ...terms, level2Percent: '15' })
		expect(above.status).toBe(400)
		expect(await above.text()).toContain('The level 2 rate cannot be above the level 1 rate')
		expect(await saved()).toBe(before)
	})
})

describe('the console is the merchant’s', () => {
	test('a customer gets 403 on the commission and super-user pages, reading or posting', async () => {
		for (const path of ['/console/commission', '/console/superusers']) {
			const page = await fetch(server.url + path, { headers: { Cookie: customer, 'Accept-Language': 'en' } })
			expect(page.status, path).toBe(403)
		}
		const before = await saved()
		expect((await post('/console/commission', customer, { ...terms, level1Percent: '30' })).status).toBe(403)
		expect(await saved()).toBe(before)
		const plain = await db.user.findUniqueOrThrow({ where: { email: 'plain@quanzi.test' }, select: { id: true } })
		expect((await post('/console/superusers', customer, { intent: 'promote', memberId: plain.id, profileLine: 'Me' })).status).toBe(403)
		expect((await db.user.findUniqueOrThrow({ where: { id: plain.id }, select: { role: true } })).role).toBe('customer')
	})

	test('a customer gets 403 on the earnings page; the merchant sees the super-user pages', async () => {
		expect((await fetch(`${server.url}/me/earnings`, { headers: { Cookie: customer } })).status).toBe(403)
		const page = await fetch(`${server.url}/console/superusers`, { headers: { Cookie: merchant, 'Accept-Language': 'en' } })
		expect(page.status).toBe(200)
		expect(await page.text()).toContain('Worth promoting')
		expect((await fetch(`${server.url}/groups/leaders`)).status).toBe(200)
	})
})
