import { readFileSync } from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, test } from 'vitest'
import { sniff } from '#app/domain/media/sniff.ts'
import { fixtureDir, hugePngHeader, makeVideo } from './fixtures.ts'

const image = (format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif') =>
	sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } }).toFormat(format).toBuffer()

// An ISO-BMFF file's first box: size, "ftyp", major brand, minor version, compatible brands.
const ftyp = (major: string, ...compatible: string[]) => {
	const box = Buffer.alloc(16 + compatible.length * 4)
	box.writeUInt32BE(box.length, 0)
	box.write(`ftyp${major}`, 4, 'latin1')
	compatible.forEach((b, i) => box.write(b, 16 + i * 4, 'latin1'))
	return box
}

let dir: string
beforeAll(() => {
	dir = fixtureDir()
})

describe('sniff: the type comes from the bytes', () => {
	test.each(['jpeg', 'png', 'webp', 'gif', 'avif'] as const)('a real %s', async (format) => {
		expect(sniff(await image(format))).toEqual({ kind: 'image', format })
	})

	test('HEIC by its brands, including a mif1 file that lists heic', () => {
		expect(sniff(ftyp('heic', 'mif1', 'heic'))).toEqual({ kind: 'image', format: 'heic' })
		expect(sniff(ftyp('mif1', 'mif1', 'heic'))).toEqual({ kind: 'image', format: 'heic' })
		expect(sniff(ftyp('mif1', 'mif1', 'avif'))).toEqual({ kind: 'image', format: 'avif' })
	})

	test('MP4 and MOV by their brands', () => {
		expect(sniff(ftyp('isom', 'isom', 'avc1'))).toEqual({ kind: 'video', format: 'mp4' })
		expect(sniff(ftyp('qt  ', 'qt  '))).toEqual({ kind: 'video', format: 'mov' })
		expect(sniff(ftyp('crx ', 'crx '))).toBeNull() // a camera raw file in the same container
	})

	test('real MP4, MOV and WebM files made by ffmpeg', async () => {
		const head = (file: string) => readFileSync(file).subarray(0, 512)
		expect(sniff(head(await makeVideo(path.join(dir, 'a.mp4'), { seconds: 1, audio: false })))).toEqual({ kind: 'video', format: 'mp4' })
		expect(sniff(head(await makeVideo(path.join(dir, 'a.mov'), { seconds: 1, audio: false })))).toEqual({ kind: 'video', format: 'mov' })
		expect(sniff(head(await makeVideo(path.join(dir, 'a.webm'), { seconds: 1, codec: 'libvpx', audio: false })))).toEqual({ kind: 'video', format: 'webm' })
		expect(sniff(head(await makeVideo(path.join(dir, 'a.mkv'), { seconds: 1, audio: false })))).toEqual({ kind: 'video', format: 'mkv' })
	})

	test('a crafted PNG header is still a PNG (its size is checked later)', () => {
		expect(sniff(hugePngHeader())).toEqual({ kind: 'image', format: 'png' })
	})

	test('text, HTML, SVG, a ZIP, and too few bytes are nothing we take', () => {
		expect(sniff(Buffer.from('just some text, named photo.jpg'))).toBeNull()
		expect(sniff(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull()
		expect(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull()
		expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull()
		expect(sniff(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull()
		expect(sniff(Buffer.alloc(0))).toBeNull()
	})
})
