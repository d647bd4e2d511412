import { expect, test } from '@playwright/test'
import { logIn } from './helpers.ts'

test('a customer gets the 403 page at the console', async ({ page }) => {
	await logIn(page, 'mei@quanzi.test', 'quanzi-member')
	const response = await page.goto('/console')
	expect(response?.status()).toBe(403)
	await expect(page.getByRole('heading', { name: 'Not for your account' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Console' })).toHaveCount(0)
})

test('a visitor is sent to log in, and comes back to the console as the merchant', async ({ page }) => {
	await page.goto('/console')
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fconsole$/)
	await logIn(page, 'merchant@quanzi.test', 'quanzi-merchant')
	await expect(page).toHaveURL(/\/console$/)
	await expect(page.getByRole('heading', { name: 'Merchant console' })).toBeVisible()
	await expect(page.getByRole('cell', { name: 'mei@quanzi.test' })).toBeVisible()
})

test('an unknown URL shows the 404 page', async ({ page }) => {
	const response = await page.goto('/this/does/not/exist')
	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
	await page.getByRole('link', { name: 'Back to the feed' }).click()
	await expect(page).toHaveURL(/\/$/)
})

test('a forged cross-site POST is refused', async ({ request }) => {
	const forged = await request.post('/login', {
		headers: { Origin: 'http://evil.example' },
		form: { email: 'merchant@quanzi.test', password: 'quanzi-merchant' },
		maxRedirects: 0,
	})
	expect(forged.status()).toBe(403)
	expect(forged.headers()['set-cookie']).toBeUndefined()
})

test('logging in never sends the member to another site', async ({ page, baseURL }) => {
	await page.route('http://evil.example/**', (route) => route.fulfill({ body: 'not Quanzi' }))
	await page.goto('/login?redirectTo=%2F%09%2Fevil.example%2F')
	await logIn(page, 'tom@quanzi.test', 'quanzi-member')
	await expect(page).toHaveURL(`${baseURL}/`)
	await expect(page.getByRole('heading', { name: 'Welcome back, Tom' })).toBeVisible()
})
