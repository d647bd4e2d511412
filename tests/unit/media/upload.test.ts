import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { mediaDirs } from '#app/domain/media/config.server.ts'
import { MB } from '#app/domain/media/failure.ts'
import { receiveUploads } from '#app/domain/media/upload.server.ts'

// Small limits so the test streams a few MB, not hundreds. Set before the first getEnv().
const saved = { photo: process.env.MEDIA_PHOTO_MAX_MB, video: process.env.MEDIA_VIDEO_MAX_MB }
process.env.MEDIA_PHOTO_MAX_MB = '1'
process.env.MEDIA_VIDEO_MAX_MB = '2'
afterAll(() => {
	for (const [name, value] of [['MEDIA_PHOTO_MAX_MB', saved.photo], ['MEDIA_VIDEO_MAX_MB', saved.video]] as const) {
		if (value === undefined) delete process.env[name]
		else process.env[name] = value
	}
})

let jpeg: Buffer
let mp4: Buffer
beforeAll(async () => {
	jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } }).jpeg().toBuffer()
	// Only the first bytes matter to the upload step: an MP4 file-type box, then filler.
	mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isomavc1'), randomBytes(2000)])
})

type Part = [field: string, value: string | Buffer, filename?: string]
function multipart(parts: Part[]): Request {
	const form = new FormData()
	for (const [field, value, filename] of parts) {
		if (typeof value === 'string' && filename === undefined) form.append(field, value)
		else form.append(field, new Blob([typeof value === 'string' ? value : new Uint8Array(value)]), filename ?? '')
	}
	return new Request('http://localhost/posts/new', { method: 'POST', body: form })
}
const uploadsLeft = () => (existsSync(mediaDirs().tmp) ? readdirSync(mediaDirs().tmp).filter((f) => f.startsWith('upload-')) : [])

// Each test checks what it left itself; this only keeps one failure from failing the next.
afterEach(() => uploadsLeft().forEach((f) => rmSync(path.join(mediaDirs().tmp, f), { force: true })))

