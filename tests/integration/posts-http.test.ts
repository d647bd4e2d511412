import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'
import { TMP } from '#tests/setup/paths.ts'
import { fixtureDir, hugePngHeader, makeVideo, noisyJpeg } from '#tests/unit/media/fixtures.ts'

// Bad input through the real server, as a browser sends it: each answer says what to do,
// nothing is saved (no post, no media row, no stored file), and the server stays up.

let server: RunningServer
let db: PrismaClient
let cookie: string
let photo: Buffer
let fourMinutes: Buffer
const dataDir = path.join(TMP, `data-${randomUUID()}`)
const mediaDir = path.join(dataDir, 'media')

beforeAll(async () => {
	server = await startServer({ DATA_DIR: dataDir })
	db = openDatabase(server.databaseUrl)
	cookie = await signupCookie(server.url, 'poster@quanzi.test')
	// An older account, so the new-account link rule stays out of these cases.
	await db.user.update({ where: { email: 'poster@quanzi.test' }, data: { createdAt: new Date(Date.now() - 30 * 86_400_000) } })
	photo = await noisyJpeg(800, 600)
	const { readFileSync } = await import('node:fs')
	fourMinutes = readFileSync(await makeVideo(path.join(fixtureDir(), `long-${randomUUID()}.mp4`), { seconds: 240, size: '32x32', rate: 1, audio: false }))
}, 120_000)
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
})

type Part = { name: string; value: string } | { name: string; file: Buffer; filename: string; type: string }

function post(pathname: string, parts: Part[]) {
	const form = new FormData()
	for (const part of parts) {
		if ('value' in part) form.append(part.name, part.value)
		else form.append(part.name, new Blob([new Uint8Array(part.file)], { type: part.type }), part.filename)
	}
	return fetch(server.url + pathname, { method: 'POST', body: form, redirect: 'manual', headers: { Cookie: cookie, Origin: server.url, 'Accept-Language': 'en' } })
}

const show = (body = 'Arrived today') => [
	{ name: 'kind', value: 'show' },
	{ name: 'body', value: body },
]
const jpeg = (filename: string, file = photo): Part => ({ name: 'photos', file, filename, type: 'image/jpeg' })
const storedFiles = () => (existsSync(mediaDir) ? readdirSync(mediaDir, { recursive: true }).length : 0)

async function expectRefused(parts: Part[], message: string) {
	const [posts, media, files] = [await db.post.count(), await db.media.count(), storedFiles()]
	const response = await post('/posts/new', parts)
	expect(response.status).toBe(400)
	const html = await response.text()
	expect(html).toContain(message)
	// The member's text comes back in the form.
	expect(html).toContain('Arrived today')
	expect([await db.post.count(), await db.media.count(), storedFiles()]).toEqual([posts, media, files])
	expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
}

describe('bad uploads are refused whole', () => {
	test('a text file behind a .jpg name', async () => {
		await expectRefused([...show(), jpeg('a.jpg'), jpeg('holiday.jpg', Buffer.from('just some text, not a photo'))], '“holiday.jpg” is not a photo or video we can read.')
	})

	test('a truncated JPEG', async () => {
		await expectRefused([...show(), jpeg('cut.jpg', photo.subarray(0, Math.floor(photo.length / 2)))], '“cut.jpg” is damaged or incomplete.')
	})

	test('a 50,000 × 50,000 PNG', async () => {
		await expectRefused([...show(), { name: 'photos', file: hugePngHeader(), filename: 'bomb.png', type: 'image/png' }], '“bomb.png” is 50000×50000 pixels; photos can be up to 60 megapixels.')
	})

	test('a zero-byte file', async () => {
		await expectRefused([...show(), jpeg('empty.jpg', Buffer.alloc(0))], '“empty.jpg” is empty (0 bytes).')
	})

	test('ten photos', async () => {
		await expectRefused([...show(), ...Array.from({ length: 10 }, (_, i) => jpeg(`p${i}.jpg`))], 'A post can have up to 9 photos.')
	})

	test('a four-minute video', async () => {
		await expectRefused([...show(), { name: 'video', file: fourMinutes, filename: 'long.mp4', type: 'video/mp4' }], 'That video is 4:00 long; videos can be up to 3:00.')
	}, 60_000)

	test('text over the limit, with the photos that came with it', async () => {
		await expectRefused([{ name: 'kind', value: 'show' }, { name: 'body', value: `Arrived today ${'x'.repeat(5000)}` }, jpeg('a.jpg')], 'Keep it under 5,000 characters.')
	})
})

describe('what members write is shown as text', () => {
	test('script tags and event handlers in a post render inert', async () => {
		const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> and a "quote"'
		const response = await post('/posts/new', [...show(hostile), jpeg('ok.jpg')])
		expect(response.status).toBe(302)
		const location = response.headers.get('location')!
		expect(location).toMatch(/^\/posts\/p[0-9a-f]+\?posted=1$/)
		const html = await (await fetch(server.url + location, { headers: { Cookie: cookie } })).text()
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;')
		expect(html).not.toContain('<script>alert(1)')
		const id = location.split('/')[2]!.split('?')[0]!
		expect(await db.media.count({ where: { postId: id, status: 'ready' } })).toBe(1)
	})

	test('a report on a post that does not exist says so and saves nothing', async () => {
		const form = new URLSearchParams({ intent: 'report', reason: 'spam', targetType: 'post' })
		const reports = await db.report.count()
		const response = await fetch(`${server.url}/posts/no-such-post`, { method: 'POST', body: form, headers: { Cookie: cookie, Origin: server.url, 'Accept-Language': 'en' } })
		// The page itself is gone, so the answer is the 404 page, which says what to do next.
		expect(response.status).toBe(404)
		expect(await response.text()).toContain('This page does not exist or was moved.')
		expect(await db.report.count()).toBe(reports)
	})
})
