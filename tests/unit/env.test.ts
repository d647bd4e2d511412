import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { ConfigError, parseEnv } from '#app/lib/env.server.ts'

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'quanzi-env-'))

describe('configuration', () => {
	test('defaults: port 3000, the SQLite file in data/, a public URL on localhost', () => {
		const env = parseEnv({ DATA_DIR: dataDir() })
		expect(env.PORT).toBe(3000)
		expect(env.DATABASE_URL).toBe('file:./data/quanzi.db')
		expect(env.PUBLIC_URL).toBe('http://localhost:3000')
	})

	test('a missing SESSION_SECRET is generated once into the data folder and then reused', () => {
		const dir = dataDir()
		const first = parseEnv({ DATA_DIR: dir }).SESSION_SECRET
		expect(first).toMatch(/^[0-9a-f]{64}$/)
		expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(first)
		expect(parseEnv({ DATA_DIR: dir }).SESSION_SECRET).toBe(first)
	})

	test.each([
		['PORT', 'abc', /PORT must be a whole number \(got "abc"\)/],
		['PORT', '70000', /PORT must be between 1 and 65535/],
		['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a SQLite file URL/],
		['PUBLIC_URL', 'not a url', /PUBLIC_URL must be a full URL/],
		['SESSION_SECRET', 'short', /SESSION_SECRET must be at least 32 characters/],
	])('a bad %s (%s) is refused with a message naming it', (name, value, message) => {
		expect(() => parseEnv({ DATA_DIR: dataDir(), [name]: value })).toThrowError(message)
		expect(() => parseEnv({ DATA_DIR: dataDir(), [name]: value })).toThrowError(ConfigError)
	})

	test('MERCHANT_EMAIL without MERCHANT_PASSWORD is refused', () => {
		expect(() => parseEnv({ DATA_DIR: dataDir(), MERCHANT_EMAIL: 'boss@shop.test' })).toThrowError(/MERCHANT_EMAIL and MERCHANT_PASSWORD must be set together/)
	})
})
