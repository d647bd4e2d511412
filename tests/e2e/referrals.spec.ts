import { expect, test } from '@playwright/test'
import { logIn, newEmail, PASSWORD } from './helpers.ts'

test("a friend joins through a member's invite link, and the member earns the sign-up reward", async ({ page, browser }) => {
	await logIn(page, 'lin@quanzi.test', 'quanzi-member')
	await page.goto('/me')
	await page.getByRole('link', { name: 'Invite friends' }).click()
	const link = await page.getByTestId('invite-link').inputValue()
	expect(link).toMatch(/\/r\/[a-z0-9]{8}$/)
	await page.goto('/me/points')
	const before = Number(await page.getByTestId('points-balance').textContent())

	// The friend, in their own browser on another network (the server trusts a proxy on
	// loopback, so X-Forwarded-For stands for the friend's address), opens the link.
	const friendBrowser = await browser.newContext({ locale: 'en-US', extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.7' } })
	const friend = await friendBrowser.newPage()
	await friend.goto(link)
	await expect(friend).toHaveURL(/\/signup$/)
	await friend.getByLabel('Email').fill(newEmail('friend'))
	await friend.getByLabel('Display name').fill('Lin’s friend')
	await friend.getByLabel('Password').fill(PASSWORD)
	await friend.getByRole('button', { name: 'Create my account' }).click()
	await expect(friend.getByRole('heading', { name: 'Welcome back, Lin’s friend' })).toBeVisible()
	await friendBrowser.close()

	await page.reload()
	await expect(page.getByTestId('points-balance')).toHaveText(String(before + 20))
	await expect(page.getByText('A friend joined')).toBeVisible()
	await page.goto('/me/invite')
	await expect(page.getByText('Lin’s friend')).toBeVisible()
})

test('an unknown invite code leads home and pays nobody', async ({ page }) => {
	await page.goto('/r/zzzzzzzz')
	await expect(page).toHaveURL(/\/$/)
})
