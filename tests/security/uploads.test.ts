import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'
import { TMP } from '#tests/setup/paths.ts'
import { noisyJpeg } from '#tests/unit/media/fixtures.ts'
import { liveMarkupIn } from './hostile-corpus.ts'

// Hostile uploads (issue 11) through the real server, added to the bad-input list that is already
// tested: wrong bytes behind a name, truncated, a pixel bomb, empty, too many, too long, too much
// text (tests/integration/posts-http.test.ts) and the streaming limits (tests/unit/media/upload.test.ts).
// Here: polyglots, which must come out as clean images or not at all, and file names that try to
// leave the media folder.

let server: RunningServer
let db: PrismaClient
let cookie: string
let photo: Buffer
const root = path.join(TMP, `uploads-${randomUUID()}`)
const dataDir = path.join(root, 'data')
const mediaDir = path.join(dataDir, 'media')
const PAYLOAD = '<html><body><script>alert(document.cookie)</script></body></html>'

beforeAll(async () => {
	server = await startServer({ DATA_DIR: dataDir })
	db = openDatabase(server.databaseUrl)
	cookie = await signupCookie(server.url, 'uploader@quanzi.test')
	await db.user.update({ where: { email: 'uploader@quanzi.test' }, data: { createdAt: new Date(Date.now() - 30 * 86_400_000) }, select: { id: true } })
	photo = await noisyJpeg(640, 480)
}, 120_000)
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
})

type Upload = { file: Buffer; filename: string; type: string }
function postWith(upload: Upload) {
	const form = new FormData()
	form.append('kind', 'show')
	form.append('body', 'Arrived today')
	form.append('photos', new Blob([new Uint8Array(upload.file)], { type: upload.type }), upload.filename)
	return fetch(`${server.url}/posts/new`, { method: 'POST', body: form, redirect: 'manual', headers: { Cookie: cookie, Origin: server.url, 'Accept-Language': 'en' } })
}

/** Every file under a folder, as paths relative to it. */
const filesUnder = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile()) : [])

/** Posts the upload, expects a post with one ready photo, and returns what each served rendition is. */
async function acceptedAsImage(upload: Upload) {
	const response = await postWith(upload)
	expect(response.status).toBe(302)
	const postId = response.headers.get('location')!.split('/')[2]!.split('?')[0]!
	const media = await db.media.findMany({ where: { postId }, select: { id: true, status: true, format: true } })
	expect(media).toHaveLength(1)
	expect(media[0]!.status).toBe('ready')
	const stored = filesUnder(path.join(mediaDir, media[0]!.id))
	expect(stored.length).toBeGreaterThan(0)
	const served = []
	for (const file of stored) {
		const r = await fetch(`${server.url}/media/${media[0]!.id}/${file}`, { headers: { Cookie: cookie } })
		served.push({ file, status: r.status, type: r.headers.get('content-type'), nosniff: r.headers.get('x-content-type-options'), body: Buffer.from(await r.arrayBuffer()) })
	}
	return { postId, mediaId: media[0]!.id, stored, served }
}

async function expectRefused(upload: Upload, message: string) {
	const before = [await db.post.count(), await db.media.count(), filesUnder(mediaDir).length]
	const response = await postWith(upload)
	expect(response.status).toBe(400)
	const html = await response.text()
	expect(html).toContain(message)
	expect(liveMarkupIn(html)).toEqual([])
	expect([await db.post.count(), await db.media.count(), filesUnder(mediaDir).length]).toEqual(before)
}

// The smallest ZIP: an empty archive's end-of-central-directory record (the tail a GIFAR carries).
const ZIP_TAIL = Buffer.concat([Buffer.from('PK\u0005\u0006'), Buffer.alloc(18)])
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>'

