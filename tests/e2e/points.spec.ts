import { expect, test } from '@playwright/test'
import { logIn, newEmail, signUp } from './helpers.ts'

test('a member reads their points: balance, what expires when, and the history with reasons', async ({ page }) => {
	await logIn(page, 'tom@quanzi.test', 'quanzi-member')
	await page.goto('/me')
	await page.getByRole('link', { name: 'Points' }).click()
	await expect(page.getByRole('heading', { name: 'My points' })).toBeVisible()
	// The demo history: 10 + 10 + 2 + 50 earned, 20 spent on a draw.
	await expect(page.getByTestId('points-balance')).toHaveText('52')
	await expect(page.getByText(/^52 points expire on /)).toBeVisible()
	await expect(page.getByText('Post featured as helpful')).toBeVisible()
	await expect(page.getByText('Spent on a prize draw')).toBeVisible()
})

test('a new member has no points yet and is told how to earn them', async ({ page }) => {
	// signUp waits for the welcome page: navigating earlier would cancel the sign-up.
	await signUp(page, newEmail('points'), 'Zero')
	await page.goto('/me/points')
	await expect(page.getByTestId('points-balance')).toHaveText('0')
	await expect(page.getByText(/No points yet/)).toBeVisible()
})
