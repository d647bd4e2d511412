import { expect, type Page } from '@playwright/test'

let counter = 0
/** A unique email per call, so reruns never collide. */
export function newEmail(prefix = 'e2e'): string {
	return `${prefix}-${Date.now()}-${++counter}@quanzi.test`
}

export async function signUp(page: Page, email: string, name: string, password = 'a long enough password') {
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
