import { expect, test } from '@playwright/test'
import { logIn, logOut, newEmail, signUp } from './helpers.ts'

test('a visitor signs up, logs out and logs in again', async ({ page }) => {
	const email = newEmail()
	await signUp(page, email, 'Xiao Hong')
	await expect(page.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible()
	await logOut(page)
	await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible()
	await logIn(page, email, 'a long enough password')
	await expect(page.getByRole('heading', { name: 'Welcome back, Xiao Hong' })).toBeVisible()
})

test('a wrong password shows an error and keeps the email typed', async ({ page }) => {
	await page.goto('/login')
	await page.getByLabel('Email').fill('mei@quanzi.test')
	await page.getByLabel('Password').fill('not her password')
	await page.getByRole('button', { name: 'Log in' }).click()
	await expect(page.getByRole('alert')).toHaveText('The email or password is wrong. Check both and try again.')
	await expect(page.getByLabel('Email')).toHaveValue('mei@quanzi.test')
})

test('a malformed sign-up shows each field error and keeps the rest of the input', async ({ page }) => {
	await page.goto('/signup')
	await page.getByLabel('Email').fill('not-an-email')
	await page.getByLabel('Display name').fill('Kept Name')
	await page.getByLabel('Password').fill('short')
	await page.getByRole('button', { name: 'Create my account' }).click()
	await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible()
	await expect(page.getByText('Use at least 8 characters.')).toBeVisible()
	await expect(page.getByLabel('Display name')).toHaveValue('Kept Name')
	await expect(page.getByLabel('Email')).toHaveValue('not-an-email')
})

test('the notification centre lists the welcome note and marks it read', async ({ page }) => {
	await signUp(page, newEmail(), 'Ada')
	await page.getByRole('link', { name: 'Notifications, 1 unread' }).click()
	await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible()
	await expect(page.getByText('Welcome to the circle, Ada!')).toBeVisible()
	await page.getByRole('button', { name: 'Mark all as read' }).click()
	await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()
	await expect(page.getByTestId('unread-count')).toHaveCount(0)
})

test('the profile saves and shows a clear error for a half birthday', async ({ page }) => {
	await signUp(page, newEmail(), 'Bo')
	await page.goto('/me')
	await page.getByLabel('Month').selectOption('2')
	await page.getByRole('button', { name: 'Save changes' }).click()
	await expect(page.getByText('Pick both the month and the day, or neither.')).toBeVisible()
	await page.getByLabel('Day').selectOption('29')
	await page.getByLabel('Region').fill('Hangzhou')
	await page.getByRole('button', { name: 'Save changes' }).click()
	await expect(page.getByText('Your profile was saved.')).toBeVisible()
	await page.reload()
	await expect(page.getByLabel('Region')).toHaveValue('Hangzhou')
	await expect(page.getByLabel('Day')).toHaveValue('29')
})
