import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createLimiter, createRedisLimiter, minutesToWait } from '#app/lib/rate-limit.server.ts'

describe('fixed-window limiter in memory (one process)', () => {
	test('allows up to the limit, then refuses until the window ends', async () => {
		const limiter = createLimiter('test:basic', { limit: 3, windowMs: 60_000 })
		const t0 = 1_000_000
		for (let i = 0; i < 3; i++) {
			expect((await limiter.check('k', t0)).allowed).toBe(true)
			expect(await limiter.hit('k', t0)).toEqual({ allowed: true, retryAfterMs: 0 })
		}
		expect(await limiter.check('k', t0 + 1000)).toEqual({ allowed: false, retryAfterMs: 59_000 })
		expect(await limiter.hit('k', t0 + 1000)).toEqual({ allowed: false, retryAfterMs: 59_000 })
		expect((await limiter.check('other', t0)).allowed).toBe(true)
		expect((await limiter.check('k', t0 + 60_000)).allowed).toBe(true)
	})

	test('reset forgets the key', async () => {
		const limiter = createLimiter('test:reset', { limit: 1, windowMs: 60_000 })
		await limiter.hit('k')
		expect((await limiter.check('k')).allowed).toBe(false)
		await limiter.reset('k')
		expect((await limiter.check('k')).allowed).toBe(true)
	})

	test('waits are shown in whole minutes, at least one', () => {
		expect(minutesToWait(1)).toBe(1)
		expect(minutesToWait(60_000)).toBe(1)
		expect(minutesToWait(60_001)).toBe(2)
	})
})

// Two connections stand for two app processes sharing one Redis. Database 1 and a prefix of
// this run's own keep this file's keys away from any other test's.
const REDIS_URL = process.env.TEST_REDIS_URL
describe.runIf(REDIS_URL)('fixed-window limiter in Redis (several processes)', () => {
	let one: Redis
	let two: Redis
	beforeAll(() => {
		const options = { db: 1, keyPrefix: `test:rate-limit:${randomUUID()}:` }
		one = new Redis(REDIS_URL!, options)
		two = new Redis(REDIS_URL!, options)
	})
	afterAll(async () => {
		await Promise.all([one?.quit(), two?.quit()])
	})

	test('racing hits from two processes: exactly the limit is allowed, and both then refuse', async () => {
		const options = { limit: 7, windowMs: 60_000 }
		const [a, b] = [createRedisLimiter(one, 'race', options), createRedisLimiter(two, 'race', options)]
		const verdicts = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).hit('member-1')))
		expect(verdicts.filter((v) => v.allowed)).toHaveLength(7)
		for (const refused of verdicts.filter((v) => !v.allowed)) {
			expect(refused.retryAfterMs).toBeGreaterThan(55_000)
			expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000)
		}
		for (const limiter of [a, b]) expect((await limiter.check('member-1')).allowed).toBe(false)
		expect((await b.check('member-2')).allowed).toBe(true)
	})

	test('check lets the last allowed attempt through and refuses the one after', async () => {
		const [a, b] = [createRedisLimiter(one, 'edge', { limit: 2, windowMs: 60_000 }), createRedisLimiter(two, 'edge', { limit: 2, windowMs: 60_000 })]
		expect(await a.check('k')).toEqual({ allowed: true, retryAfterMs: 0 })
		await a.hit('k')
		expect((await b.check('k')).allowed).toBe(true)
		await b.hit('k')
		expect((await a.check('k')).allowed).toBe(false)
	})

	test('the window ends and reset forgets the key, for every process', async () => {
		const [a, b] = [createRedisLimiter(one, 'window', { limit: 1, windowMs: 300 }), createRedisLimiter(two, 'window', { limit: 1, windowMs: 300 })]
		await a.hit('k')
		expect((await b.check('k')).allowed).toBe(false)
		await new Promise((r) => setTimeout(r, 400))
		expect((await b.check('k')).allowed).toBe(true)
		expect((await b.hit('k')).allowed).toBe(true)
		expect((await a.hit('k')).allowed).toBe(false)
		await a.reset('k')
		expect((await b.check('k')).allowed).toBe(true)
	})
})
