import { expect, test } from '@playwright/test'
import { logIn } from './helpers.ts'

test('the merchant edits an earning rule and is told clearly when a value is wrong', async ({ page }) => {
	await logIn(page, 'merchant@quanzi.test', 'quanzi-merchant')
	await page.goto('/console')
	await page.getByRole('link', { name: 'Points and referrals' }).click()
	await expect(page.getByRole('heading', { name: 'Points and referrals' })).toBeVisible()
	const rule = page.getByRole('form', { name: 'Voted on a new product' })
	await rule.getByLabel('Points').fill('5')
	await rule.getByRole('button', { name: 'Save' }).click()
	await expect(page.getByRole('form', { name: 'Voted on a new product' }).getByLabel('Points')).toHaveValue('5')
	const again = page.getByRole('form', { name: 'Voted on a new product' })
	await again.getByLabel('Limit', { exact: true }).fill('3')
	await again.getByLabel('Limit per').selectOption('')
	await again.getByRole('button', { name: 'Save' }).click()
	await expect(page.getByRole('alert')).toContainText('a limit needs a count above zero with a day, week or month')
	await expect(page.getByRole('heading', { name: 'Referrals held for review' })).toBeVisible()
})

test('a member cannot open the points console', async ({ page }) => {
	await logIn(page, 'mei@quanzi.test', 'quanzi-member')
	const response = await page.goto('/console/points')
	expect(response?.status()).toBe(403)
})
