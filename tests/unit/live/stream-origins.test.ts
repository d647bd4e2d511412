import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import express from 'express'
import { describe, expect, test } from 'vitest'
import { ConfigError, parseEnv } from '#app/lib/env.server.ts'
import { securityHeaders } from '#app/server/middleware.server.ts'

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'quanzi-env-'))
const originsOf = (value?: string) => parseEnv({ DATA_DIR: dataDir(), LIVE_STREAM_ORIGINS: value }).LIVE_STREAM_ORIGINS

/** The CSP a real Express app with securityHeaders sends for a page. */
async function cspFor(options: Parameters<typeof securityHeaders>[0]): Promise<Map<string, string>> {
	const app = express().use(securityHeaders(options)).get('/', (_req, res) => res.send('ok'))
	const server = app.listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	try {
		const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
		const csp = response.headers.get('content-security-policy') ?? ''
		return new Map(csp.split('; ').map((directive) => [directive.split(' ')[0]!, directive]))
	} finally {
		server.close()
	}
}

describe('LIVE_STREAM_ORIGINS', () => {
	test('is empty by default, and when set to nothing', () => {
		expect(originsOf()).toEqual([])
		expect(originsOf('')).toEqual([])
		expect(originsOf(' , ')).toEqual([])
	})

	test('a comma-separated list becomes origins, trimmed, lower-cased, without a trailing slash', () => {
		expect(originsOf(' https://Stream.Example.net/ ,http://10.0.0.5:8080')).toEqual(['https://stream.example.net', 'http://10.0.0.5:8080'])
	})

	test.each([
		['a bare host', 'stream.example.net'],
		['another scheme', 'ftp://stream.example.net'],
		['a path', 'https://stream.example.net/live'],
		['a query', 'https://stream.example.net?x=1'],
		['credentials', 'https://user:pw@stream.example.net'],
		['a character that would end the CSP directive', 'https://a;b.example'],
		['one bad item among good ones', 'https://stream.example.net, nope'],
	])('refuses %s with a message naming the variable', (_case, value) => {
		expect(() => originsOf(value)).toThrowError(ConfigError)
		expect(() => originsOf(value)).toThrowError(/LIVE_STREAM_ORIGINS must be a comma-separated list of http\(s\) origins/)
	})
})

describe('the Content-Security-Policy for streams', () => {
	test('media and connections may reach the configured origins, and still self and blob:', async () => {
		const origins = originsOf('https://stream.example.net, https://cdn.example.org:8443')
		const csp = await cspFor({ dev: false, https: true, streamOrigins: origins })
		expect(csp.get('media-src')).toBe("media-src 'self' blob: https://stream.example.net https://cdn.example.org:8443")
		expect(csp.get('connect-src')).toMatch(/^connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+ https:\/\/stream\.example\.net https:\/\/cdn\.example\.org:8443$/)
		expect(csp.get('default-src')).toBe("default-src 'self'")
		// The player runs hls.js without a worker, so no blob: scripts are let in.
		expect(csp.has('worker-src')).toBe(false)
		expect(csp.get('script-src')).not.toContain('blob:')
	})

	test('without configured origins, video comes from this site only', async () => {
		const csp = await cspFor({ dev: false, https: false, streamOrigins: [] })
		expect(csp.get('media-src')).toBe("media-src 'self' blob:")
		expect(csp.get('connect-src')).toMatch(/^connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+$/)
	})
})
