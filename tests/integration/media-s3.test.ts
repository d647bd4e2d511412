import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { buffer } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { s3Store } from '#app/domain/media/s3-store.server.ts'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { startFakeS3, type FakeS3 } from '#tests/helpers/fake-s3.ts'
import { signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'
import { TMP } from '#tests/setup/paths.ts'
import { fixtureDir, makeVideo, noisyJpeg } from '#tests/unit/media/fixtures.ts'

// The real server with S3_* pointing at a fake S3 on loopback: what members post lands in
// the bucket (nothing under DATA_DIR/media), and the app still serves it itself, so a post
// hidden from a viewer keeps its photos hidden too.

const PREFIX = 'shop-one/media/'
let s3: FakeS3
let server: RunningServer
let db: PrismaClient
let author: string
let other: string
let photo: Buffer
let video: Buffer
const dataDir = path.join(TMP, `data-${randomUUID()}`)
const bucket = () => s3Store(s3.storeConfig(PREFIX))

beforeAll(async () => {
	s3 = await startFakeS3()
	server = await startServer({ DATA_DIR: dataDir, ...s3.env('shop-one/media') })
	db = openDatabase(server.databaseUrl)
	author = await signupCookie(server.url, 'author@quanzi.test')
	other = await signupCookie(server.url, 'other@quanzi.test')
	// An older account, so the new-account rules do not hold the post for review.
	await db.user.update({ where: { email: 'author@quanzi.test' }, data: { createdAt: new Date(Date.now() - 30 * 86_400_000) } })
	photo = await noisyJpeg(1200, 900)
	video = readFileSync(await makeVideo(path.join(fixtureDir(), 'clip.mp4'), { seconds: 2 }))
}, 120_000)
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
	await s3?.stop()
})

async function postWith(field: 'photos' | 'video', file: Buffer, filename: string, type: string): Promise<{ postId: string; mediaId: string }> {
	const form = new FormData()
	form.append('kind', 'show')
	form.append('body', `Arrived today (${filename})`)
	form.append(field, new Blob([new Uint8Array(file)], { type }), filename)
	const response = await fetch(`${server.url}/posts/new`, { method: 'POST', body: form, redirect: 'manual', headers: { Cookie: author, Origin: server.url } })
	expect(response.status, await response.clone().text()).toBe(302)
	const postId = /^\/posts\/([^/?]+)\?posted=1$/.exec(response.headers.get('location') ?? '')![1]!
	const { id: mediaId } = await db.media.findFirstOrThrow({ where: { postId }, select: { id: true } })
	return { postId, mediaId }
}

const get = (file: string, cookie: string | null, headers: Record<string, string> = {}, method = 'GET') =>
	fetch(`${server.url}/media/${file}`, { method, headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } })
const inBucket = async (mediaId: string) => (await s3.keys(`${PREFIX}${mediaId}/`)).map((k) => k.slice(`${PREFIX}${mediaId}/`.length))
const onDisk = () => (existsSync(path.join(dataDir, 'media')) ? readdirSync(path.join(dataDir, 'media'), { recursive: true }) : [])

