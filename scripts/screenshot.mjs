// Takes screenshots of a running Quanzi (default http://localhost:3000) in Debian's Chromium.
// Usage: node scripts/screenshot.mjs [baseUrl] [outDir]; signs in as the demo merchant for the console.
import { chromium } from '@playwright/test'

const base = process.argv[2] ?? 'http://localhost:3000'
const out = process.argv[3] ?? 'docs/img'
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const shots = [
	{ name: 'home-phone', path: '/', viewport: { width: 390, height: 844 } },
	{ name: 'home-desktop', path: '/', viewport: { width: 1280, height: 800 } },
	{ name: 'console-desktop', path: '/console', viewport: { width: 1280, height: 800 }, login: 'merchant@quanzi.test' },
	{ name: 'vote-desktop', path: '/vote', viewport: { width: 1280, height: 800 } },
	// The demo room that is live now, seen by a member.
	{ name: 'live-desktop', path: '/live', follow: '.room-live .room-card-link', viewport: { width: 1280, height: 800 }, login: 'mei@quanzi.test' },
	{ name: 'live-phone', path: '/live', follow: '.room-live .room-card-link', viewport: { width: 390, height: 844 }, login: 'mei@quanzi.test' },
	// Aunt Wen's demo circle, seen by one of its members.
	{ name: 'group-desktop', path: '/groups', follow: '.group-card-link:has-text("gongfu")', viewport: { width: 1280, height: 800 }, login: 'mei@quanzi.test' },
	// Membership: Aunt Wen's tier (Gold, from the demo orders), and the merchant's order import.
	{ name: 'me-phone', path: '/me', viewport: { width: 390, height: 844 }, login: 'leader@quanzi.test' },
	{ name: 'membership-desktop', path: '/me/membership', viewport: { width: 1280, height: 800 }, login: 'leader@quanzi.test' },
	{ name: 'orders-desktop', path: '/console/orders', viewport: { width: 1280, height: 800 }, login: 'merchant@quanzi.test' },
	{ name: 'segments-phone', path: '/console/segments', viewport: { width: 390, height: 844 }, login: 'merchant@quanzi.test' },
	// A member day's blind box with its published odds, and the merchant's analytics.
	{ name: 'day-phone', path: '/days', follow: 'a[href^="/days/"]', viewport: { width: 390, height: 844 }, login: 'leader@quanzi.test' },
	// Aunt Wen opens a tea blind box: the reveal, once its animation has played.
	{ name: 'reveal-phone', path: '/days', follow: 'a[href^="/days/"]:has-text("tea")', click: '.member-days form button[type=submit]', viewport: { width: 390, height: 844 }, login: 'leader@quanzi.test' },
	{ name: 'analytics-desktop', path: '/console/analytics', viewport: { width: 1280, height: 800 }, login: 'merchant@quanzi.test' },
]
const PASSWORDS = { merchant: 'quanzi-merchant', leader: 'quanzi-leader' }
for (const shot of shots) {
	const context = await browser.newContext({ viewport: shot.viewport, locale: process.env.SHOT_LOCALE ?? 'zh-CN' })
	const page = await context.newPage()
	if (shot.login) {
		await page.goto(`${base}/login`)
		await page.locator('input[name=email]').fill(shot.login)
		await page.locator('input[name=password]').fill(PASSWORDS[shot.login.split('@')[0]] ?? 'quanzi-member')
		await page.locator('form button[type=submit]').last().click()
		await page.waitForURL((url) => !url.pathname.startsWith('/login'))
	}
	await page.goto(`${base}${shot.path}`)
	if (shot.follow) {
		await page.locator(shot.follow).first().click()
		await page.waitForURL((url) => url.pathname !== shot.path)
		await page.waitForTimeout(2000) // the socket joins and the chat fills
	}
	if (shot.click) {
		await page.locator(shot.click).first().click()
		await page.locator('[role=status]').first().waitFor()
		await page.waitForTimeout(1500) // the reveal plays
	}
	// Scroll through once so lazy photos load before the full-page shot.
	await page.evaluate(async () => {
		for (let y = 0; y < document.body.scrollHeight; y += 400) {
			window.scrollTo(0, y)
			await new Promise((resolve) => setTimeout(resolve, 60))
		}
		window.scrollTo(0, 0)
	})
	await page.waitForLoadState('networkidle')
	await page.screenshot({ path: `${out}/${shot.name}.png`, fullPage: true })
	await context.close()
}
await browser.close()
console.log(`Screenshots written to ${out}/`)
