import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { loginCookie, signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// The notification settings and the console's outbox through the real server, as a browser
// posts them: a member saves only their own switches, the console is the merchant's, and a cap
// out of range comes back next to its field with nothing saved.

let server: RunningServer
let db: PrismaClient
let merchant: string
let mei: string
let meiId: string
let otherId: string

beforeAll(async () => {
	server = await startServer({ MERCHANT_EMAIL: 'boss@quanzi.test', MERCHANT_PASSWORD: 'boss password' })
	db = openDatabase(server.databaseUrl)
	merchant = await loginCookie(server.url, 'boss@quanzi.test', 'boss password')
	mei = await signupCookie(server.url, 'mei@quanzi.test')
	await signupCookie(server.url, 'other@quanzi.test')
	meiId = (await db.user.findUniqueOrThrow({ where: { email: 'mei@quanzi.test' }, select: { id: true } })).id
	otherId = (await db.user.findUniqueOrThrow({ where: { email: 'other@quanzi.test' }, select: { id: true } })).id
}, 120_000)
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
})

const get = (pathname: string, cookie: string) => fetch(server.url + pathname, { headers: { Cookie: cookie, 'Accept-Language': 'en' } })
function post(pathname: string, cookie: string, fields: [string, string][]) {
	return fetch(server.url + pathname, {
		method: 'POST',
		redirect: 'manual',
		headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
		body: new URLSearchParams(fields),
	})
}
const preferencesOf = async (userId: string) =>
	Object.fromEntries((await db.notificationPreference.findMany({ where: { userId }, select: { category: true, inApp: true, email: true } })).map((p) => [p.category, { inApp: p.inApp, email: p.email }]))
const savedCap = async () => (await db.setting.findUnique({ where: { key: 'notifications.weeklyCap' }, select: { value: true } }))?.value

describe('notification settings', () => {
	test('the page shows every switch on, the weekly limit, and what is always on', async () => {
		const page = await get('/me/notification-settings', mei)
		expect(page.status).toBe(200)
		const html = await page.text()
		expect(html).toContain('You get at most 3 of these a week')
		expect(html).toMatch(/name="coupons\.inApp"[^>]*checked/)
		expect(html).toMatch(/name="groups\.email"[^>]*checked/)
		expect(html).toContain('Always on')
		expect((await get('/me/notifications', mei).then((r) => r.text()))).toContain('href="/me/notification-settings"')
	})

	test('a member saves their own switches; a member id in the form changes nobody else', async () => {
		const response = await post('/me/notification-settings', mei, [
			['coupons.email', 'on'],
			['votes.inApp', 'on'],
			['votes.email', 'on'],
			['groups.inApp', 'on'],
			['userId', otherId],
		])
		expect(response.status).toBe(302)
		expect(response.headers.get('location')).toBe('/me/notification-settings?saved=1')
		const saved = await preferencesOf(meiId)
		expect(saved.coupons).toEqual({ inApp: false, email: true })
		expect(saved.votes).toEqual({ inApp: true, email: true })
		expect(saved.live).toEqual({ inApp: false, email: false })
		expect(saved.groups).toEqual({ inApp: true, email: false })
		expect(saved.account).toBeUndefined()
		expect(await preferencesOf(otherId)).toEqual({})

		const html = await (await get('/me/notification-settings?saved=1', mei)).text()
		expect(html).toContain('Your notification settings are saved.')
		expect(html).not.toMatch(/name="coupons\.inApp"[^>]*checked/)
		expect(html).toMatch(/name="coupons\.email"[^>]*checked/)
	})

	test('signed out, the page sends you to log in', async () => {
		const response = await fetch(`${server.url}/me/notification-settings`, { redirect: 'manual' })
		expect(response.status).toBe(302)
		expect(response.headers.get('location')).toContain('/login')
	})
})

describe('the console’s notifications page', () => {
	test('a customer gets 403, reading or posting, and the cap stays', async () => {
		expect((await get('/console/notifications', mei)).status).toBe(403)
		expect((await post('/console/notifications', mei, [['weeklyCap', '50']])).status).toBe(403)
		expect(await savedCap()).toBeUndefined()
	})

	test('a cap of 51 or -1 is refused next to the field with the typed value kept; 5 is saved and members see it', async () => {
		for (const bad of ['51', '-1', '2.5', '']) {
			const response = await post('/console/notifications', merchant, [['weeklyCap', bad]])
			expect(response.status, bad).toBe(400)
			const html = await response.text()
			expect(html).toContain('Enter a whole number from 0 to 50.')
			expect(html).toMatch(new RegExp(`name="weeklyCap"[^>]*value="${bad.replace('.', '\\.')}"`))
			expect(await savedCap()).toBeUndefined()
		}
		const saved = await post('/console/notifications', merchant, [['weeklyCap', '5']])
		expect(saved.status).toBe(302)
		expect(await savedCap()).toBe('5')
		expect(await (await get('/me/notification-settings', mei)).text()).toContain('You get at most 5 of these a week')
	})

	test('the outbox lists emails with counts by status, and shows one as plain text', async () => {
		const email = await db.emailMessage.create({
			data: { userId: meiId, to: 'mei@quanzi.test', subject: 'A coupon for you', text: 'Hello <b>Mei</b>,\nA coupon for you.', status: 'captured' },
			select: { id: true },
		})
		const page = await get('/console/notifications', merchant)
		expect(page.status).toBe(200)
		const html = await page.text()
		expect(html).toContain('Email outbox')
		expect(html).toContain('No mail server is set (SMTP_URL)')
		expect(html).toMatch(/<dt>Captured<\/dt><dd>1<\/dd>/)
		expect(html).toContain('mei@quanzi.test')

		const one = await (await get(`/console/notifications?email=${email.id}`, merchant)).text()
		expect(one).toContain('Hello &lt;b&gt;Mei&lt;/b&gt;,')
		expect(one).not.toContain('<b>Mei</b>')
		expect((await get(`/console/notifications?email=${email.id}`, mei)).status).toBe(403)
	})
})
