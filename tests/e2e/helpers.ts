import { expect, type Page } from '@playwright/test'

export const PASSWORD = 'a long enough password'

let counter = 0
/** A unique email per call, so reruns never collide. */
export function newEmail(prefix = 'e2e'): string {
	return `${prefix}-${Date.now()}-${++counter}@quanzi.test`
}

export async function signUp(page: Page, email: string, name: string, password = PASSWORD) {
	await page.goto('/signup')
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Display name').fill(name)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Create my account' }).click()
	await expect(page.getByRole('heading', { name: `Welcome back, ${name}` })).toBeVisible()
}

export async function logIn(page: Page, email: string, password: string) {
	if (!page.url().includes('/login')) await page.goto('/login')
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page).not.toHaveURL(/\/login/)
}

export async function logOut(page: Page) {
	await page.goto('/me')
	await page.getByRole('button', { name: 'Log out' }).click()
	await expect(page.getByRole('heading', { name: 'Shop, share, and pick what comes next' })).toBeVisible()
}

export async function changePassword(page: Page, from: string, to: string) {
	await page.goto('/me/password')
	await page.getByLabel('Current password').fill(from)
	await page.getByLabel('New password', { exact: true }).fill(to)
	await page.getByLabel('New password again').fill(to)
	await page.getByRole('button', { name: 'Change password' }).click()
	await expect(page.getByText('Your password was changed. Other devices were signed out.')).toBeVisible()
}

/**
 * Waits until the tab's live connection is up, so a push caused next cannot be missed.
 * NOTE: nothing visible says so; the shell's data-live attribute is the one hook.
 */
export async function waitForLive(page: Page) {
	await expect(page.locator('.shell')).toHaveAttribute('data-live', 'on')
}
