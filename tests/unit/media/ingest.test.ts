import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { discardMedia, ingestUploads } from '#app/domain/media/ingest.server.ts'
import { localDiskStore } from '#app/domain/media/storage.server.ts'
import type { StagedFile } from '#app/domain/media/upload.server.ts'
import { fixtureDir, hugePngHeader, makeVideo, noisyJpeg, writeFixture } from './fixtures.ts'

let dir: string
let photo: (name: string) => StagedFile
let video: StagedFile
let longVideo: StagedFile
let truncated: StagedFile
let bomb: StagedFile

const staged = (field: StagedFile['field'], file: string, format: StagedFile['format']): StagedFile => ({
	field, path: file, bytes: statSync(file).size, kind: field === 'video' ? 'video' : 'image', format, name: path.basename(file),
})

beforeAll(async () => {
	dir = fixtureDir()
	const jpeg = writeFixture(dir, 'photo.jpg', await noisyJpeg(1600, 1200))
	photo = (name) => ({ ...staged('photos', jpeg, 'jpeg'), name })
	video = staged('video', await makeVideo(path.join(dir, 'clip.mp4'), { seconds: 2 }), 'mp4')
	longVideo = staged('video', await makeVideo(path.join(dir, 'long.mp4'), { seconds: 200, size: '32x32', rate: 1, audio: false }), 'mp4')
	const whole = await noisyJpeg(800, 600)
	truncated = staged('photos', writeFixture(dir, 'cut.jpg', whole.subarray(0, whole.length / 2)), 'jpeg')
	bomb = staged('photos', writeFixture(dir, 'bomb.png', hugePngHeader()), 'png')
})

const newStore = () => {
	const root = fixtureDir()
	return { root, store: localDiskStore(root), written: () => readdirSync(root) }
}

describe('ingestUploads', () => {
	test('photos are stored ready with renditions; the video is stored as its source, processing', async () => {
		const { store, written } = newStore()
		const result = await ingestUploads([photo('a.jpg'), photo('b.jpg'), video], 'uploader-1', store)
		expect(result.ok).toBe(true)
		if (!result.ok) return
		const [a, b, v] = result.media
		expect(a).toMatchObject({ kind: 'image', format: 'jpeg', status: 'ready', width: 1600, height: 1200, position: 0, durationMs: null })
		expect(a!.placeholder).toMatch(/^data:image\/webp;base64,/)
		expect(b).toMatchObject({ position: 1, status: 'ready' })
		expect(v).toMatchObject({ kind: 'video', format: 'mp4', status: 'processing', width: 96, height: 64, durationMs: expect.closeTo(2000, -2), placeholder: null, position: 2, bytes: video.bytes })
		expect(new Set(result.media.map((m) => m.id)).size).toBe(3)
		expect(a!.id).toMatch(/^[0-9a-f]{32}$/)
		expect(written().sort()).toEqual(result.media.map((m) => m.id).sort())
		expect(await store.stat(`${a!.id}/w320.webp`)).not.toBeNull()
		expect(await store.stat(`${a!.id}/w1080.webp`)).not.toBeNull()
		expect(await store.stat(`${v!.id}/source`)).toMatchObject({ size: video.bytes })

		await discardMedia(result.media.map((m) => m.id), store)
		expect(written()).toEqual([])
	})

	test.each([
		['a truncated photo (found only when decoding)', () => [photo('a.jpg'), photo('b.jpg'), truncated, video], 'media.imageDamaged'],
		['a decompression bomb', () => [photo('a.jpg'), bomb], 'media.tooManyPixels'],
		['a video over the length limit', () => [photo('a.jpg'), photo('b.jpg'), longVideo], 'media.videoTooLong'],
	])('nothing is written when one of several files is bad: %s', async (_, files, message) => {
		const { root, store, written } = newStore()
		const result = await ingestUploads(files(), 'uploader-1', store)
		expect(result).toMatchObject({ ok: false, failure: { message } })
		expect(existsSync(root) ? written() : []).toEqual([])
	})

	test('no files: nothing to do', async () => {
		expect(await ingestUploads([], 'uploader-1', newStore().store)).toEqual({ ok: true, media: [] })
	})
})
