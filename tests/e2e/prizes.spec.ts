import { expect, test } from '@playwright/test'
import { logIn } from './helpers.ts'

test('a physical prize: the winner gives an address, the merchant sends it, the winner sees it sent', async ({ page, browser }) => {
	await logIn(page, 'mei@quanzi.test', 'quanzi-member')
	await page.goto('/me/prizes')
	await expect(page.getByText('Longjing tea gift box')).toBeVisible()
	const address = page.getByLabel('Shipping address')
	await address.fill('x')
	await page.getByRole('button', { name: 'Save address' }).click()
	await expect(page.getByRole('alert')).toHaveText('Write the full address: 5 to 300 characters.')
	await page.getByLabel('Shipping address').fill('Mei Chen, 138 0000 0000, Room 5, 88 West Lake Road, Hangzhou')
	await page.getByRole('button', { name: 'Save address' }).click()
	await expect(page.getByText('We will send it here (you can still change it):')).toBeVisible()

	const shop = await browser.newContext({ locale: 'en-US' })
	const merchant = await shop.newPage()
	await logIn(merchant, 'merchant@quanzi.test', 'quanzi-merchant')
	await merchant.goto('/console')
	await merchant.getByRole('link', { name: 'Prizes to send' }).click()
	await expect(merchant.getByText('Send to: Mei Chen, 138 0000 0000, Room 5, 88 West Lake Road, Hangzhou')).toBeVisible()
	await merchant.getByRole('listitem').filter({ hasText: 'Mei Chen' }).getByRole('button', { name: 'Mark as sent' }).click()
	await expect(merchant.getByText('Send to: Mei Chen, 138 0000 0000, Room 5, 88 West Lake Road, Hangzhou')).toHaveCount(0)
	await shop.close()

	await page.reload()
	await expect(page.getByText(/^Sent on /)).toBeVisible()
	await expect(page.getByLabel('Shipping address')).toHaveCount(0)
})
