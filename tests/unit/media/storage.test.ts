import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { buffer, text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { s3ConfigFrom, s3Store } from '#app/domain/media/s3-store.server.ts'
import { localDiskStore, type MediaStore } from '#app/domain/media/storage.server.ts'
import { parseEnv } from '#app/lib/env.server.ts'
import { startFakeS3, type FakeS3 } from '#tests/helpers/fake-s3.ts'
import { fixtureDir } from './fixtures.ts'

let s3: FakeS3
beforeAll(async () => {
	s3 = await startFakeS3()
})
afterAll(async () => {
	await s3?.stop()
})

/** A store on its own (an empty folder, or a fresh prefix in the bucket) and what is left under one of its folders. */
type Fresh = { store: MediaStore; leftovers(folder: string): Promise<string[]> }

const s3At = (prefix: string): MediaStore => s3Store(s3.storeConfig(prefix))

const stores: [string, () => Fresh][] = [
	[
		'local disk',
		() => {
			const root = fixtureDir()
			return { store: localDiskStore(root), leftovers: async (folder) => (existsSync(path.join(root, folder)) ? readdirSync(path.join(root, folder)) : []) }
		},
	],
	[
		'S3 bucket',
		() => {
			const prefix = `t${randomUUID().slice(0, 8)}/media/`
			return { store: s3At(prefix), leftovers: (folder) => s3.keys(`${prefix}${folder}/`) }
		},
	],
]

describe.each(stores)('media store on %s', (_, fresh) => {
	test('put, stat and get a whole object, from a buffer or a stream', async () => {
		const { store } = fresh()
		await store.put('m1/w320.webp', Buffer.from('0123456789'))
		await store.put('m1/video.mp4', Readable.from([Buffer.from('abc'), Buffer.from('def')]))
		expect(await store.stat('m1/w320.webp')).toMatchObject({ size: 10 })
		expect((await store.stat('m1/w320.webp'))!.modified.getTime()).toBeGreaterThan(Date.now() - 60_000)
		const whole = await store.get('m1/video.mp4')
		expect(whole!.size).toBe(6)
		expect(await text(whole!.stream)).toBe('abcdef')
	})

	test('byte ranges are inclusive and report the full size', async () => {
		const { store } = fresh()
		await store.put('m2/video.mp4', Buffer.from('0123456789'))
		const part = await store.get('m2/video.mp4', { start: 2, end: 5 })
		expect(part!.size).toBe(10)
		expect(await text(part!.stream)).toBe('2345')
		expect(await text((await store.get('m2/video.mp4', { start: 9, end: 9 }))!.stream)).toBe('9')
	})

	test('a missing key is null, not an error', async () => {
		const { store } = fresh()
		expect(await store.get('nobody/w320.webp')).toBeNull()
		expect(await store.get('nobody/w320.webp', { start: 0, end: 9 })).toBeNull()
		expect(await store.stat('nobody/w320.webp')).toBeNull()
		await store.remove('nobody/w320.webp')
		await store.removePrefix('nobody/')
	})

	test('writes are atomic: a failed stream leaves neither the object nor a temp file', async () => {
		const { store, leftovers } = fresh()
		const failing = new Readable({
			read() {
				this.push(Buffer.from('half'))
				this.destroy(new Error('connection lost'))
			},
		})
		await expect(store.put('m3/video.mp4', failing)).rejects.toThrow('connection lost')
		expect(await store.stat('m3/video.mp4')).toBeNull()
		expect(await leftovers('m3')).toEqual([])
	})

	test('a stream larger than one upload part arrives whole', async () => {
		const { store } = fresh()
		// 12 MB in uneven pieces: more than two of the S3 store's 5 MB multipart parts.
		const pieces = [7_000_000, 1, 5_582_911].map((n, i) => Buffer.alloc(n, i + 1))
		await store.put('m5/video.mp4', Readable.from(pieces))
		const stored = await store.get('m5/video.mp4', { start: 6_999_999, end: 7_000_001 })
		expect(stored!.size).toBe(12_582_912)
		expect([...(await buffer(stored!.stream))]).toEqual([1, 2, 3])
	})

	test('an overwrite replaces the whole object', async () => {
		const { store } = fresh()
		await store.put('m4/w320.webp', Buffer.from('first version, longer'))
		await store.put('m4/w320.webp', Buffer.from('second'))
		expect(await text((await store.get('m4/w320.webp'))!.stream)).toBe('second')
		expect(await store.stat('m4/w320.webp')).toMatchObject({ size: 6 })
	})

	test('remove and removePrefix remove one object, one media item, and nothing else', async () => {
		const { store, leftovers } = fresh()
		await store.put('keep/w320.webp', Buffer.from('k'))
		await store.put('gone/w320.webp', Buffer.from('g'))
		await store.put('gone/source', Buffer.from('s'))
		await store.put('gonex/w320.webp', Buffer.from('x'))
		await store.remove('keep/w320.webp')
		expect(await store.stat('keep/w320.webp')).toBeNull()
		await store.put('keep/w320.webp', Buffer.from('k'))
		await store.removePrefix('gone/')
		expect(await leftovers('gone')).toEqual([])
		expect(await store.stat('keep/w320.webp')).toMatchObject({ size: 1 })
		expect(await store.stat('gonex/w320.webp')).toMatchObject({ size: 1 })
		await expect(store.removePrefix('keep')).rejects.toThrow(/ending in "\/"/)
	})

	test.each(['../escape', 'a/../../etc/passwd', '/etc/passwd', 'a//b', 'a/.hidden', '', 'a/b\\c', 'a/..'])('refuses the key %j', async (key) => {
		const { store } = fresh()
		await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/Refused media storage key/)
		await expect(store.get(key)).rejects.toThrow(/Refused media storage key/)
		await expect(store.stat(key)).rejects.toThrow(/Refused media storage key/)
		await expect(store.remove(key)).rejects.toThrow(/Refused media storage key/)
		await expect(store.removePrefix(`${key}/`)).rejects.toThrow(/Refused media storage key/)
	})
})