describe('media on an S3 bucket', () => {
	test('a posted photo’s renditions land in the bucket under S3_PREFIX, not on disk, and are served from it', async () => {
		const { mediaId } = await postWith('photos', photo, 'tea.jpg', 'image/jpeg')
		expect(await inBucket(mediaId)).toEqual(['w1080.webp', 'w320.webp'])
		expect(onDisk()).toEqual([])

		const stored = await buffer((await bucket().get(`${mediaId}/w1080.webp`))!.stream)
		const whole = await get(`${mediaId}/w1080.webp`, other)
		expect(whole.status).toBe(200)
		expect(whole.headers.get('content-type')).toBe('image/webp')
		expect(whole.headers.get('content-length')).toBe(String(stored.length))
		expect(Buffer.from(await whole.arrayBuffer()).equals(stored)).toBe(true)

		const part = await get(`${mediaId}/w1080.webp`, other, { Range: 'bytes=100-199' })
		expect(part.status).toBe(206)
		expect(part.headers.get('content-range')).toBe(`bytes 100-199/${stored.length}`)
		expect(Buffer.from(await part.arrayBuffer()).equals(stored.subarray(100, 200))).toBe(true)

		const head = await get(`${mediaId}/w320.webp`, other, {}, 'HEAD')
		expect(head.status).toBe(200)
		expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0)
	})

	test('a posted video: its upload waits in the bucket, the job turns it into video and poster there, and seeking works', async () => {
		const { mediaId } = await postWith('video', video, 'clip.mp4', 'video/mp4')
		// The job marks the row ready, then removes the upload (`source`) from the bucket.
		const settled = async () => (await db.media.findUniqueOrThrow({ where: { id: mediaId }, select: { status: true } })).status !== 'processing' && !(await inBucket(mediaId)).includes('source')
		for (let tries = 0; !(await settled()); tries++) {
			expect(tries, 'the video job did not finish').toBeLessThan(300)
			await new Promise((resolve) => setTimeout(resolve, 100))
		}
		expect(await db.media.findUniqueOrThrow({ where: { id: mediaId }, select: { status: true } })).toEqual({ status: 'ready' })
		expect(await inBucket(mediaId)).toEqual(['poster-w1080.webp', 'poster-w320.webp', 'video.mp4'])
		expect(onDisk()).toEqual([])

		const stored = await buffer((await bucket().get(`${mediaId}/video.mp4`))!.stream)
		const tail = await get(`${mediaId}/video.mp4`, other, { Range: 'bytes=-500' })
		expect(tail.status).toBe(206)
		expect(tail.headers.get('content-type')).toBe('video/mp4')
		expect(tail.headers.get('content-range')).toBe(`bytes ${stored.length - 500}-${stored.length - 1}/${stored.length}`)
		expect(Buffer.from(await tail.arrayBuffer()).equals(stored.subarray(-500))).toBe(true)
		expect((await get(`${mediaId}/video.mp4`, other, { Range: `bytes=${stored.length}-` })).status).toBe(416)
		expect((await get(`${mediaId}/source`, author)).status).toBe(404)
	}, 60_000)

	test('a hidden post and a post aimed at a segment keep their photos from others: the same 404 as for nothing', async () => {
		const hidden = await postWith('photos', photo, 'hidden.jpg', 'image/jpeg')
		const aimed = await postWith('photos', photo, 'aimed.jpg', 'image/jpeg')
		expect((await get(`${hidden.mediaId}/w320.webp`, other)).status).toBe(200)
		await db.post.update({ where: { id: hidden.postId }, data: { status: 'hidden' } })
		// A segment nobody is in: only the author (and staff) may see a post aimed at it.
		const segment = await db.segment.create({ data: { name: `Nobody ${randomUUID()}`, rules: JSON.stringify({ tags: ['no-member-has-this'] }) }, select: { id: true } })
		await db.post.update({ where: { id: aimed.postId }, data: { segmentId: segment.id } })

		for (const { mediaId } of [hidden, aimed]) {
			expect(await inBucket(mediaId)).toContain('w320.webp')
			for (const viewer of [other, null]) {
				const response = await get(`${mediaId}/w320.webp`, viewer)
				expect(response.status).toBe(404)
				expect(await response.text()).toMatch(/Not found/)
			}
			expect((await get(`${mediaId}/w320.webp`, author)).status).toBe(200)
		}
	})

	test('a bucket without keys stops the boot with a message naming the variable', async () => {
		await expect(startServer({ DATA_DIR: path.join(TMP, `data-${randomUUID()}`), S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint })).rejects.toThrow(
			/S3_ACCESS_KEY_ID must be set with S3_BUCKET/,
		)
	})
})
