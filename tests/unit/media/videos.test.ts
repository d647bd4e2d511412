import { createReadStream, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, test } from 'vitest'
import { runBinary } from '#app/domain/media/binaries.server.ts'
import { MediaError } from '#app/domain/media/failure.ts'
import { mediaStore } from '#app/domain/media/storage.server.ts'
import { finishVideo, probeVideo } from '#app/domain/media/videos.server.ts'
import { fixtureDir, makeVideo, probeTags, rotateVideo } from './fixtures.ts'

let dir: string
beforeAll(() => {
	dir = fixtureDir()
})
const at = (name: string) => path.join(dir, name)

async function failureOf(promise: Promise<unknown>) {
	const error = await promise.then(() => null, (e: unknown) => e)
	expect(error).toBeInstanceOf(MediaError)
	return (error as MediaError).failure
}

async function download(key: string): Promise<string> {
	const object = await mediaStore().get(key)
	const file = at(key.replaceAll('/', '-'))
	const chunks: Buffer[] = []
	for await (const chunk of object!.stream) chunks.push(chunk as Buffer)
	writeFileSync(file, Buffer.concat(chunks))
	return file
}

const LOCATION = ['-metadata', 'location=+37.7749-122.4194/', '-metadata', 'title=My street']

describe('probeVideo', () => {
	test('reads container, codecs, length and size', async () => {
		const file = await makeVideo(at('probe.mp4'), { seconds: 3, size: '160x96' })
		expect(await probeVideo(file, 'probe.mp4', 'mp4')).toEqual({
			container: expect.stringContaining('mp4'),
			videoCodec: 'h264',
			audioCodec: 'aac',
			durationSeconds: expect.closeTo(3, 0),
			width: 160,
			height: 96,
		})
	})

	test('a 4-minute video is refused with its length and the limit', async () => {
		const file = await makeVideo(at('long.mp4'), { seconds: 245, size: '32x32', rate: 1, audio: false })
		expect(await failureOf(probeVideo(file, 'long.mp4', 'mp4'))).toEqual({ message: 'media.videoTooLong', params: { duration: '4:05', max: '3:00' } })
	})

	test('sound without a picture, garbage behind an MP4 header, and H.264 claiming to be WebM are refused', async () => {
		const garbage = at('garbage.mp4')
		writeFileSync(garbage, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isomavc1'), Buffer.alloc(4000, 7)]))
		expect((await failureOf(probeVideo(garbage, 'garbage.mp4', 'mp4'))).message).toBe('media.videoUnreadable')
		const sound = at('sound.mp4')
		await runBinary('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '1', '-c:a', 'aac', sound], 30_000)
		expect(await failureOf(probeVideo(sound, 'sound.mp4', 'mp4'))).toEqual({ message: 'media.videoNoPicture', params: { name: 'sound.mp4' } })
		const h264 = await makeVideo(at('h264.mkv'), { seconds: 1, audio: false })
		expect(await failureOf(probeVideo(h264, 'h264.webm', 'webm'))).toEqual({ message: 'media.videoCodecUnsupported', params: { name: 'h264.webm', codec: 'H264' } })
	})
})

describe('finishVideo', () => {
	test('remuxes an MP4 without its location and title, with a poster and its renditions', async () => {
		const file = await makeVideo(at('tagged.mp4'), { seconds: 3, size: '160x96', metadata: LOCATION })
		const before = await probeTags(file)
		expect(before.tags).toMatchObject({ location: '+37.7749-122.4194/', title: 'My street' })
		await mediaStore().put('vid1/source', createReadStream(file))

		expect(await finishVideo('vid1')).toEqual({ width: 160, height: 96, durationMs: expect.closeTo(3000, -2), placeholder: expect.stringMatching(/^data:image\/webp;base64,/) })
		const served = await download('vid1/video.mp4')
		const after = await probeTags(served)
		expect(after.tags.location).toBeUndefined()
		expect(after.tags.title).toBeUndefined()
		expect(JSON.stringify(after)).not.toContain('37.7749')
		// Remuxed, not re-encoded: same codecs, and the file starts with its index (faststart).
		expect(after.streams.map((s) => s.codec_name)).toEqual(['h264', 'aac'])
		const bytes = readFileSync(served)
		expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'))

		for (const [name, width] of [['poster-w320.webp', 160], ['poster-w1080.webp', 160]] as const) {
			const meta = await sharp(await download(`vid1/${name}`)).metadata()
			expect(meta).toMatchObject({ format: 'webp', width, height: 96 })
		}
		// The upload stays until the job marks the row ready (jobs.server.ts removes it).
		expect(await mediaStore().stat('vid1/source')).not.toBeNull()
	})

	test('a portrait phone video keeps its rotation, and reports and posters it upright', async () => {
		const landscape = await makeVideo(at('sideways.mp4'), { seconds: 1, size: '160x96', audio: false })
		await mediaStore().put('vid2/source', createReadStream(await rotateVideo(landscape, at('portrait.mov'), 90)))
		expect(await finishVideo('vid2')).toMatchObject({ width: 96, height: 160 })
		const served = await probeTags(await download('vid2/video.mp4'))
		expect(Math.abs(served.streams[0]!.side_data_list?.[0]?.rotation ?? 0)).toBe(90)
		expect(await sharp(await download('vid2/poster-w320.webp')).metadata()).toMatchObject({ width: 96, height: 160 })
	})

	test('WebM stays WebM; MPEG-4 Part 2 is re-encoded to H.264 MP4', async () => {
		await mediaStore().put('vid3/source', createReadStream(await makeVideo(at('clip.webm'), { seconds: 1, codec: 'libvpx' })))
		await finishVideo('vid3')
		expect((await probeTags(await download('vid3/video.webm'))).streams.map((s) => s.codec_name)).toEqual(['vp8', 'opus'])

		await mediaStore().put('vid4/source', createReadStream(await makeVideo(at('old.mp4'), { seconds: 1, codec: 'mpeg4' })))
		await finishVideo('vid4')
		expect((await probeTags(await download('vid4/video.mp4'))).streams.map((s) => s.codec_name)).toEqual(['h264', 'aac'])
	})
})
