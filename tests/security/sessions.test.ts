import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { loginCookie, signupCookie } from '#tests/helpers/http.ts'
import { startServer } from '#tests/helpers/server.ts'
import { serverForSuite } from '#tests/helpers/suite.ts'

// Sessions over real HTTP (issue 11): a session id planted before login is never the one the
// member gets, logout and a password change end sessions for good, and the cookie carries the
// attributes that keep it from scripts, other sites and plain HTTP. That logout also closes the
// session's open sockets is tested in tests/integration/socket.test.ts ("logout ends…").

const suite = serverForSuite()
const PASSWORD = 'long enough password'


let n = 0
const newEmail = () => `session-${++n}-${Date.now()}@quanzi.test`
const tokenOf = (cookie: string) => cookie.split('=')[1]!
/** Whose session a cookie is, read from the database (rows are keyed by the token's SHA-256). */
async function ownerOf(cookie: string): Promise<string | null> {
	const row = await suite.db.session.findUnique({ where: { id: createHash('sha256').update(tokenOf(cookie)).digest('hex') }, select: { userId: true } })
	return row?.userId ?? null
}
const userId = async (email: string) => (await suite.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
/** Whether the cookie signs its holder in: /me answers the page, not a redirect to the login. */
async function signedIn(cookie: string): Promise<boolean> {
	const response = await fetch(`${suite.server.url}/me`, { headers: { Cookie: cookie }, redirect: 'manual' })
	if (response.status === 200) return true
	expect(response.status).toBe(302)
	expect(response.headers.get('location')).toMatch(/^\/login\?/)
	return false
}

function login(email: string, password: string, cookie?: string) {
	return fetch(`${suite.server.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: suite.server.url, 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
		body: new URLSearchParams({ email, password, redirectTo: '/' }),
	})
}
// NOTE: the last one: a login that came with a stale cookie first blanks it, then sets the new one.
const sessionCookieOf = (response: Response) =>
	response.headers
		.getSetCookie()
		.filter((c) => c.startsWith('quanzi_session='))
		.at(-1)

describe('fixation', () => {
	test('a made-up session id sent with the login is replaced by a new one, and stays worthless', async () => {
		const email = newEmail()
		await signupCookie(suite.server.url, email, PASSWORD)
		const planted = `quanzi_session=${'a'.repeat(40)}`
		const response = await login(email, PASSWORD, planted)
		expect(response.status).toBe(302)
		const issued = sessionCookieOf(response)!.split(';')[0]!
		expect(tokenOf(issued)).not.toBe(tokenOf(planted))
		// The made-up id was blanked before the new one was set.
		expect(response.headers.getSetCookie().find((c) => c.startsWith('quanzi_session='))).toMatch(/^quanzi_session=;/)
		expect(await ownerOf(issued)).toBe(await userId(email))
		expect(await ownerOf(planted)).toBeNull()
		expect(await signedIn(planted)).toBe(false)
	})

	test("another member's valid session planted in the browser: logging in gives a new id, and the planted one stays the other member's", async () => {
		const attacker = newEmail()
		const victim = newEmail()
		const planted = await signupCookie(suite.server.url, attacker, PASSWORD)
		await signupCookie(suite.server.url, victim, PASSWORD)
		const response = await login(victim, PASSWORD, planted)
		expect(response.status).toBe(302)
		const issued = sessionCookieOf(response)!.split(';')[0]!
		expect(tokenOf(issued)).not.toBe(tokenOf(planted))
		// The victim's session is theirs alone; the attacker's id never became the victim's.
		expect(await ownerOf(issued)).toBe(await userId(victim))
		expect(await ownerOf(planted)).toBe(await userId(attacker))
	})
})

describe('ending sessions', () => {
	test('logout ends the session: the cookie is blanked, its row is gone, and sending it again signs nobody in', async () => {
		const email = newEmail()
		const cookie = await signupCookie(suite.server.url, email, PASSWORD)
		const other = await loginCookie(suite.server.url, email, PASSWORD)
		expect(await signedIn(cookie)).toBe(true)
		const response = await fetch(`${suite.server.url}/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: suite.server.url } })
		expect(response.status).toBe(302)
		expect(sessionCookieOf(response)).toMatch(/^quanzi_session=;.*Max-Age=0/i)
		expect(await ownerOf(cookie)).toBeNull()
		expect(await signedIn(cookie)).toBe(false)
		// Logging out here leaves the member's other device signed in.
		expect(await signedIn(other)).toBe(true)
	})

	test('a logout posted from another site is refused and ends nothing', async () => {
		const cookie = await signupCookie(suite.server.url, newEmail(), PASSWORD)
		const response = await fetch(`${suite.server.url}/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: 'https://evil.example' } })
		expect(response.status).toBe(403)
		expect(await signedIn(cookie)).toBe(true)
	})

	test('a password change ends every other session of the member, keeps this one, and only the new password logs in', async () => {
		const email = newEmail()
		const here = await signupCookie(suite.server.url, email, PASSWORD)
		const [phone, laptop] = [await loginCookie(suite.server.url, email, PASSWORD), await loginCookie(suite.server.url, email, PASSWORD)]
		const bystander = await signupCookie(suite.server.url, newEmail(), PASSWORD)
		const response = await fetch(`${suite.server.url}/me/password`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Cookie: here, Origin: suite.server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }),
		})
		expect(response.status).toBeLessThan(400)
		expect(await signedIn(here)).toBe(true)
		expect(await signedIn(phone)).toBe(false)
		expect(await signedIn(laptop)).toBe(false)
		expect(await suite.db.session.count({ where: { userId: await userId(email) } })).toBe(1)
		expect(await signedIn(bystander)).toBe(true)
		expect((await login(email, PASSWORD)).status).toBe(400)
		expect((await login(email, 'a brand new passphrase')).status).toBe(302)
	})
})

describe('the session cookie', () => {
	test('over HTTP: HttpOnly, SameSite=Lax, Path=/, an expiry, and not Secure (a browser would drop it)', async () => {
		const email = newEmail()
		await signupCookie(suite.server.url, email, PASSWORD)
		const cookie = sessionCookieOf(await login(email, PASSWORD))!
		const attributes = cookie.split(';').map((a) => a.trim().toLowerCase())
		expect(attributes).toContain('httponly')
		expect(attributes).toContain('samesite=lax')
		expect(attributes).toContain('path=/')
		expect(attributes.some((a) => a.startsWith('expires=') || a.startsWith('max-age='))).toBe(true)
		expect(attributes).not.toContain('secure')
	})

	test('behind HTTPS (PUBLIC_URL https://…, the proxy saying so): Secure as well, and HSTS', async () => {
		const publicUrl = 'https://circle.quanzi.test'
		const https = await startServer({ PUBLIC_URL: publicUrl })
		try {
			const email = newEmail()
			// As the TLS proxy forwards a browser's request: the public host and scheme in X-Forwarded-*.
			const headers = { Origin: publicUrl, 'X-Forwarded-Host': new URL(publicUrl).host, 'X-Forwarded-Proto': 'https', 'Content-Type': 'application/x-www-form-urlencoded' }
			const signup = await fetch(`${https.url}/signup`, { method: 'POST', redirect: 'manual', headers, body: new URLSearchParams({ email, password: PASSWORD, displayName: 'Tester', redirectTo: '/' }) })
			expect(signup.status).toBe(302)
			const response = await fetch(`${https.url}/login`, { method: 'POST', redirect: 'manual', headers, body: new URLSearchParams({ email, password: PASSWORD, redirectTo: '/' }) })
			expect(response.status).toBe(302)
			const attributes = sessionCookieOf(response)!.split(';').map((a) => a.trim().toLowerCase())
			expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'secure']))
			expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
			// The blank cookie of a logout carries them too, or the browser would keep the old one.
			const cookie = sessionCookieOf(response)!.split(';')[0]!
			const logout = await fetch(`${https.url}/logout`, { method: 'POST', redirect: 'manual', headers: { ...headers, Cookie: cookie } })
			expect(sessionCookieOf(logout)!.toLowerCase()).toMatch(/secure/)
		} finally {
			await https.stop()
		}
	}, 120_000)
})
