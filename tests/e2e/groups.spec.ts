import { expect, test, type Browser, type Page } from '@playwright/test'
import { logIn } from './helpers.ts'

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-US' })
	const page = await context.newPage()
	await logIn(page, email, password)
	return page
}

test('the merchant promotes a member, who starts a group, invites a friend by link; the friend joins and chats; a group deal fills and unlocks', async ({ browser }) => {
	test.setTimeout(90_000)
	// The merchant promotes Lin to super-user.
	const merchant = await signedIn(browser, 'merchant@quanzi.test', 'quanzi-merchant')
	await merchant.goto('/console/superusers')
	const byEmail = merchant.locator('form').filter({ has: merchant.getByRole('button', { name: 'Promote to super-user' }) })
	await byEmail.getByLabel('Email').fill('lin@quanzi.test')
	await byEmail.getByLabel('Profile line').fill('Brews for the whole street')
	await byEmail.getByRole('button', { name: 'Promote to super-user' }).click()
	await expect(merchant.getByRole('status').filter({ hasText: 'Promoted' })).toBeVisible()

	// Lin starts an invite-only group.
	const lin = await signedIn(browser, 'lin@quanzi.test', 'quanzi-member')
	await lin.goto('/groups')
	await lin.getByRole('link', { name: 'Start a group' }).click()
	await lin.getByLabel('Name').fill('Lin’s tea table')
	await lin.getByLabel('What the group is about').fill('Neighbours who brew together on Fridays.')
	await lin.locator('label').filter({ hasText: 'Invite only' }).click()
	await lin.getByLabel('Member limit').fill('12')
	await lin.getByRole('button', { name: 'Start the group' }).click()
	await expect(lin.getByRole('heading', { name: 'Lin’s tea table' })).toBeVisible()
	await expect(lin.getByText('Your group is ready')).toBeVisible()
	const groupUrl = lin.url().split('?')[0]!

	// An invite link, sent to Mei.
	await lin.getByRole('link', { name: 'Manage' }).click()
	await lin.getByRole('button', { name: 'Make an invite link' }).click()
	const link = await lin.getByLabel('Invite link', { exact: true }).first().inputValue()
	expect(link).toMatch(/\/g\/[A-Za-z0-9_-]+$/)

	// Before joining, Mei sees the group's name but not its chat or feed.
	const mei = await signedIn(browser, 'mei@quanzi.test', 'quanzi-member')
	await mei.goto(groupUrl)
	await expect(mei.getByText(/invite only: its posts, chat and deals are for its members/)).toBeVisible()
	await mei.goto(link)
	await mei.getByRole('button', { name: 'Join Lin’s tea table' }).click()
	await expect(mei.getByText('Welcome to Lin’s tea table!')).toBeVisible()

	// Both in the group's chat: a message arrives live.
	await Promise.all([mei.goto(`${groupUrl}?tab=chat`), lin.goto(`${groupUrl}?tab=chat`)])
	await mei.getByLabel('Your message').fill('Thanks for having me! Friday at 8?')
	await mei.getByRole('button', { name: 'Send' }).click()
	await expect(lin.locator('.live-messages').getByText('Thanks for having me! Friday at 8?')).toBeVisible()
	await lin.getByLabel('Your message').fill('Friday at 8, bring a cup')
	await lin.getByRole('button', { name: 'Send' }).click()
	await expect(mei.locator('.live-messages').getByText('Friday at 8, bring a cup')).toBeVisible()

	// Lin opens a group deal for two; both join and it unlocks.
	await lin.goto(`${groupUrl}?tab=deals`)
	await lin.getByRole('link', { name: 'Open a group deal' }).click()
	const cup = await lin.locator('option', { hasText: 'Celadon tea cup' }).getAttribute('value')
	await lin.getByLabel('Product').selectOption(cup!)
	await lin.getByLabel('Group price (¥)').fill('49')
	await lin.getByLabel('People needed').fill('2')
	await lin.getByRole('button', { name: 'Open the deal' }).click()
	await expect(lin.getByText('0 of 2 joined').first()).toBeVisible()
	const dealUrl = lin.url().split('?')[0]!
	await mei.goto(dealUrl)
	await lin.getByRole('button', { name: 'Join the deal' }).click()
	// Mei's open page follows the count live.
	await expect(mei.getByText('1 of 2 joined').first()).toBeVisible()
	await mei.getByRole('button', { name: 'Join the deal' }).click()
	await expect(mei.getByText('Group price unlocked!').first()).toBeVisible()
	await expect(lin.getByText('Group price unlocked!').first()).toBeVisible()
})
