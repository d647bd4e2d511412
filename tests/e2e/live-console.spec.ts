import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import sharp from 'sharp'
import { logIn } from './helpers.ts'

const DIR = path.resolve('tests/.tmp/e2e-photos')

async function coverPhoto(): Promise<string> {
	mkdirSync(DIR, { recursive: true })
	const file = path.join(DIR, 'room-cover.jpg')
	await sharp({ create: { width: 1280, height: 720, channels: 3, background: { r: 194, g: 65, b: 12 } } }).jpeg().toFile(file)
	return file
}

/** Two days ahead at 20:00, as the console's UTC datetime-local field takes it. */
function startInput(): string {
	const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
	return `${day}T20:00`
}

test('the shop schedules a room with a cover and two products; a member finds it under Upcoming and subscribes', async ({ page, browser }) => {
	const title = `Tea tasting ${Date.now()}`
	await logIn(page, 'merchant@quanzi.test', 'quanzi-merchant')
	await page.goto('/console')
	await page.getByRole('link', { name: 'Live rooms' }).click()
	const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Schedule the room' }) })

	// A missing title is named next to its field, and what was typed stays.
	await form.getByLabel('Starts (UTC)').fill(startInput())
	await form.getByLabel('Stream address').fill('/demo/live/index.m3u8')
	await form.getByLabel('Celadon tea cup', { exact: true }).check()
	await form.getByRole('button', { name: 'Schedule the room' }).click()
	await expect(form.getByText('Give the room a title.')).toBeVisible()
	await expect(form.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true')
	await expect(form.getByLabel('Stream address')).toHaveValue('/demo/live/index.m3u8')
	await expect(form.getByLabel('Celadon tea cup', { exact: true })).toBeChecked()

	await form.getByLabel('Title').fill(title)
	await form.getByLabel('Yixing clay teapot', { exact: true }).check()
	await form.getByLabel('Cover photo').setInputFiles(await coverPhoto())
	await form.getByRole('button', { name: 'Schedule the room' }).click()
	await expect(page.getByRole('heading', { name: title })).toBeVisible()
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText('Saved. Members can see the room under Live rooms.')
	await expect(page.getByLabel('Celadon tea cup', { exact: true })).toBeChecked()
	await expect(page.getByLabel('Yixing clay teapot', { exact: true })).toBeChecked()
	await expect(page.getByLabel('Longjing green tea, 250 g', { exact: true })).not.toBeChecked()

	const context = await browser.newContext({ locale: 'en-US' })
	const mei = await context.newPage()
	await logIn(mei, 'mei@quanzi.test', 'quanzi-member')
	await mei.goto('/live')
	await mei.getByRole('link', { name: 'Upcoming' }).click()
	const card = mei.getByRole('article', { name: title })
	await expect(card).toBeVisible()
	await expect(card).toContainText('Hosted by Quanzi Tea House')
	await expect(card).toContainText('Celadon tea cup · Yixing clay teapot')
	await expect(card).toContainText('0 waiting')
	const cover = card.locator('img.media-img')
	await cover.scrollIntoViewIfNeeded()
	await expect.poll(() => cover.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0)

	await card.getByRole('button', { name: 'Subscribe' }).click()
	await expect(card.getByRole('button', { name: 'Subscribed' })).toBeVisible()
	await expect(card).toContainText('1 waiting')
	await mei.reload()
	await expect(mei.getByRole('article', { name: title }).getByRole('button', { name: 'Subscribed' })).toBeVisible()
	await expect(mei.getByRole('article', { name: title })).toContainText('1 waiting')
	await context.close()
})

test('a super-user schedules rooms only while the shop allows it, and then hosts them', async ({ page, browser }) => {
	await logIn(page, 'merchant@quanzi.test', 'quanzi-merchant')
	const hosts = async (allowed: boolean) => {
		await page.goto('/console/live')
		const box = page.getByLabel(/Aunt Wen/)
		if (allowed) await box.check()
		else await box.uncheck()
		await page.getByRole('button', { name: 'Save', exact: true }).click()
		await expect(page.getByText('Saved. The ticked super-users can now schedule rooms.')).toBeVisible()
	}
	const context = await browser.newContext({ locale: 'en-US' })
	const wen = await context.newPage()
	await logIn(wen, 'leader@quanzi.test', 'quanzi-leader')

	await hosts(false)
	expect((await wen.goto('/console/live'))?.status()).toBe(403)
	await wen.goto('/live')
	await expect(wen.getByRole('heading', { name: 'Live rooms' })).toBeVisible()
	await expect(wen.getByRole('link', { name: 'Schedule a room' })).toHaveCount(0)

	// Back on the list (as the demo has her): she schedules for herself, with no host to pick.
	await hosts(true)
	await wen.goto('/live')
	await wen.getByRole('link', { name: 'Schedule a room' }).click()
	await expect(wen.getByText('You host the rooms you schedule.')).toBeVisible()
	await expect(wen.getByLabel('Host')).toHaveCount(0)
	await context.close()

	// A member never gets in.
	const member = await browser.newContext({ locale: 'en-US' })
	const lin = await member.newPage()
	await logIn(lin, 'lin@quanzi.test', 'quanzi-member')
	expect((await lin.goto('/console/live'))?.status()).toBe(403)
	await member.close()
})
