import { expect, test } from '@playwright/test'
import { logIn } from './helpers.ts'

test('the merchant creates a prize draw; mistakes are shown next to their fields', async ({ page }) => {
	await logIn(page, 'merchant@quanzi.test', 'quanzi-merchant')
	await page.goto('/console')
	await page.getByRole('link', { name: 'Prize draws' }).click()
	await page.getByLabel('Title').fill('Spring tea draw')
	await page.getByLabel('Opens (UTC)').fill('2030-04-02T10:00')
	await page.getByLabel('Closes (UTC)').fill('2030-04-01T10:00')
	const first = page.locator('.prize-row').first()
	await first.getByLabel('Prize', { exact: true }).fill('Tea cups')
	await first.getByLabel('How many').fill('0')
	await page.getByRole('button', { name: 'Create the draw' }).click()
	await expect(page.getByText('The draw must close after it opens.')).toBeVisible()
	await expect(page.getByText('How many: a whole number above zero.')).toBeVisible()
	await expect(page.getByLabel('Title')).toHaveValue('Spring tea draw')

	await page.getByLabel('Closes (UTC)').fill('2030-04-30T10:00')
	await page.locator('.prize-row').first().getByLabel('How many').fill('12')
	await page.getByRole('button', { name: 'Create the draw' }).click()
	await expect(page.getByRole('heading', { name: 'Spring tea draw' })).toBeVisible()
	await expect(page.getByRole('cell', { name: 'Tea cups' })).toBeVisible()
	await expect(page.getByRole('cell', { name: '12 / 12' })).toBeVisible()
	await expect(page.getByRole('button', { name: 'Draw now' })).toHaveCount(0)
})
