import sharp from 'sharp'
import { beforeAll, describe, expect, test } from 'vitest'
import { MediaError } from '#app/domain/media/failure.ts'
import { checkImage, processImage } from '#app/domain/media/images.server.ts'
import { localDiskStore, type MediaStore } from '#app/domain/media/storage.server.ts'
import { fixtureDir, gpsTags, GPS_EXIF, hugePngHeader, noisyJpeg, writeFixture } from './fixtures.ts'

let dir: string
let store: MediaStore
beforeAll(() => {
	dir = fixtureDir()
	store = localDiskStore(`${dir}/store`)
})

async function stored(key: string) {
	const object = await store.get(key)
	const chunks: Buffer[] = []
	for await (const chunk of object!.stream) chunks.push(chunk as Buffer)
	return Buffer.concat(chunks)
}

async function failureOf(promise: Promise<unknown>) {
	const error = await promise.then(() => null, (e: unknown) => e)
	expect(error).toBeInstanceOf(MediaError)
	return (error as MediaError).failure
}

describe('processImage', () => {
	test('a 12-megapixel phone photo: 320 and 1080 px WebP renditions, a tiny placeholder, no EXIF or GPS left', async () => {
		const input = await noisyJpeg(4000, 3000, GPS_EXIF)
		// The fixture really carries a location, so its absence below means something.
		expect(gpsTags((await sharp(input).metadata()).exif)).toEqual(expect.arrayContaining([1, 2, 3, 4]))
		const file = writeFixture(dir, 'phone.jpg', input)

		const result = await processImage({ path: file, name: 'phone.jpg', format: 'jpeg' }, 'photo1', store)
		expect(result).toMatchObject({ width: 4000, height: 3000 })
		expect(result.placeholder).toMatch(/^data:image\/webp;base64,/)
		expect(result.placeholder.length).toBeLessThan(1024)

		for (const [name, width] of [['w320.webp', 320], ['w1080.webp', 1080]] as const) {
			const meta = await sharp(await stored(`photo1/${name}`)).metadata()
			expect(meta).toMatchObject({ format: 'webp', width, height: (width * 3) / 4 })
			expect(meta.exif, name).toBeUndefined()
			expect(meta.xmp, name).toBeUndefined()
			expect(meta.icc, name).toBeUndefined()
			expect(gpsTags(meta.exif)).toBeNull()
		}
		const placeholder = await sharp(Buffer.from(result.placeholder.split(',')[1]!, 'base64')).metadata()
		expect(placeholder).toMatchObject({ format: 'webp', width: 16 })
		expect(placeholder.exif).toBeUndefined()
	})

	test('EXIF orientation is applied: a photo taken with the phone upright comes out upright', async () => {
		// Stored 400 × 200, left half red, right half blue; orientation 6 means "turn 90° clockwise".
		const halves = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#ff0000' } })
			.composite([{ input: { create: { width: 200, height: 200, channels: 3, background: '#0000ff' } }, left: 200, top: 0 }])
			.jpeg()
			.withMetadata({ orientation: 6 })
			.toBuffer()
		const file = writeFixture(dir, 'upright.jpg', halves)
		const result = await processImage({ path: file, name: 'upright.jpg', format: 'jpeg' }, 'photo2', store)
		expect(result).toMatchObject({ width: 200, height: 400 })
		const rendition = sharp(await stored('photo2/w1080.webp'))
		// Never enlarged: the photo is 200 px wide, so the "1080" rendition stays 200 px.
		expect(await rendition.metadata()).toMatchObject({ width: 200, height: 400 })
		const { data } = await rendition.raw().toBuffer({ resolveWithObject: true })
		const top = data.subarray(0, 3)
		const bottom = data.subarray(data.length - 3)
		expect(top[0]).toBeGreaterThan(200) // red on top
		expect(bottom[2]).toBeGreaterThan(200) // blue below
	})

	test('a PNG with transparency keeps it', async () => {
		const png = await sharp({ create: { width: 500, height: 500, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toBuffer()
		const file = writeFixture(dir, 'clear.png', png)
		await processImage({ path: file, name: 'clear.png', format: 'png' }, 'photo3', store)
		expect(await sharp(await stored('photo3/w320.webp')).metadata()).toMatchObject({ width: 320, hasAlpha: true })
	})

	test('a 50,000 × 50,000 PNG header is refused from its header, before any decoding', async () => {
		const file = writeFixture(dir, 'bomb.png', hugePngHeader())
		const started = performance.now()
		expect(await failureOf(processImage({ path: file, name: 'bomb.png', format: 'png' }, 'bomb', store))).toEqual({
			message: 'media.tooManyPixels',
			params: { name: 'bomb.png', width: 50_000, height: 50_000, max: 60 },
		})
		expect(performance.now() - started).toBeLessThan(1000)
		expect(await store.stat('bomb/w320.webp')).toBeNull()
	})

	test('a truncated JPEG is refused as damaged, and nothing is stored', async () => {
		const whole = await noisyJpeg(1200, 900)
		const file = writeFixture(dir, 'cut.jpg', whole.subarray(0, Math.floor(whole.length * 0.6)))
		expect(await failureOf(processImage({ path: file, name: 'cut.jpg', format: 'jpeg' }, 'cut', store))).toEqual({
			message: 'media.imageDamaged',
			params: { name: 'cut.jpg' },
		})
		expect(await store.stat('cut/w320.webp')).toBeNull()
		expect(await store.stat('cut/w1080.webp')).toBeNull()
	})

	test('bytes that are not the format sniffed, or HEIC, are refused with what to do', async () => {
		const text = writeFixture(dir, 'fake.jpg', 'not a photo at all, just text')
		expect((await failureOf(checkImage({ path: text, name: 'fake.jpg' }, 'jpeg'))).message).toBe('media.imageDamaged')
		const png = writeFixture(dir, 'real.png', await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer())
		expect((await failureOf(checkImage({ path: png, name: 'real.png' }, 'jpeg'))).message).toBe('media.imageUnsupported')
		expect(await failureOf(checkImage({ path: png, name: 'IMG_1.HEIC' }, 'heic'))).toEqual({ message: 'media.heicUnsupported', params: { name: 'IMG_1.HEIC' } })
	})
})
