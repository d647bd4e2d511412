import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runServerExpectingExit, startServer, type RunningServer } from '#tests/helpers/server.ts'

let server: RunningServer
beforeAll(async () => {
	server = await startServer({ LIVE_STREAM_ORIGINS: 'https://stream.example.net,https://cdn.example.org:8443/' })
})
afterAll(async () => {
	await server?.stop()
})

describe('LIVE_STREAM_ORIGINS on the real server', () => {
	test('pages let video and hls.js reach the configured streaming services', async () => {
		const response = await fetch(`${server.url}/favicon.svg`)
		const csp = response.headers.get('content-security-policy') ?? ''
		expect(csp).toContain("media-src 'self' blob: https://stream.example.net https://cdn.example.org:8443;")
		expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} wss://127.0.0.1:${server.port} https://stream.example.net https://cdn.example.org:8443;`)
	})

	test('a bad value stops the server with a message naming the variable', async () => {
		const { code, output } = await runServerExpectingExit({ LIVE_STREAM_ORIGINS: 'stream.example.net', DATABASE_URL: server.databaseUrl })
		expect(code).toBe(1)
		expect(output).toMatch(/LIVE_STREAM_ORIGINS must be a comma-separated list of http\(s\) origins such as https:\/\/stream\.example\.net; "stream\.example\.net" is not one/)
	})
})
