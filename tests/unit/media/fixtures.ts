// Real media files made at test time: photos by sharp, videos by our ffmpeg.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import sharp, { type Exif } from 'sharp'
import { runBinary } from '#app/domain/media/binaries.server.ts'
import { TMP } from '#tests/setup/paths.ts'

export function fixtureDir(): string {
	return mkdtempSync(path.join(TMP, 'media-fixtures-'))
}

/**
 * A photo-like JPEG: smooth random colour fields (coarse and fine) plus sensor-like noise,
 * so encoders work as hard as on a real photo, unlike a flat colour. Each call differs.
 */
export async function noisyJpeg(width: number, height: number, exif?: Exif): Promise<Buffer> {
	const field = async (cols: number, rows: number) =>
		(await sharp(randomBytes(cols * rows * 3), { raw: { width: cols, height: rows, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer())
	const [coarse, fine] = await Promise.all([field(6, 5), field(60, 45)])
	const noise = randomBytes(coarse.length)
	for (let i = 0; i < coarse.length; i++) {
		const v = coarse[i]! * 0.7 + fine[i]! * 0.3 + ((noise[i]! & 31) - 16)
		coarse[i] = v < 0 ? 0 : v > 255 ? 255 : v
	}
	const image = sharp(coarse, { raw: { width, height, channels: 3 } })
	return (exif ? image.withExif(exif) : image).jpeg({ quality: 88 }).toBuffer()
}

/** EXIF that puts the photo in San Francisco, as a phone's camera writes it. */
export const GPS_EXIF: Exif = {
	IFD0: { Make: 'QuanziPhone', Model: 'Test 1' },
	IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 46/1 2976/100', GPSLongitudeRef: 'W', GPSLongitude: '122/1 25/1 984/100' },
}

/**
 * The tags of the GPS IFD in a raw EXIF block (as sharp's metadata().exif gives it), or
 * null when there is none: a small TIFF reader, so the test does not trust sharp about itself.
 */
export function gpsTags(exif: Buffer | undefined): number[] | null {
	if (!exif) return null
	const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0)
	const little = tiff.toString('latin1', 0, 2) === 'II'
	const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
	const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
	const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ({ tag: u16(ifd + 2 + i * 12), value: u32(ifd + 2 + i * 12 + 8) }))
	const gpsPointer = entries(u32(4)).find((e) => e.tag === 0x8825)
	return gpsPointer ? entries(gpsPointer.value).map((e) => e.tag) : null
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
	return c >>> 0
})
function pngChunk(type: string, data: Buffer): Buffer {
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
	let crc = 0xffffffff
	for (const byte of body) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
	const out = Buffer.alloc(12 + data.length)
	out.writeUInt32BE(data.length, 0)
	body.copy(out, 4)
	out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length)
	return out
}

/** A decompression bomb's header: a valid PNG that claims width × height pixels in a few bytes. */
export function hugePngHeader(width = 50_000, height = 50_000): Buffer {
	const ihdr = Buffer.alloc(13)
	ihdr.writeUInt32BE(width, 0)
	ihdr.writeUInt32BE(height, 4)
	ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
	return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), pngChunk('IEND', Buffer.alloc(0))])
}

type VideoOptions = { seconds: number; size?: string; rate?: number; codec?: 'libx264' | 'mpeg4' | 'libvpx'; audio?: boolean; metadata?: string[] }

/** A test-pattern video from ffmpeg's lavfi source; tiny and fast to make. */
export async function makeVideo(file: string, options: VideoOptions): Promise<string> {
	const { seconds, size = '96x64', rate = 10, codec = 'libx264', audio = true, metadata = [] } = options
	const inputs = ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${rate}`, ...(audio ? ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=22050'] : [])]
	const video = codec === 'libvpx' ? ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '200k'] : codec === 'libx264' ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] : ['-c:v', 'mpeg4']
	const sound = audio ? (codec === 'libvpx' ? ['-c:a', 'libopus'] : ['-c:a', 'aac']) : []
	await runBinary('ffmpeg', ['-v', 'error', '-y', ...inputs, '-t', String(seconds), ...video, ...sound, ...metadata, file], 120_000)
	return file
}

/** Remuxes with a display rotation, as a phone stores a portrait video. */
export async function rotateVideo(input: string, output: string, degrees: number): Promise<string> {
	await runBinary('ffmpeg', ['-v', 'error', '-y', '-i', input, '-c', 'copy', '-metadata:s:v:0', `rotate=${degrees}`, output], 60_000)
	return output
}

/** The container tags and first video stream as ffprobe sees them. */
export async function probeTags(file: string) {
	const json = JSON.parse((await runBinary('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], 30_000)).toString()) as {
		format: { tags?: Record<string, string> }
		streams: { codec_type: string; codec_name: string; tags?: Record<string, string>; side_data_list?: { rotation?: number }[] }[]
	}
	return { tags: json.format.tags ?? {}, streams: json.streams }
}

export function writeFixture(dir: string, name: string, data: Buffer | string): string {
	const file = path.join(dir, name)
	writeFileSync(file, data)
	return file
}
