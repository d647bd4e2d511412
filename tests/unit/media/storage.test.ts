import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { describe, expect, test } from 'vitest'
import { localDiskStore } from '#app/domain/media/storage.server.ts'
import { fixtureDir } from './fixtures.ts'

const fresh = () => {
	const root = fixtureDir()
	return { root, store: localDiskStore(root) }
}

describe('local disk media store', () => {
	test('put, stat and get a whole object, from a buffer or a stream', async () => {
		const { store } = fresh()
		await store.put('m1/w320.webp', Buffer.from('0123456789'))
		await store.put('m1/video.mp4', Readable.from([Buffer.from('abc'), Buffer.from('def')]))
		expect(await store.stat('m1/w320.webp')).toMatchObject({ size: 10 })
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
		expect(await store.stat('nobody/w320.webp')).toBeNull()
		await store.remove('nobody/w320.webp')
	})

	test('writes are atomic: a failed stream leaves neither the object nor a temp file', async () => {
		const { root, store } = fresh()
		const failing = new Readable({
			read() {
				this.push(Buffer.from('half'))
				this.destroy(new Error('connection lost'))
			},
		})
		await expect(store.put('m3/video.mp4', failing)).rejects.toThrow('connection lost')
		expect(await store.stat('m3/video.mp4')).toBeNull()
		expect(readdirSync(path.join(root, 'm3'))).toEqual([])
	})

	test('an overwrite replaces the whole object', async () => {
		const { store } = fresh()
		await store.put('m4/w320.webp', Buffer.from('first version, longer'))
		await store.put('m4/w320.webp', Buffer.from('second'))
		expect(await text((await store.get('m4/w320.webp'))!.stream)).toBe('second')
	})

	test('removePrefix removes one media item and nothing else', async () => {
		const { root, store } = fresh()
		await store.put('keep/w320.webp', Buffer.from('k'))
		await store.put('gone/w320.webp', Buffer.from('g'))
		await store.put('gone/source', Buffer.from('s'))
		await store.removePrefix('gone/')
		expect(existsSync(path.join(root, 'gone'))).toBe(false)
		expect(await store.stat('keep/w320.webp')).toMatchObject({ size: 1 })
		await expect(store.removePrefix('keep')).rejects.toThrow(/ending in "\/"/)
	})

	test.each(['../escape', 'a/../../etc/passwd', '/etc/passwd', 'a//b', 'a/.hidden', '', 'a/b\\c', 'a/..'])('refuses the key %j', async (key) => {
		const { store } = fresh()
		await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/Refused media storage key/)
		await expect(store.get(key)).rejects.toThrow(/Refused media storage key/)
		await expect(store.removePrefix(`${key}/`)).rejects.toThrow(/Refused media storage key/)
	})
})
