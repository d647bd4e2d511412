import { chromium } from '@playwright/test'
const base = 'http://127.0.0.1:3222'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const [path, name, w, h, login, locale] = process.argv.slice(2)
const context = await browser.newContext({ viewport: { width: Number(w), height: Number(h) }, locale: locale ?? 'en-US' })
const page = await context.newPage()
if (login) {
	await page.goto(`${base}/login`)
	await page.locator('input[name=email]').fill(login)
	await page.locator('input[name=password]').fill(login.startsWith('merchant') ? 'quanzi-merchant' : 'quanzi-member')
	await page.locator('form button[type=submit]').last().click()
	await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}
await page.goto(`${base}${path}`)
await page.waitForTimeout(500)
await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true })
await browser.close()