describe('receiveUploads', () => {
	test('stages photos and a video to temp files, typed by their bytes, with the text fields', async () => {
		const upload = await receiveUploads(
			multipart([['title', 'My order'], ['photos', jpeg, 'a.jpg'], ['photos', jpeg, '照片 2=final;v2.JPG'], ['video', mp4, 'clip.mov'], ['body', 'Arrived fast']]),
		)
		expect(upload.failure).toBeNull()
		expect(Object.fromEntries(upload.fields)).toEqual({ title: 'My order', body: 'Arrived fast' })
		expect(upload.files.map(({ field, kind, format, name, bytes }) => ({ field, kind, format, name, bytes }))).toEqual([
			{ field: 'photos', kind: 'image', format: 'jpeg', name: 'a.jpg', bytes: jpeg.length },
			{ field: 'photos', kind: 'image', format: 'jpeg', name: '照片 2=final;v2.JPG', bytes: jpeg.length },
			{ field: 'video', kind: 'video', format: 'mp4', name: 'clip.mov', bytes: mp4.length },
		])
		expect(uploadsLeft()).toHaveLength(3)
		await upload.discard()
		await upload.discard() // idempotent
		expect(uploadsLeft()).toEqual([])
	})

	test('nine photos of very different sizes keep their order, and each staged file holds its own bytes', async () => {
		// Large and tiny files alternate so a tiny one can finish writing before the large one
		// before it: the staged list must still follow the body, and no file may take another's path.
		const photos = Array.from({ length: 9 }, (_, i) => Buffer.concat([jpeg, randomBytes(i % 2 === 0 ? 600_000 : 10)]))
		const upload = await receiveUploads(multipart(photos.map((bytes, i) => ['photos', bytes, `p${i}.jpg`] as Part)))
		expect(upload.failure).toBeNull()
		expect(upload.files.map((f) => f.name)).toEqual(photos.map((_, i) => `p${i}.jpg`))
		upload.files.forEach((f, i) => expect(readFileSync(f.path).equals(photos[i]!), f.name).toBe(true))
		await upload.discard()
		expect(uploadsLeft()).toEqual([])
	})

	test('empty file inputs (nothing chosen) are skipped; a chosen empty file is reported', async () => {
		const nothing = await receiveUploads(multipart([['title', 't'], ['photos', Buffer.alloc(0), ''], ['video', Buffer.alloc(0), '']]))
		expect(nothing).toMatchObject({ failure: null, files: [] })
		const empty = await receiveUploads(multipart([['photos', jpeg, 'ok.jpg'], ['photos', Buffer.alloc(0), 'empty.jpg']]))
		expect(empty.failure).toEqual({ message: 'media.emptyFile', params: { name: 'empty.jpg' } })
		expect(uploadsLeft()).toEqual([])
	})

	test('a photo over the limit is refused with its size; text before and after it is kept; nothing is left on disk', async () => {
		const big = Buffer.concat([jpeg, randomBytes(Math.round(1.5 * MB))])
		const upload = await receiveUploads(multipart([['title', 'Kept'], ['photos', jpeg, 'small.jpg'], ['photos', big, 'big.jpg'], ['body', 'Also kept']]))
		expect(upload.failure).toEqual({ message: 'media.photoTooLarge', params: { name: 'big.jpg', size: '1.6', max: 1 } })
		expect(Object.fromEntries(upload.fields)).toEqual({ title: 'Kept', body: 'Also kept' })
		expect(upload.files).toEqual([])
		expect(uploadsLeft()).toEqual([])
	})

	test('the video limit applies to the video field', async () => {
		const upload = await receiveUploads(multipart([['video', Buffer.concat([mp4, randomBytes(3 * MB)]), 'long.mp4']]))
		expect(upload.failure).toMatchObject({ message: 'media.videoTooLarge', params: { name: 'long.mp4', max: 2 } })
		expect(uploadsLeft()).toEqual([])
	})

	test('ten photos or two videos are refused', async () => {
		const ten = await receiveUploads(multipart(Array.from({ length: 10 }, (_, i): Part => ['photos', jpeg, `p${i}.jpg`])))
		expect(ten.failure).toEqual({ message: 'media.tooManyPhotos', params: { max: 9 } })
		const nine = await receiveUploads(multipart(Array.from({ length: 9 }, (_, i): Part => ['photos', jpeg, `p${i}.jpg`])))
		expect(nine.files).toHaveLength(9)
		await nine.discard()
		const two = await receiveUploads(multipart([['video', mp4, 'a.mp4'], ['video', mp4, 'b.mp4']]))
		expect(two.failure).toEqual({ message: 'media.tooManyVideos' })
		expect(uploadsLeft()).toEqual([])
	})

	test('the bytes decide the type: text named .jpg, a video among the photos, a photo as the video', async () => {
		expect((await receiveUploads(multipart([['photos', Buffer.from('hello, I am text'), 'photo.jpg']]))).failure).toEqual({
			message: 'media.unsupportedType',
			params: { name: 'photo.jpg' },
		})
		expect((await receiveUploads(multipart([['photos', mp4, 'clip.jpg']]))).failure).toEqual({ message: 'media.notAPhoto', params: { name: 'clip.jpg' } })
		expect((await receiveUploads(multipart([['video', jpeg, 'photo.mp4']]))).failure).toEqual({ message: 'media.notAVideo', params: { name: 'photo.mp4' } })
		expect(uploadsLeft()).toEqual([])
	})

	test('a file in another field, a form that is not multipart, or a body over the total are refused', async () => {
		expect((await receiveUploads(multipart([['avatar', jpeg, 'me.jpg']]))).failure).toEqual({ message: 'media.unexpectedFile', params: { field: 'avatar' } })
		const urlencoded = new Request('http://localhost/', { method: 'POST', body: new URLSearchParams({ title: 't' }) })
		expect((await receiveUploads(urlencoded)).failure).toEqual({ message: 'media.formUnreadable' })
		const huge = multipart([['title', 't']])
		const claimed = new Request(huge, { headers: { 'content-type': huge.headers.get('content-type')!, 'content-length': String(100 * MB) }, duplex: 'half' } as RequestInit)
		expect((await receiveUploads(claimed)).failure).toEqual({ message: 'media.requestTooLarge', params: { max: '11' } })
	})

	test('a body cut off mid-file is refused and leaves nothing', async () => {
		const whole = new Uint8Array(await multipart([['title', 't'], ['photos', Buffer.concat([jpeg, randomBytes(50_000)]), 'a.jpg']]).arrayBuffer())
		const boundary = /--(-*[A-Za-z0-9]+)/.exec(new TextDecoder().decode(whole.subarray(0, 80)))![0]
		const cut = new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary.slice(2)}` },
			body: whole.subarray(0, whole.length - 20_000),
		})
		expect((await receiveUploads(cut)).failure).toEqual({ message: 'media.formUnreadable' })
		expect(uploadsLeft()).toEqual([])
	})
})