describe('polyglots come out as clean images, or not at all', () => {
	test('a real JPEG with an HTML page appended is re-encoded: served as WebP with nosniff, the payload gone', async () => {
		const { stored, served } = await acceptedAsImage({ file: Buffer.concat([photo, Buffer.from(PAYLOAD)]), filename: 'holiday.jpg', type: 'image/jpeg' })
		// Only our renditions are kept, never the uploaded bytes.
		for (const file of stored) expect(file).toMatch(/^w\d+\.webp$/)
		for (const s of served) {
			expect(s).toMatchObject({ status: 200, type: 'image/webp', nosniff: 'nosniff' })
			expect(s.body.subarray(0, 4).toString()).toBe('RIFF')
			expect(s.body.includes('<script')).toBe(false)
			expect(s.body.includes('<html')).toBe(false)
		}
	})

	test('a JPEG with a ZIP tail (GIFAR-like) keeps no ZIP in what is stored or served', async () => {
		const { served } = await acceptedAsImage({ file: Buffer.concat([photo, Buffer.from(PAYLOAD), ZIP_TAIL]), filename: 'gifar.jpg', type: 'image/jpeg' })
		for (const s of served) {
			expect(s).toMatchObject({ status: 200, type: 'image/webp', nosniff: 'nosniff' })
			expect(s.body.includes('PK\u0005\u0006')).toBe(false)
			expect(s.body.includes('<script')).toBe(false)
		}
	})

	test('an SVG with a script, renamed .jpg and sent as image/jpeg, is refused', async () => {
		await expectRefused({ file: Buffer.from(SVG), filename: 'cat.jpg', type: 'image/jpeg' }, '“cat.jpg” is not a photo or video we can read.')
	})

	test('an HTML page sent as image/png is refused', async () => {
		await expectRefused({ file: Buffer.from(PAYLOAD), filename: 'page.png', type: 'image/png' }, '“page.png” is not a photo or video we can read.')
	})

	test('a file name carrying markup is shown back as text', async () => {
		await expectRefused({ file: Buffer.from(PAYLOAD), filename: '<img src=x onerror=alert(1)>.png', type: 'image/png' }, '“&lt;img src=x onerror=alert(1)&gt;.png” is not a photo or video we can read.')
	})
})

describe('file names never choose where a file goes', () => {
	const names = ['../../etc/passwd.jpg', '..\\..\\x.png', '/tmp/absolute.jpg', 'C:\\Windows\\win.jpg', '..%2F..%2Fencoded.jpg']

	test('a photo under a traversal or absolute name is stored under our own id and file name, inside the media folder only', async () => {
		const outside = () => filesUnder(root).filter((f) => !f.startsWith(`data${path.sep}media${path.sep}`) && !f.startsWith(`data${path.sep}tmp${path.sep}`))
		const before = outside()
		for (const filename of names) {
			const { mediaId, stored } = await acceptedAsImage({ file: photo, filename, type: 'image/jpeg' })
			expect(mediaId).toMatch(/^[A-Za-z0-9_-]+$/)
			for (const file of stored) expect(file).toMatch(/^w\d+\.webp$/)
		}
		expect(outside()).toEqual(before)
		for (const leaked of ['/etc/passwd.jpg', '/tmp/absolute.jpg', path.join(root, 'x.png'), path.join(dataDir, 'x.png'), path.join(root, 'etc/passwd.jpg')]) {
			expect(existsSync(leaked)).toBe(false)
		}
		// Nothing named by the member is left in the staging folder either.
		expect(filesUnder(path.join(dataDir, 'tmp'))).toEqual([])
	})

	test('a NUL byte in a file name: the upload is refused whole, and nothing is written', async () => {
		await expectRefused({ file: photo, filename: 'nul\u0000byte.jpg', type: 'image/jpeg' }, 'We could not read what was sent; the upload may have been cut off.')
	})

	test('a refused file under a traversal name is named by its last part only in the message', async () => {
		await expectRefused({ file: Buffer.from(SVG), filename: '../../etc/passwd.jpg', type: 'image/jpeg' }, '“passwd.jpg” is not a photo or video we can read.')
	})

	test('a media URL that climbs out of its folder is a 404, not a file', async () => {
		for (const pathname of ['/media/..%2F..%2Fetc%2Fpasswd/w320.webp', '/media/x/..%2F..%2F..%2Fetc%2Fpasswd', '/media/%2e%2e/%2e%2e/etc/passwd', '/media/abc/source']) {
			const response = await fetch(server.url + pathname, { headers: { Cookie: cookie } })
			expect(response.status).toBe(404)
			expect(await response.text()).not.toContain('root:')
		}
	})
})

// The stored bytes of one more polyglot, read back from disk: the renditions are what sharp wrote.
test('on disk, a polyglot leaves only WebP renditions', async () => {
	const { mediaId, stored } = await acceptedAsImage({ file: Buffer.concat([photo, Buffer.from(PAYLOAD)]), filename: 'disk.jpg', type: 'image/jpeg' })
	for (const file of stored) {
		const bytes = readFileSync(path.join(mediaDir, mediaId, file))
		expect(bytes.subarray(8, 12).toString()).toBe('WEBP')
		expect(bytes.includes('alert(')).toBe(false)
	}
})
