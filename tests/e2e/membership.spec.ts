import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { logIn } from './helpers.ts'

// The merchant imports the shop's orders from a CSV file. Lin's new order (a celadon cup among
// others) makes her review of the cup a verified buyer's and lifts her from Silver (¥2,016 of
// demo orders) to Gold; a post the merchant aims at "Gold and above" then reaches her and
// stays invisible to Tom, who has no orders.

const DIR = path.resolve('tests/.tmp/e2e-orders')

function ordersFile(): string {
	mkdirSync(DIR, { recursive: true })
	const file = path.join(DIR, `orders-${Date.now()}.csv`)
	const id = `E2E-${Date.now()}`
	writeFileSync(file, [
		'order_id,placed_at,email,phone,claim_code,status,total,coupon,ref,items',
		`${id},${new Date(Date.now() - 3_600_000).toISOString()},lin@quanzi.test,,,paid,6100.00,,,CUP-CEL x1 @68.00; POT-YX x18 @320.00; LJ-250 x2 @136.00`,
	].join('\n'))
	return file
}

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'en-US' })).newPage()
	await logIn(page, email, password)
	return page
}

/** Lin's review on the celadon cup's page. */
async function linsReview(page: Page) {
	await page.goto('/products')
	await page.getByRole('link', { name: /Celadon tea cup/ }).first().click()
	return page.locator('article').filter({ hasText: 'Beautiful glaze' })
}

test('imported orders verify a review, lift a member to Gold, and a Gold-only post reaches her alone', async ({ browser }) => {
	// Four members' pages and an import: more than one page's worth of time on a busy machine.
	test.setTimeout(120_000)
	const merchant = await signedIn(browser, 'merchant@quanzi.test', 'quanzi-merchant')
	await expect((await linsReview(merchant)).getByText('Verified buyer')).toHaveCount(0)

	await merchant.goto('/console/orders')
	await merchant.getByLabel('CSV file', { exact: true }).setInputFiles(ordersFile())
	await merchant.getByRole('button', { name: 'Preview' }).click()
	await expect(merchant.getByRole('heading', { name: /^Preview of orders-/ })).toBeVisible()
	await merchant.getByRole('button', { name: 'Import 1 orders' }).click()
	await expect(merchant.getByText('1 created, 0 updated, 0 unchanged, 0 skipped with errors.')).toBeVisible()

	await expect((await linsReview(merchant)).getByText('Verified buyer')).toBeVisible()

	const lin = await signedIn(browser, 'lin@quanzi.test', 'quanzi-member')
	await lin.goto('/me')
	const card = lin.getByRole('region', { name: 'Gold' })
	await expect(card).toBeVisible()
	// ¥2,016 + ¥6,100 spent; Diamond starts at ¥20,000.
	await expect(card.getByText(/Spend ¥11,884\.00 more by .+ to reach Diamond/)).toBeVisible()

	// The merchant writes to Gold members only.
	await merchant.goto('/posts/new')
	await merchant.getByText('From the shop', { exact: true }).click()
	await merchant.getByLabel('Title (optional)').fill('Gold preview: the new Yixing teapots')
	await merchant.getByLabel('Your words').fill('Gold members see the new teapots a week before everyone else. Reply with the one you like.')
	await merchant.getByLabel('Audience').selectOption({ label: 'Only: Gold and above' })
	await merchant.getByRole('button', { name: 'Post', exact: true }).click()
	await expect(merchant.getByText('For Gold and above')).toBeVisible()
	const postUrl = merchant.url().split('?')[0]!

	await lin.goto('/')
	await expect(lin.getByText('Gold preview: the new Yixing teapots')).toBeVisible()
	await lin.goto(postUrl)
	await expect(lin.getByRole('heading', { name: 'Gold preview: the new Yixing teapots' })).toBeVisible()

	const tom = await signedIn(browser, 'tom@quanzi.test', 'quanzi-member')
	await tom.goto('/')
	// The feed has loaded (the demo articles are there) without the Gold-only one.
	await expect(tom.locator('article').first()).toBeVisible()
	await expect(tom.getByText('Gold preview: the new Yixing teapots')).toHaveCount(0)
	const response = await tom.goto(postUrl)
	expect(response?.status()).toBe(404)
	await expect(tom.getByText('Gold preview: the new Yixing teapots')).toHaveCount(0)
})
