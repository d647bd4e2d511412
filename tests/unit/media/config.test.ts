import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { clockDuration, megabytes, MB } from '#app/domain/media/failure.ts'
import { ConfigError, parseEnv } from '#app/lib/env.server.ts'

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'quanzi-media-env-'))

describe('media settings', () => {
	test('defaults: 15 MB photos, 200 MB and 3 minutes of video, 60 megapixels', () => {
		expect(parseEnv({ DATA_DIR: dataDir() })).toMatchObject({ MEDIA_PHOTO_MAX_MB: 15, MEDIA_VIDEO_MAX_MB: 200, MEDIA_VIDEO_MAX_SECONDS: 180, MEDIA_MAX_MEGAPIXELS: 60 })
	})

	test.each([
		['MEDIA_PHOTO_MAX_MB', 'lots', /MEDIA_PHOTO_MAX_MB must be a number of megabytes such as 15 \(got "lots"\)/],
		['MEDIA_VIDEO_MAX_MB', '0', /MEDIA_VIDEO_MAX_MB must be a number of megabytes such as 200, above zero/],
		['MEDIA_VIDEO_MAX_SECONDS', '-1', /MEDIA_VIDEO_MAX_SECONDS must be a number of seconds such as 180, above zero/],
		['MEDIA_MAX_MEGAPIXELS', 'x', /MEDIA_MAX_MEGAPIXELS must be a number of megapixels such as 60/],
	])('a bad %s (%s) stops the start with a message naming it', (name, value, message) => {
		expect(() => parseEnv({ DATA_DIR: dataDir(), [name]: value })).toThrowError(message)
		expect(() => parseEnv({ DATA_DIR: dataDir(), [name]: value })).toThrowError(ConfigError)
	})

	test('sizes and lengths read the way members see them', () => {
		expect(megabytes(18.2 * MB)).toBe('18.2')
		expect(megabytes(15 * MB)).toBe('15')
		expect(megabytes(15 * MB + 1)).toBe('15.1') // never rounds down to the limit itself
		expect(clockDuration(245)).toBe('4:05')
		expect(clockDuration(180)).toBe('3:00')
		expect(clockDuration(180.2)).toBe('3:01')
	})
})
