import { expect, test } from '@playwright/test'
import { newEmail, signUp } from './helpers.ts'

const PASSWORD = 'a long enough password'

async function changePassword(page: import('@playwright/test').Page, from: string, to: string) {
	await page.goto('/me/password')
	await page.getByLabel('Current password').fill(from)
	await page.getByLabel('New password', { exact: true }).fill(to)
	await page.getByLabel('New password again').fill(to)
	await page.getByRole('button', { name: 'Change password' }).click()
	await expect(page.getByText('Your password was changed. Other devices were signed out.')).toBeVisible()
}

test('a notification reaches an open tab live: badge and toast, without a reload', async ({ page, context }) => {
	await signUp(page, newEmail('live'), 'Live Mei', PASSWORD)
	const other = await context.newPage()
	await other.goto('/')
	await expect(other.getByTestId('unread-count')).toHaveText('1')
	// The tab's live connection is up (the shell says so) before the notification is caused.
	await expect(other.locator('.shell')).toHaveAttribute('data-live', 'on')
	await changePassword(page, PASSWORD, 'an even longer password')
	await expect(other.getByTestId('unread-count')).toHaveText('2')
	await expect(other.getByRole('status')).toContainText('Your password was changed')
})

test('a password change signs out the other devices', async ({ page, browser }) => {
	const email = newEmail('devices')
	await signUp(page, email, 'Two Phones', PASSWORD)
	const otherDevice = await browser.newContext({ locale: 'en-US' })
	const phone = await otherDevice.newPage()
	await phone.goto('/login')
	await phone.getByLabel('Email').fill(email)
	await phone.getByLabel('Password').fill(PASSWORD)
	await phone.getByRole('button', { name: 'Log in' }).click()
	await expect(phone.getByRole('heading', { name: 'Welcome back, Two Phones' })).toBeVisible()

	await changePassword(page, PASSWORD, 'a brand new password')
	await phone.goto('/me')
	await expect(phone).toHaveURL(/\/login\?redirectTo=%2Fme$/)
	await page.goto('/me')
	await expect(page.getByRole('heading', { name: 'Two Phones' })).toBeVisible()
	await otherDevice.close()
})

test('the Socket.IO handshake refuses a foreign Origin and accepts our own', async ({ request, baseURL }) => {
	const foreign = await request.get('/socket.io/?EIO=4&transport=polling', { headers: { Origin: 'http://evil.example' } })
	expect(foreign.status()).toBe(403)
	const own = await request.get('/socket.io/?EIO=4&transport=polling', { headers: { Origin: baseURL! } })
	expect(own.status()).toBe(200)
	expect(await own.text()).toContain('"sid"')
})
