import { expect, test, type Browser, type Page } from '@playwright/test'
import { logIn } from './helpers.ts'

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-US' })
	const page = await context.newPage()
	await logIn(page, email, password)
	return page
}

const likeCount = (page: Page) => page.locator('.live-like .live-count')

test('the host starts a room; two members chat and like; the host pins a product and runs a flash sale; one member claims', async ({ browser }) => {
	// Aunt Wen, a super-user the shop lets host, opens her scheduled room.
	const host = await signedIn(browser, 'leader@quanzi.test', 'quanzi-leader')
	await host.goto('/live?tab=upcoming')
	await host.getByRole('link', { name: /Gongfu tea for beginners/ }).first().click()
	await host.waitForURL(/\/live\/[a-z0-9]+$/)
	await expect(host.getByRole('heading', { name: /Gongfu tea for beginners/ })).toBeVisible()
	const roomUrl = host.url()
	const [mei, lin] = [await signedIn(browser, 'mei@quanzi.test', 'quanzi-member'), await signedIn(browser, 'lin@quanzi.test', 'quanzi-member')]
	await Promise.all([mei.goto(roomUrl), lin.goto(roomUrl)])
	await expect(mei.getByRole('button', { name: "Subscribed: we'll tell you" })).toBeVisible()

	await host.getByRole('button', { name: 'Go live now' }).click()
	await expect(host.getByText('LIVE', { exact: true })).toBeVisible()
	// Subscribers' open pages turn live without a reload, and they are told.
	for (const member of [mei, lin]) {
		await expect(member.getByText('LIVE', { exact: true })).toBeVisible()
		await expect(member.getByRole('status').filter({ hasText: 'is live now' })).toBeVisible()
	}

	// Chat both ways; what a member types stays text.
	await mei.getByLabel('Your message').fill('Hello from Mei 🍵 <b>bold?</b>')
	await mei.getByRole('button', { name: 'Send' }).click()
	await expect(lin.locator('.live-messages').getByText('Hello from Mei 🍵 <b>bold?</b>')).toBeVisible()
	await expect(mei.getByLabel('Your message')).toHaveValue('')
	await lin.getByLabel('Your message').fill('Lin here, can you show the lid?')
	await lin.getByRole('button', { name: 'Send' }).click()
	await expect(mei.locator('.live-messages').getByText('Lin here, can you show the lid?')).toBeVisible()
	await expect(host.locator('.live-messages').getByText('Lin here, can you show the lid?')).toBeVisible()

	// Likes: taps from both members add up on every screen.
	for (let i = 0; i < 6; i++) await mei.locator('.live-like').click()
	for (let i = 0; i < 4; i++) await lin.locator('.live-like').click()
	await expect(host.locator('.live-like .live-count')).toHaveText('10')
	await expect(likeCount(mei)).toHaveText('10')

	// The host pins the teapot: it appears for everyone.
	await host.locator('.live-host-products li').filter({ hasText: 'Yixing clay teapot' }).getByRole('button', { name: 'Pin' }).click()
	const meiPin = mei.locator('.live-pin').filter({ hasText: 'Yixing clay teapot' })
	await expect(meiPin).toBeVisible()
	await expect(lin.locator('.live-pin').filter({ hasText: 'Yixing clay teapot' })).toBeVisible()
	await expect(mei.locator('.live-points')).toContainText(/You have \d+ points/)
	await meiPin.getByRole('button', { name: /I want Yixing clay teapot/ }).click()
	await expect(host.locator('.live-pin').filter({ hasText: 'Yixing clay teapot' }).locator('.live-want .live-count')).toHaveText('1')

	// A flash sale: two in stock, one per member, opens at once.
	const sale = host.locator('form.live-sale-form')
	await sale.getByLabel('Sale price (¥)').fill('199')
	await sale.getByLabel('Stock').fill('2')
	await sale.getByLabel('Limit per member').fill('1')
	await sale.getByLabel('Countdown (seconds)').fill('0')
	await sale.getByLabel('Open for (minutes)').fill('5')
	await sale.getByRole('button', { name: 'Start the sale' }).click()
	await expect(host.getByText('Flash sale running on Yixing clay teapot.')).toBeVisible()
	await expect(lin.getByText('2 of 2 left')).toBeVisible()

	await meiPin.getByRole('button', { name: 'Claim one' }).click()
	await expect(mei.getByRole('status').filter({ hasText: 'Claimed! You hold 1' })).toBeVisible()
	await expect(meiPin.getByRole('button', { name: 'You have your limit' })).toBeDisabled()
	await expect(lin.getByText('1 of 2 left')).toBeVisible()
	await expect(host.getByText('1 of 2 left')).toBeVisible()
})
