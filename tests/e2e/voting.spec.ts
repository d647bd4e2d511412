import { expect, test, type Browser, type Page } from '@playwright/test'
import { logIn, waitForLive } from './helpers.ts'

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-US' })
	const page = await context.newPage()
	await logIn(page, email, password)
	return page
}

test('a round from opening to pre-sale: votes with variants, a live notice to every voter, a reservation in the forecast', async ({ page, browser }) => {
	await logIn(page, 'merchant@quanzi.test', 'quanzi-merchant')
	await page.goto('/console/voting')
	const roundForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Open round' }) })
	await roundForm.getByLabel('Title').fill('Spring scarves')
	await roundForm.getByLabel(/Votes per member/).fill('2')
	await roundForm.getByLabel('Open for (days)').fill('7')
	await roundForm.getByRole('button', { name: 'Open round' }).click()
	await expect(page.locator('.rounds-list').getByText('Spring scarves')).toBeVisible()

	const ideaForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add idea' }) })
	await ideaForm.getByLabel('Title').fill('Silk scarf')
	await ideaForm.getByLabel('Round').selectOption({ label: 'Spring scarves' })
	await ideaForm.getByLabel(/Sizes or colours/).fill('Red, Blue')
	await ideaForm.getByRole('button', { name: 'Add idea' }).click()
	await expect(page.getByRole('heading', { name: 'Silk scarf' })).toBeVisible()
	const manageUrl = page.url().split('?')[0]!
	const ideaUrl = manageUrl.replace('/console/voting/', '/vote/')

	const voters = [
		{ email: 'mei@quanzi.test', password: 'quanzi-member', variant: 'Red' },
		{ email: 'lin@quanzi.test', password: 'quanzi-member', variant: 'Blue' },
		{ email: 'leader@quanzi.test', password: 'quanzi-leader', variant: 'Red' },
	]
	const pages: Page[] = []
	for (const [i, voter] of voters.entries()) {
		const p = await signedIn(browser, voter.email, voter.password)
		await p.goto('/vote')
		await p.getByRole('link', { name: /Silk scarf/ }).click()
		await p.getByLabel('Which one would you buy?').selectOption(voter.variant)
		await p.getByRole('button', { name: 'Vote for this' }).click()
		await expect(p.getByText('You voted for this')).toBeVisible()
		await expect(p.getByText(`You prefer: ${voter.variant}`)).toBeVisible()
		await expect(p.getByTestId('vote-count')).toHaveText(i === 0 ? '1 vote' : `${i + 1} votes`)
		await waitForLive(p)
		// The voters already on the page see the new count arrive live, without a reload.
		for (const earlier of pages) await expect(earlier.getByTestId('vote-count')).toHaveText(`${i + 1} votes`)
		pages.push(p)
	}

	await page.goto(manageUrl)
	await page.getByLabel('Move to').selectOption({ label: 'Pre-sale' })
	await page.getByRole('button', { name: 'Move', exact: true }).click()
	await expect(page.getByText('Moved.')).toBeVisible()

	for (const p of pages) {
		await expect(p.getByRole('status').filter({ hasText: '“Silk scarf”, which you voted for, is in pre-sale: reserve yours.' })).toBeVisible()
	}
	const mei = pages[0]!
	await mei.goto(ideaUrl)
	await mei.getByLabel('Which one would you buy?').selectOption('Red')
	await mei.getByLabel('Quantity').fill('2')
	await mei.getByRole('button', { name: 'Reserve' }).click()
	await expect(mei.getByText('Reserved! The shop will let you know when it is ready.')).toBeVisible()
	await expect(mei.getByText('Reserved: 2 × Red')).toBeVisible()

	await page.goto(manageUrl)
	await expect(page.getByTestId('forecast-quantity-Red')).toHaveText('2')
	await expect(page.getByTestId('forecast-quantity-Blue')).toHaveText('0')
	for (const p of pages) await p.context().close()
})

test('a member cannot use the voting console, and a suggestion that is too long is refused with a message', async ({ page }) => {
	await logIn(page, 'lin@quanzi.test', 'quanzi-member')
	expect((await page.goto('/console/voting'))?.status()).toBe(403)
	// A stage change posted by hand is refused too, and the idea stays where it was.
	await page.goto('/vote')
	const href = await page.getByRole('link', { name: /Travel tea set in a linen case/ }).getAttribute('href')
	const id = href!.split('/').pop()!
	const forged = await page.request.post(`/console/voting/${id}`, { form: { intent: 'stage', to: 'presale' }, headers: { Origin: new URL(page.url()).origin } })
	expect(forged.status()).toBe(403)
	await page.goto(href!)
	await expect(page.locator('.tag.stage-voting')).toHaveText('Voting')
	await page.goto('/vote/suggest')
	// Typing an idea like one on the board points there, so votes do not split.
	await page.getByLabel('Your idea').fill('tea set for travel')
	await expect(page.getByRole('link', { name: 'Travel tea set in a linen case' })).toBeVisible()
	await page.getByLabel('Your idea').fill('Folding tea table')
	await page.getByLabel('Details (optional)').evaluate((el: HTMLTextAreaElement) => {
		el.removeAttribute('maxlength')
		el.value = 'x'.repeat(10_000)
	})
	await page.getByRole('button', { name: 'Send suggestion' }).click()
	await expect(page.getByText('Keep the details under 2,000 characters.')).toBeVisible()
	await expect(page.getByLabel('Your idea')).toHaveValue('Folding tea table')
})
