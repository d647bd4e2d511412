import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import ffmpeg from '@ffmpeg-installer/ffmpeg'
import sharp from 'sharp'
import { logIn, logOut, newEmail, signUp } from './helpers.ts'

const DIR = path.resolve('tests/.tmp/e2e-photos')

/** A phone-like photo with a GPS position in its EXIF, as phones write them. */
async function photoWithGps(name: string, hue: number): Promise<string> {
	mkdirSync(DIR, { recursive: true })
	const file = path.join(DIR, name)
	const pixels = Buffer.alloc(1600 * 1200 * 3)
	for (let i = 0; i < pixels.length; i += 3) {
		const x = (i / 3) % 1600
		pixels[i] = (x + hue) % 256
		pixels[i + 1] = (hue * 2) % 256
		pixels[i + 2] = (i / 3 / 1600) % 256
	}
	await sharp(pixels, { raw: { width: 1600, height: 1200, channels: 3 } })
		.jpeg()
		.withExif({ IFD0: { Make: 'QuanziPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' } })
		.toFile(file)
	const meta = await sharp(file).metadata()
	// The fixture must really carry the location, or the check below proves nothing.
	expect(meta.exif?.includes(Buffer.from('GPS')) || meta.exif?.length).toBeTruthy()
	return file
}

async function pointsBalance(page: Page): Promise<number> {
	await page.goto('/me/points')
	return Number((await page.getByTestId('points-balance').textContent())?.replace(/\D/g, ''))
}

test('a review with three photos: thumbnails, a like from another member, featured by the shop, points arrive', async ({ page }) => {
	// Three members' sessions, three photos processed and a moderation pass: a long story on a busy machine.
	test.setTimeout(120_000)
	const photos = await Promise.all([photoWithGps('a.jpg', 10), photoWithGps('b.jpg', 90), photoWithGps('c.jpg', 170)])
	await logIn(page, 'mei@quanzi.test', 'quanzi-member')
	const before = await pointsBalance(page)

	await page.goto('/')
	await page.getByRole('link', { name: 'Write a post' }).click()
	await page.getByLabel('Product').selectOption({ label: 'Longjing green tea, 250 g' })
	await page.getByTitle('4 stars').click()
	await page.getByLabel('Your words').fill('Fresh and sweet. The tin keeps it well; photos of the leaves.')
	await page.getByLabel('Photos').setInputFiles(photos)
	await page.getByRole('button', { name: 'Post', exact: true }).click()
	await expect(page.getByText('Posted! Points are on their way.')).toBeVisible()
	const postUrl = page.url().split('?')[0]!

	const images = page.locator('.media-gallery img.media-img')
	await expect(images).toHaveCount(3)
	for (const img of await images.all()) {
		await img.scrollIntoViewIfNeeded()
		await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0)
	}
	// Every served rendition has lost the location (and all other metadata).
	const urls = new Set<string>()
	for (const img of await images.all()) {
		for (const part of ((await img.getAttribute('srcset')) ?? '').split(',')) urls.add(part.trim().split(' ')[0]!)
	}
	expect(urls.size).toBe(6)
	for (const url of urls) {
		const response = await page.request.get(url)
		expect(response.status()).toBe(200)
		const body = await response.body()
		expect(body.includes(Buffer.from('GPS'))).toBe(false)
		expect((await sharp(body).metadata()).exif).toBeUndefined()
	}
	expect(await pointsBalance(page)).toBe(before + 20)
	await logOut(page)

	await logIn(page, 'lin@quanzi.test', 'quanzi-member')
	await page.goto(postUrl)
	await page.getByRole('button', { name: /^Helpful/ }).click()
	await expect(page.getByRole('button', { name: /You found this helpful/ }).getByLabel('1 found this helpful')).toBeVisible()
	await page.reload()
	await expect(page.getByRole('button', { name: /You found this helpful/ })).toHaveAttribute('aria-pressed', 'true')
	await logOut(page)

	await logIn(page, 'merchant@quanzi.test', 'quanzi-merchant')
	await page.goto(postUrl)
	await page.getByRole('button', { name: 'Feature', exact: true }).click()
	await expect(page.getByText('Featured. The author earns the featured reward.')).toBeVisible()
	await page.goto('/?tab=featured')
	await expect(page.getByRole('article').filter({ hasText: 'Fresh and sweet.' })).toBeVisible()
	await logOut(page)

	await logIn(page, 'mei@quanzi.test', 'quanzi-member')
	expect(await pointsBalance(page)).toBe(before + 70)
	await expect(page.getByText('Post featured as helpful').first()).toBeVisible()
})

