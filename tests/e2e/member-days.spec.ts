import { readFileSync } from 'node:fs'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { logIn } from './helpers.ts'

// The merchant packs a blind-box pool for a surprise day that only "Gold and above" may see.
// Aunt Wen (Gold, from the demo orders) finds it, opens a box, watches the reveal and finds the
// prize in Me; Tom (no orders) is never shown the day. The merchant then reads the dashboard
// and downloads a chart's figures as CSV.

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'en-US', acceptDownloads: true })).newPage()
	await logIn(page, email, password)
	return page
}

const CHART_TITLES = [
	'New members by source', 'Repurchase and time to second order', 'Members by tier', 'Draw outcomes against published odds',
	'Votes to reservations', 'Live rooms: likes against sales', 'Member days: boxes opened and members',
	'Blind-box outcomes against published odds',
]

/** The console's datetime-local value (read as UTC) for now plus `ms`. */
const utc = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16)

test('a surprise day for Gold members: the merchant packs it, a Gold member opens a box, no one else sees it; the dashboard downloads a CSV', async ({ browser }) => {
	test.setTimeout(120_000)
	const title = `Gold surprise ${Date.now()}`
	const merchant = await signedIn(browser, 'merchant@quanzi.test', 'quanzi-merchant')
	await merchant.goto('/console/days')
	const dayForm = merchant.locator('form').filter({ has: merchant.getByRole('button', { name: 'Schedule the member day' }) })
	await dayForm.getByLabel('Title').fill(title)
	// Opened seven hours ago, past the announcement window: announcing it mid-run would spend Aunt Wen's
	// weekly allowance of offers (3), which the voting journey needs for its pre-sale notice.
	await dayForm.getByLabel('Starts (UTC)').fill(utc(-7 * 3_600_000))
	await dayForm.getByLabel('Ends (UTC)').fill(utc(86_400_000))
	await dayForm.getByLabel('Who may take part').selectOption({ label: 'Gold and above' })
	await dayForm.getByText('Surprise day: shown only to eligible members once it opens').click()
	await dayForm.getByRole('button', { name: 'Schedule the member day' }).click()
	await expect(merchant.getByRole('link', { name: `${title} · Surprise` })).toBeVisible()

	const poolForm = merchant.locator('form').filter({ has: merchant.getByRole('button', { name: 'Pack the pool' }) })
	await poolForm.getByLabel('Member day').selectOption({ label: title })
	await poolForm.getByLabel('Pool name').fill('Gold jade box')
	await poolForm.getByLabel('Boxes', { exact: true }).fill('10')
	// Contents that do not add up first: the message says so and nothing is packed.
	await poolForm.getByLabel('Item 1').fill('Jade tea tray')
	await poolForm.getByLabel('How many').nth(0).fill('1')
	await poolForm.getByLabel('Item 2').fill('Longjing sample')
	await poolForm.getByLabel('How many').nth(1).fill('8')
	await poolForm.getByRole('button', { name: 'Pack the pool' }).click()
	await expect(merchant.getByText('The item counts must add up to the number of boxes.')).toBeVisible()
	await poolForm.getByLabel('How many').nth(1).fill('9')
	await poolForm.getByRole('button', { name: 'Pack the pool' }).click()
	await expect(merchant).toHaveURL(/created=pool/)

	// Aunt Wen is Gold: the surprise day is listed for her, with its published odds.
	const wen = await signedIn(browser, 'leader@quanzi.test', 'quanzi-leader')
	await wen.goto('/me')
	await wen.getByRole('link', { name: 'Member days' }).click()
	await wen.getByRole('link', { name: title }).click()
	const pool = wen.locator('section').filter({ has: wen.getByRole('heading', { name: 'Gold jade box' }) })
	await expect(pool.getByRole('row', { name: /Jade tea tray 1 10%/ })).toBeVisible()
	await expect(pool.getByRole('row', { name: /Longjing sample 9 90%/ })).toBeVisible()
	const dayUrl = wen.url()
	await pool.getByRole('button', { name: 'Open a box' }).click()
	const reveal = wen.getByRole('status', { name: 'Your box opens' })
	await expect(reveal).toBeVisible()
	await expect(reveal.locator('.days-box')).toBeVisible()
	await expect(reveal).toContainText(/Your box holds: (Jade tea tray|Longjing sample)!/)
	const item = (await reveal.locator('.days-prize').textContent())!.match(/holds: (.+)!/)![1]!
	await expect(pool.getByText('9 of 10 boxes left')).toBeVisible()

	// The share link opens a public page of the box, signed out too.
	const shareUrl = (await reveal.getByTestId('share-link').getAttribute('href'))!
	const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage()
	await visitor.goto(shareUrl)
	await expect(visitor.getByText(`It held: ${item}`)).toBeVisible()
	await expect(visitor.getByRole('link', { name: 'Join the circle' })).toBeVisible()

	// The prize is in Me, under My prizes.
	await wen.goto('/me')
	await wen.getByRole('link', { name: 'My prizes' }).click()
	const fromBoxes = wen.locator('section').filter({ has: wen.getByRole('heading', { name: 'From blind boxes' }) })
	await expect(fromBoxes.getByText(item, { exact: true })).toBeVisible()
	await expect(fromBoxes).toContainText(title)
	// Goods are sent: Aunt Wen says where, the merchant sends it, she sees it sent.
	await fromBoxes.getByLabel('Shipping address').fill('Aunt Wen, 139 0000 0000, 5 Longjing Road, Hangzhou')
	await fromBoxes.getByRole('button', { name: 'Save address' }).click()
	await expect(fromBoxes.getByText('We will send it here (you can still change it):')).toBeVisible()
	await merchant.goto('/console/prizes')
	const parcel = merchant.getByRole('listitem').filter({ hasText: 'Aunt Wen, 139 0000 0000' })
	await expect(parcel).toContainText(`${item} · blind box “Gold jade box”`)
	await parcel.getByRole('button', { name: 'Mark as sent' }).click()
	await expect(parcel).toHaveCount(0)
	await wen.reload()
	await expect(fromBoxes.getByText(/^Sent on /)).toBeVisible()

	// Tom has no orders: the day is not listed and its address is a 404.
	const tom = await signedIn(browser, 'tom@quanzi.test', 'quanzi-member')
	await tom.goto('/days')
	await expect(tom.getByRole('heading', { name: 'Open now' })).toBeVisible()
	await expect(tom.getByRole('link', { name: title })).toHaveCount(0)
	const hidden = await tom.goto(dayUrl)
	expect(hidden?.status()).toBe(404)

	// The dashboard: every chart drawn, and one chart's figures downloaded as CSV.
	await merchant.goto('/console/analytics')
	await expect(merchant.getByRole('heading', { name: 'Analytics', level: 1 })).toBeVisible()
	for (const chart of CHART_TITLES) await expect(merchant.getByRole('heading', { name: chart, level: 2 })).toBeVisible()
	// A chart with figures is drawn on a canvas (an empty one says so instead).
	await expect(merchant.locator('canvas[role="img"]').first()).toBeVisible()
	const days = merchant.locator('section').filter({ has: merchant.getByRole('heading', { name: 'Member days: boxes opened and members' }) })
	await expect(days.getByRole('table')).toContainText(title)
	const boxes = merchant.locator('section').filter({ has: merchant.getByRole('heading', { name: 'Blind-box outcomes against published odds' }) })
	const [download] = await Promise.all([merchant.waitForEvent('download'), boxes.getByRole('link', { name: 'Download CSV' }).click()])
	expect(download.suggestedFilename()).toMatch(/\.csv$/)
	const csv = readFileSync((await download.path())!, 'utf8')
	// The box Aunt Wen opened is counted against its item's published odds.
	const row = csv.split(/\r?\n/).find((line) => line.includes('Gold jade box') && line.includes(item))
	// day, pool, item, packed, opened, published %, opened %: one box opened, all of them this item.
	const [, , , packed, opened, , openedPct] = row!.split(',')
	expect([packed, opened, openedPct]).toEqual([item === 'Jade tea tray' ? '1' : '9', '1', '100'])
})