describe('media store on an S3 bucket: keys and prefixes', () => {
	test('objects are stored under S3_PREFIX, and stores with other prefixes are untouched', async () => {
		const [a, b] = [`a${randomUUID().slice(0, 8)}/`, `b${randomUUID().slice(0, 8)}/`]
		await s3At(a).put('same/w320.webp', Buffer.from('a'))
		await s3At(b).put('same/w320.webp', Buffer.from('b'))
		expect(await s3.keys(a)).toEqual([`${a}same/w320.webp`])
		await s3At(a).removePrefix('same/')
		expect(await s3.keys(a)).toEqual([])
		expect(await text((await s3At(b).get('same/w320.webp'))!.stream)).toBe('b')
	})

	test('removePrefix deletes past the first page of 1000 keys', async () => {
		const prefix = `many${randomUUID().slice(0, 8)}/`
		const store = s3At(prefix)
		const names = Array.from({ length: 1205 }, (_, i) => `big/f${i}`)
		for (let i = 0; i < names.length; i += 50) await Promise.all(names.slice(i, i + 50).map((n) => store.put(n, Buffer.from('x'))))
		await store.put('small/w320.webp', Buffer.from('y'))
		expect(await s3.keys(`${prefix}big/`)).toHaveLength(1205)
		await store.removePrefix('big/')
		expect(await s3.keys(prefix)).toEqual([`${prefix}small/w320.webp`])
	}, 120_000)

	test('a bucket that does not exist is an error, not a missing object', async () => {
		const store = s3Store({ ...s3.storeConfig(), bucket: 'no-such-bucket' })
		await expect(store.get('m1/w320.webp')).rejects.toThrow(/bucket/i)
		await expect(store.put('m1/w320.webp', Buffer.from('x'))).rejects.toThrow(/bucket/i)
	})
})

