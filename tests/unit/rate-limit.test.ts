import { describe, expect, test } from 'vitest'
import { createLimiter, minutesToWait } from '#app/lib/rate-limit.server.ts'

describe('fixed-window limiter', () => {
	test('allows up to the limit, then refuses until the window ends', () => {
		const limiter = createLimiter('test:basic', { limit: 3, windowMs: 60_000 })
		const t0 = 1_000_000
		for (let i = 0; i < 3; i++) {
			expect(limiter.check('k', t0).allowed).toBe(true)
			limiter.hit('k', t0)
		}
		expect(limiter.check('k', t0 + 1000)).toEqual({ allowed: false, retryAfterMs: 59_000 })
		expect(limiter.check('other', t0).allowed).toBe(true)
		expect(limiter.check('k', t0 + 60_000).allowed).toBe(true)
	})

	test('reset forgets the key', () => {
		const limiter = createLimiter('test:reset', { limit: 1, windowMs: 60_000 })
		limiter.hit('k')
		expect(limiter.check('k').allowed).toBe(false)
		limiter.reset('k')
		expect(limiter.check('k').allowed).toBe(true)
	})

	test('waits are shown in whole minutes, at least one', () => {
		expect(minutesToWait(1)).toBe(1)
		expect(minutesToWait(60_000)).toBe(1)
		expect(minutesToWait(60_001)).toBe(2)
	})
})
