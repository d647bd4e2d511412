import { expect, test } from '@playwright/test'
import { changePassword, logIn, logOut, newEmail, PASSWORD, signUp, waitForLive } from './helpers.ts'

test('a notification reaches an open tab live: badge and toast, without a reload', async ({ page, context }) => {
	await signUp(page, newEmail('live'), 'Live Mei')
	const other = await context.newPage()
	await other.goto('/')
	await expect(other.getByTestId('unread-count')).toHaveText('1')
	await waitForLive(other)
	let loads = 0
	other.on('load', () => loads++)

	await changePassword(page, PASSWORD, 'an even longer password')
	await expect(other.getByRole('link', { name: 'Notifications, 2 unread' })).toBeVisible()
	await expect(other.getByRole('status')).toContainText('Your password was changed and your other devices were signed out.')
	expect(loads).toBe(0)
})

test('a password change signs out the other devices, live and on their next visit', async ({ page, browser }) => {
	const email = newEmail('devices')
	await signUp(page, email, 'Two Phones')
	const otherDevice = await browser.newContext({ locale: 'en-US' })
	const phone = await otherDevice.newPage()
	await logIn(phone, email, PASSWORD)
	await phone.goto('/me')
	await expect(phone.getByRole('heading', { name: 'Two Phones' })).toBeVisible()
	await waitForLive(phone)

	await changePassword(page, PASSWORD, 'a brand new password')
	// The phone, left open on /me, is sent to log in without anyone touching it.
	await expect(phone).toHaveURL(/\/login\?redirectTo=%2Fme$/)
	await phone.goto('/me')
	await expect(phone).toHaveURL(/\/login\?redirectTo=%2Fme$/)
	// The old password no longer opens the account.
	await phone.getByLabel('Email').fill(email)
	await phone.getByLabel('Password').fill(PASSWORD)
	await phone.getByRole('button', { name: 'Log in' }).click()
	await expect(phone.getByRole('alert')).toHaveText('The email or password is wrong. Check both and try again.')

	await page.goto('/me')
	await expect(page.getByRole('heading', { name: 'Two Phones' })).toBeVisible()
	await otherDevice.close()
})

test('logging out in one tab signs out the other open tab', async ({ page, context }) => {
	await logIn(page, 'tom@quanzi.test', 'quanzi-member')
	const other = await context.newPage()
	await other.goto('/')
	await expect(other.getByRole('heading', { name: 'Welcome back, Tom' })).toBeVisible()
	await waitForLive(other)

	await logOut(page)
	await expect(other.getByRole('heading', { name: 'Shop, share, and pick what comes next' })).toBeVisible()
	await expect(other.getByRole('link', { name: 'Log in' })).toBeVisible()
})

test('the Socket.IO handshake refuses a foreign Origin and accepts our own', async ({ request, baseURL }) => {
	const foreign = await request.get('/socket.io/?EIO=4&transport=polling', { headers: { Origin: 'http://evil.example' } })
	expect(foreign.status()).toBe(403)
	const own = await request.get('/socket.io/?EIO=4&transport=polling', { headers: { Origin: baseURL! } })
	expect(own.status()).toBe(200)
	expect(await own.text()).toContain('"sid"')
})