describe('the S3_* settings', () => {
	const dataDir = () => mkdtempSync(path.join(tmpdir(), 'quanzi-env-'))
	const keys = { S3_ACCESS_KEY_ID: 'AKIDEXAMPLE', S3_SECRET_ACCESS_KEY: 'a-secret-that-must-not-leak' }

	test('without S3_BUCKET media stays on local disk', () => {
		expect(s3ConfigFrom(parseEnv({ DATA_DIR: dataDir() }))).toBeNull()
	})

	test('a bucket on AWS: its region, virtual-host addressing, no prefix', () => {
		expect(s3ConfigFrom(parseEnv({ DATA_DIR: dataDir(), S3_BUCKET: 'quanzi-media', S3_REGION: 'eu-west-1', ...keys }))).toEqual({
			bucket: 'quanzi-media',
			region: 'eu-west-1',
			endpoint: undefined,
			credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'a-secret-that-must-not-leak' },
			forcePathStyle: false,
			prefix: '',
		})
	})

	test('an S3-compatible service: path-style by default (unless turned off), region us-east-1, the prefix as a folder', () => {
		const base = { DATA_DIR: dataDir(), S3_BUCKET: 'media', S3_ENDPOINT: 'https://storage.example.com', ...keys }
		expect(s3ConfigFrom(parseEnv({ ...base, S3_PREFIX: 'shop/media' }))).toMatchObject({ region: 'us-east-1', forcePathStyle: true, prefix: 'shop/media/', endpoint: 'https://storage.example.com' })
		expect(s3ConfigFrom(parseEnv({ ...base, S3_PREFIX: 'shop/media/', S3_FORCE_PATH_STYLE: 'false' }))).toMatchObject({ forcePathStyle: false, prefix: 'shop/media/' })
	})

	test.each([
		[{ S3_BUCKET: 'media' }, /S3_ACCESS_KEY_ID must be set with S3_BUCKET[^\n]*\n\s+S3_SECRET_ACCESS_KEY must be set with S3_BUCKET/],
		[{ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'AKIDEXAMPLE' }, /S3_SECRET_ACCESS_KEY must be set with S3_BUCKET/],
		[{ S3_BUCKET: 'media', ...keys, S3_ENDPOINT: 'storage.example.com' }, /S3_ENDPOINT must be the http\(s\) URL of an S3-compatible service/],
		[{ S3_BUCKET: 'media', ...keys, S3_ENDPOINT: 'https://user:pw@storage.example.com' }, /S3_ENDPOINT must be the http\(s\) URL/],
		[{ S3_BUCKET: 's3://media', ...keys }, /S3_BUCKET must be a bucket name such as quanzi-media/],
		[{ S3_BUCKET: 'media', ...keys, S3_PREFIX: '../other' }, /S3_PREFIX must be a folder inside the bucket/],
		[{ S3_BUCKET: 'media', ...keys, S3_PREFIX: '/media' }, /S3_PREFIX must be a folder inside the bucket/],
		[{ S3_BUCKET: 'media', ...keys, S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE must be true or false \(got "yes"\)/],
		[{ ...keys, S3_ENDPOINT: 'https://storage.example.com' }, /S3_BUCKET must be set for S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY to take effect/],
	])('%j stops the boot with a message naming the variable', (settings, message) => {
		expect(() => parseEnv({ DATA_DIR: dataDir(), ...settings })).toThrowError(message)
	})

	test('a refused setting never echoes the secret key or the endpoint', () => {
		const attempt = () => parseEnv({ DATA_DIR: dataDir(), S3_BUCKET: 'media', ...keys, S3_ENDPOINT: 'https://AKIDEXAMPLE:a-secret-that-must-not-leak@storage.example.com' })
		expect(attempt).toThrowError(/S3_ENDPOINT must be/)
		expect(attempt).not.toThrowError(/a-secret-that-must-not-leak/)
	})
})
