import { request } from 'node:http'
import { describe, expect, test } from 'vitest'
import { startServer } from '#tests/helpers/server.ts'

describe('graceful shutdown', () => {
	test('SIGTERM lets an in-flight request finish, refuses new ones, and exits 0', async () => {
		const server = await startServer()
		// A request whose body is still arriving is in flight when the signal comes.
		const body = 'email=late%40quanzi.test&password=x'
		const inFlight = new Promise<number>((resolve, reject) => {
			const req = request(`${server.url}/login`, {
				method: 'POST',
				headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length },
			}, (res) => {
				res.resume()
				resolve(res.statusCode ?? 0)
			})
			req.on('error', reject)
			req.write(body.slice(0, 10))
			setTimeout(() => {
				server.process.kill('SIGTERM')
				setTimeout(() => req.end(body.slice(10)), 300)
			}, 200)
		})
		expect(await inFlight).toBe(400)
		expect(await server.stop()).toBe(0)
		expect(server.output()).toContain('"server:stopping"')
		expect(server.output()).toContain('"server:stopped"')
		await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
	})
})
