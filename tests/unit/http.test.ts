import { describe, expect, test } from 'vitest'
import { safeRedirectPath } from '#app/lib/http.ts'

describe('safeRedirectPath', () => {
	test.each([
		['/console', '/console'],
		['/me/points?cursor=abc#top', '/me/points?cursor=abc#top'],
		['//evil.example/', '/'],
		['/\\evil.example', '/'],
		['/\t/evil.example/', '/'],
		['/\n/evil.example', '/'],
		['https://evil.example/', '/'],
		['javascript:alert(1)', '/'],
		['', '/'],
		[null, '/'],
	])('%j goes to %j', (input, expected) => {
		expect(safeRedirectPath(input)).toBe(expected)
	})
})