test('a held post stays invisible to others until the shop approves it', async ({ page, browser }) => {
	await signUp(page, newEmail('held'), 'Newcomer')
	await page.goto('/posts/new')
	await page.getByText('Show your order', { exact: true }).click()
	await page.getByLabel('Your words').fill('Just got mine! More pictures at www.newcomer-deals.shop')
	await page.getByRole('button', { name: 'Post', exact: true }).click()
	await expect(page.getByText('Thanks! Your post is waiting for the shop’s review.')).toBeVisible()
	await expect(page.getByText(/Pending review: only you and the shop can see this/)).toBeVisible()
	const postUrl = page.url().split('?')[0]!

	const otherContext = await browser.newContext({ locale: 'en-US' })
	const other = await otherContext.newPage()
	await logIn(other, 'lin@quanzi.test', 'quanzi-member')
	expect((await other.goto(postUrl))?.status()).toBe(404)
	await other.goto('/')
	await expect(other.getByText('Just got mine!')).toHaveCount(0)

	const staffContext = await browser.newContext({ locale: 'en-US' })
	const staff = await staffContext.newPage()
	await logIn(staff, 'merchant@quanzi.test', 'quanzi-merchant')
	await staff.goto('/console/moderation')
	const item = staff.getByRole('listitem').filter({ hasText: 'Just got mine!' })
	await expect(item.getByText('New account posting a link')).toBeVisible()
	await item.getByRole('button', { name: 'Approve' }).click()
	await expect(staff.getByText('1 decided.')).toBeVisible()

	expect((await other.goto(postUrl))?.status()).toBe(200)
	await expect(other.getByText('Just got mine!')).toBeVisible()
	await otherContext.close()
	await staffContext.close()
})

test('a video is processed in the background and appears on the post when it is ready', async ({ page }) => {
	mkdirSync(DIR, { recursive: true })
	const clip = path.join(DIR, 'clip.mp4')
	execFileSync(ffmpeg.path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15', '-t', '3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-metadata', 'location=+30.2500+120.1667/', clip])
	await logIn(page, 'leader@quanzi.test', 'quanzi-leader')
	await page.goto('/posts/new')
	await page.getByText('Show your order', { exact: true }).click()
	await page.getByLabel('Your words').fill('Unboxing the teapot, in one take.')
	await page.getByLabel('Video').setInputFiles(clip)
	await page.getByRole('button', { name: 'Post', exact: true }).click()
	await expect(page.getByText('Posted! Points are on their way.')).toBeVisible()
	// The page looks again by itself until the video is ready, then shows it with its poster.
	const video = page.locator('.media-gallery video')
	await expect(video).toBeVisible({ timeout: 20_000 })
	await expect(page.getByText('Your video is being processed')).toHaveCount(0)
	const poster = await video.getAttribute('poster')
	expect((await page.request.get(poster!)).status()).toBe(200)
	const source = await video.locator('source').getAttribute('src')
	const partial = await page.request.get(source!, { headers: { Range: 'bytes=0-99' } })
	expect(partial.status()).toBe(206)
	expect((await partial.body()).length).toBe(100)
	await expect.poll(() => video.evaluate((el: HTMLVideoElement) => el.readyState)).toBeGreaterThan(0)
})
