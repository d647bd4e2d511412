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
		['DATABASE_POOL_SIZE', '0', /DATABASE_POOL_SIZE must be between 1 and 200/],
		['REDIS_URL', 'localhost:6379', /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
		['TRUST_PROXY', 'everyone!', /TRUST_PROXY must be a comma-separated list/],
	])('a bad %s (%s) is refused with a message naming it', (name, value, message) => {
		expect(() => parseEnv({ DATA_DIR: dataDir(), [name]: value })).toThrowError(message)
		expect(() => parseEnv({ DATA_DIR: dataDir(), [name]: value })).toThrowError(ConfigError)
	})

	test('scale-out settings: a PostgreSQL URL, a Redis URL and a pool size; their secrets are never echoed', () => {
		const env = parseEnv({ DATA_DIR: dataDir(), DATABASE_URL: 'postgresql://quanzi:s3cret@db.internal:5432/quanzi', REDIS_URL: 'redis://:s3cret@cache.internal:6379', DATABASE_POOL_SIZE: '20' })
		expect([env.DATABASE_URL, env.REDIS_URL, env.DATABASE_POOL_SIZE, env.TRUST_PROXY]).toEqual(['postgresql://quanzi:s3cret@db.internal:5432/quanzi', 'redis://:s3cret@cache.internal:6379', 20, 'loopback'])
		expect(() => parseEnv({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres:/no-host s3cret' })).toThrowError(/^(?![\s\S]*s3cret)[\s\S]*DATABASE_URL must be a SQLite file URL such as file:\.\/data\/quanzi\.db, or a PostgreSQL URL/)
	})

	test('MERCHANT_EMAIL without MERCHANT_PASSWORD is refused', () => {
		expect(() => parseEnv({ DATA_DIR: dataDir(), MERCHANT_EMAIL: 'boss@shop.test' })).toThrowError(/MERCHANT_EMAIL and MERCHANT_PASSWORD must be set together/)
	})
})
