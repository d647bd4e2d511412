import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { localDiskStore } from '#app/domain/media/storage.server.ts'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'
import { TMP } from '#tests/setup/paths.ts'

let server: RunningServer
let db: PrismaClient
// Media attached to no post yet is visible to its uploader (app/domain/posts/media-access.server.ts).
let uploader: string
const dataDir = path.join(TMP, `data-${randomUUID()}`)
const store = localDiskStore(path.join(dataDir, 'media'))
const video = randomBytes(10_000)
const rendition = randomBytes(3_000)
const ids = { photo: randomUUID().replaceAll('-', ''), video: randomUUID().replaceAll('-', ''), processing: randomUUID().replaceAll('-', '') }

beforeAll(async () => {
	server = await startServer({ DATA_DIR: dataDir })
	db = openDatabase(server.databaseUrl)
	uploader = await signupCookie(server.url, 'uploader@quanzi.test')
	const { id: uploaderId } = await db.user.findUniqueOrThrow({ where: { email: 'uploader@quanzi.test' }, select: { id: true } })
	const row = { uploaderId, format: 'mp4', bytes: video.length }
	await db.media.createMany({
		data: [
			{ ...row, id: ids.photo, kind: 'image', format: 'jpeg', status: 'ready' },
			{ ...row, id: ids.video, kind: 'video', status: 'ready' },
			{ ...row, id: ids.processing, kind: 'video', status: 'processing' },
		],
	})
	await store.put(`${ids.photo}/w320.webp`, rendition)
	await store.put(`${ids.video}/video.mp4`, video)
	await store.put(`${ids.video}/poster-w320.webp`, rendition)
	await store.put(`${ids.video}/source`, video)
	await store.put(`${ids.processing}/source`, video)
	await store.put(`${ids.processing}/poster-w320.webp`, rendition)
})
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
})

const get = (file: string, headers: Record<string, string> = {}, method = 'GET') =>
	fetch(`${server.url}/media/${file}`, { headers: { Cookie: uploader, ...headers }, method })

describe('GET /media/<id>/<file>', () => {
	test('a photo rendition: 200 with its type, a year of private caching, nosniff and an ETag', async () => {
		const response = await get(`${ids.photo}/w320.webp`)
		expect(response.status).toBe(200)
		expect(Object.fromEntries(['content-type', 'cache-control', 'x-content-type-options', 'accept-ranges', 'content-length'].map((h) => [h, response.headers.get(h)]))).toEqual({
			'content-type': 'image/webp',
			'cache-control': 'private, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff',
			'accept-ranges': 'bytes',
			'content-length': String(rendition.length),
		})
		expect(Buffer.from(await response.arrayBuffer()).equals(rendition)).toBe(true)
		const etag = response.headers.get('etag')!
		expect(etag).toMatch(/^".+"$/)
		expect((await get(`${ids.photo}/w320.webp`, { 'If-None-Match': etag })).status).toBe(304)
	})

	test('video ranges: 206 with Content-Range, a suffix range, and 416 past the end', async () => {
		const first = await get(`${ids.video}/video.mp4`, { Range: 'bytes=0-99' })
		expect(first.status).toBe(206)
		expect(first.headers.get('content-type')).toBe('video/mp4')
		expect(first.headers.get('content-range')).toBe(`bytes 0-99/${video.length}`)
		expect(Buffer.from(await first.arrayBuffer()).equals(video.subarray(0, 100))).toBe(true)

		const open = await get(`${ids.video}/video.mp4`, { Range: 'bytes=9990-' })
		expect(open.headers.get('content-range')).toBe(`bytes 9990-9999/${video.length}`)
		const tail = await get(`${ids.video}/video.mp4`, { Range: 'bytes=-10' })
		expect(tail.status).toBe(206)
		expect(Buffer.from(await tail.arrayBuffer()).equals(video.subarray(-10))).toBe(true)

		const past = await get(`${ids.video}/video.mp4`, { Range: `bytes=${video.length}-` })
		expect(past.status).toBe(416)
		expect(past.headers.get('content-range')).toBe(`bytes */${video.length}`)
	})

	test('HEAD answers the headers without a body', async () => {
		const response = await get(`${ids.video}/video.mp4`, {}, 'HEAD')
		expect(response.status).toBe(200)
		expect(response.headers.get('content-length')).toBe(String(video.length))
		expect(await response.text()).toBe('')
	})

	test.each([
		['the upload itself', () => `${ids.video}/source`],
		['an unknown file name', () => `${ids.video}/w999.webp`],
		['a file of the wrong kind', () => `${ids.photo}/video.mp4`],
		['a video still processing', () => `${ids.processing}/poster-w320.webp`],
		['a rendition not written', () => `${ids.video}/poster-w1080.webp`],
		['an unknown id', () => `${randomUUID().replaceAll('-', '')}/w320.webp`],
		['a deeper path', () => `${ids.video}/x/video.mp4`],
		['a traversal attempt', () => `${ids.video}/..%2F..%2Fsession-secret`],
	])('%s is a 404', async (_, file) => {
		const response = await get(file())
		expect(response.status).toBe(404)
		expect(await response.text()).toMatch(/Not found/)
	})

	test('a viewer the visibility check refuses gets the same 404 as for a missing file', async () => {
		const response = await fetch(`${server.url}/media/${ids.photo}/w320.webp`)
		expect(response.status).toBe(404)
		expect(response.headers.get('cache-control') ?? '').not.toMatch(/immutable/)
	})
})
