import { expect, test } from '@playwright/test'
import { logIn, newEmail, PASSWORD } from './helpers.ts'

test("a friend joins through a member's invite link: the member earns the sign-up reward, the friend wins a prize and finds it under Me", async ({ page, browser }) => {
	// Mei stays in the first tier (×1 points) whatever the other journeys do; Lin's tier moves.
	await logIn(page, 'mei@quanzi.test', 'quanzi-member')
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
	await friend.getByLabel('Display name').fill('Mei’s friend')
	await friend.getByLabel('Password').fill(PASSWORD)
	await friend.getByRole('button', { name: 'Create my account' }).click()
	await expect(friend.getByRole('heading', { name: 'Welcome back, Mei’s friend' })).toBeVisible()

	// The friend tries the free welcome draw and finds the prize under Me.
	await friend.goto('/draws')
	await friend.getByRole('link', { name: /Welcome draw/ }).click()
	await expect(friend.getByRole('cell', { name: 'Tea gift set' })).toBeVisible()
	await friend.getByRole('button', { name: 'Draw now' }).click()
	const won = friend.getByText(/^You won: /)
	await expect(won).toBeVisible()
	const prize = (await won.textContent())!.replace('You won: ', '')
	await expect(friend.getByTestId('share-link')).toHaveText(/\/s\/[a-z0-9]{10}$/)
	await friend.getByRole('button', { name: 'Draw now' }).click()
	await expect(friend.getByRole('alert')).toHaveText('You have used all your draws here.')
	await friend.goto('/me/prizes')
	await expect(friend.getByText(prize, { exact: true })).toBeVisible()
	// The friend's own points: a points prize is credited at once, the other prizes add none.
	await friend.goto('/me/points')
	await expect(friend.getByTestId('points-balance')).toHaveText(prize === '30 points' ? '30' : '0')
	await friend.goto('/me/prizes')
	// While the draw is open its seed stays secret, and the check page says so.
	await friend.getByRole('link', { name: /^Check / }).click()
	await expect(friend.getByRole('heading', { name: 'Check a draw' })).toBeVisible()
	await expect(friend.getByRole('alert')).toHaveText('The seed is revealed when the draw closes.')
	await friendBrowser.close()

	await page.reload()
	await expect(page.getByTestId('points-balance')).toHaveText(String(before + 20))
	await expect(page.getByText('A friend joined')).toBeVisible()
	await page.goto('/me/invite')
	await expect(page.getByText('Mei’s friend')).toBeVisible()
})

test('an unknown invite code leads home and pays nobody', async ({ page }) => {
	await page.goto('/r/zzzzzzzz')
	await expect(page).toHaveURL(/\/$/)
})
