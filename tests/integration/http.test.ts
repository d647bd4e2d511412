import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loginCookie, signupCookie } from '#tests/helpers/http.ts'
import { runServerExpectingExit, startServer, type RunningServer } from '#tests/helpers/server.ts'
import { ROOT } from '#tests/setup/paths.ts'

let server: RunningServer
beforeAll(async () => {
	server = await startServer({ MERCHANT_EMAIL: 'boss@quanzi.test', MERCHANT_PASSWORD: 'boss password' })
})
afterAll(async () => {
	await server?.stop()
})

const form = (fields: Record<string, string>) => new URLSearchParams(fields)

describe('the server over real HTTP', () => {
	test('GET / answers 200 with the page and its security headers', async () => {
		const response = await fetch(`${server.url}/`)
		expect(response.status).toBe(200)
		expect(await response.text()).toContain('<html lang=')
		const csp = response.headers.get('content-security-policy') ?? ''
		expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
		expect(csp).toContain("frame-ancestors 'none'")
		expect(response.headers.get('x-content-type-options')).toBe('nosniff')
		expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
	})

	test('/healthz answers 200 while the database is reachable', async () => {
		const response = await fetch(`${server.url}/healthz`)
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ ok: true, database: 'reachable' })
	})

	test('hashed assets are cached for a year', async () => {
		const asset = readdirSync(path.join(ROOT, 'build/client/assets')).find((f) => f.endsWith('.js'))!
		const response = await fetch(`${server.url}/assets/${asset}`)
		expect(response.status).toBe(200)
		expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
	})

	test('an unknown URL gets the 404 page', async () => {
		const response = await fetch(`${server.url}/no/such/page`)
		expect(response.status).toBe(404)
		expect(await response.text()).toMatch(/页面不存在|Page not found/)
	})

	test('an oversized body gets 413 and is not read', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'x='.padEnd(2 * 1024 * 1024, 'a'),
		})
		expect(response.status).toBe(413)
		expect(await response.text()).toMatch(/Request too large/)
	})

	test('a forged cross-site POST is refused, and a POST without Origin too', async () => {
		const forged = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { Origin: 'http://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form({ email: 'boss@quanzi.test', password: 'boss password' }),
			redirect: 'manual',
		})
		expect(forged.status).toBe(403)
		expect(forged.headers.get('set-cookie')).toBeNull()
		const bare = await fetch(`${server.url}/logout`, { method: 'POST', redirect: 'manual' })
		expect(bare.status).toBe(403)
	})

	test('a malformed form gets field errors and keeps what was typed, minus the password', async () => {
		const response = await fetch(`${server.url}/signup`, {
			method: 'POST',
			headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
			body: form({ email: 'not-an-email', displayName: 'Kept Name', password: '123' }),
		})
		expect(response.status).toBe(400)
		const html = await response.text()
		expect(html).toContain('Kept Name')
		expect(html).toMatch(/请输入有效的邮箱地址|Enter an email address like/)
		expect(html).toMatch(/密码至少需要 8 个字符|Use at least 8 characters/)
		expect(html).not.toContain('value="123"')
	})

	test('roles are checked on the server: customer 403, visitor to login, merchant in', async () => {
		const visitor = await fetch(`${server.url}/console`, { redirect: 'manual' })
		expect(visitor.status).toBe(302)
		expect(visitor.headers.get('location')).toBe('/login?redirectTo=%2Fconsole')
		const customer = await signupCookie(server.url, `c-${Date.now()}@quanzi.test`)
		expect((await fetch(`${server.url}/console`, { headers: { Cookie: customer } })).status).toBe(403)
		const merchant = await loginCookie(server.url, 'boss@quanzi.test', 'boss password')
		const page = await fetch(`${server.url}/console`, { headers: { Cookie: merchant } })
		expect(page.status).toBe(200)
		expect(await page.text()).toContain('boss@quanzi.test')
	})

	test('the language follows Accept-Language, then the language cookie', async () => {
		const english = await (await fetch(`${server.url}/`, { headers: { 'Accept-Language': 'en-GB,en;q=0.9' } })).text()
		expect(english).toContain('<html lang="en"')
		const chinese = await (await fetch(`${server.url}/`, { headers: { 'Accept-Language': 'zh-CN' } })).text()
		expect(chinese).toContain('<html lang="zh-CN"')
		const chosen = await (await fetch(`${server.url}/`, { headers: { 'Accept-Language': 'en', Cookie: 'quanzi_lang=zh-CN' } })).text()
		expect(chosen).toContain('<html lang="zh-CN"')
	})
})

describe('configuration at boot', () => {
	test('a bad PORT stops the process with a message naming it', async () => {
		const { code, output } = await runServerExpectingExit({ PORT: 'eighty', DATABASE_URL: server.databaseUrl })
		expect(code).toBe(1)
		expect(output).toContain('PORT must be a whole number (got "eighty")')
	})
})
