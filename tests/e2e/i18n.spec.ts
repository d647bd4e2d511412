import { expect, test } from '@playwright/test'
import { logIn } from './helpers.ts'

test('switching language changes the page, and back', async ({ page }) => {
	await page.goto('/')
	await expect(page.getByRole('heading', { name: 'Shop, share, and pick what comes next' })).toBeVisible()
	await page.getByRole('button', { name: '中文' }).click()
	await expect(page.getByRole('heading', { name: '买好物，晒心得，一起决定下一款' })).toBeVisible()
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
	await page.getByRole('link', { name: '登录' }).click()
	await expect(page.getByRole('heading', { name: '欢迎回来' })).toBeVisible()
	await page.getByRole('button', { name: 'English' }).click()
	await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
	await expect(page).toHaveURL(/\/login$/)
})

test("a member's language is saved on the account and follows them to another browser", async ({ page, browser }) => {
	await logIn(page, 'lin@quanzi.test', 'quanzi-member')
	await page.getByRole('button', { name: '中文' }).click()
	await expect(page.getByRole('heading', { name: '欢迎回来，Lin' })).toBeVisible()
	const other = await browser.newContext({ locale: 'en-US' })
	const second = await other.newPage()
	await logIn(second, 'lin@quanzi.test', 'quanzi-member')
	await expect(second.getByRole('heading', { name: '欢迎回来，Lin' })).toBeVisible()
	await second.getByRole('button', { name: 'English' }).click()
	await expect(second.getByRole('heading', { name: 'Welcome back, Lin' })).toBeVisible()
	await other.close()
})
