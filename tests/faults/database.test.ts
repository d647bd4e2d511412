import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'
import { onPostgres, TEST_POSTGRES } from '#tests/setup/databases.ts'

// The database is busy or gone while the server runs: requests get 503 with Retry-After and a
// short "try again" answer (never a 500 with a stack), /healthz says so, and once the database is
// back the same process serves again. On SQLite another connection holds the write lock longer
// than the app's busy timeout (5 s); on PostgreSQL the database refuses connections and the
// app's are terminated.
// NOTE: on SQLite each write that meets the lock blocks the process for the busy timeout, and the
// background jobs keep trying theirs, so the answers under the lock take tens of seconds.

let server: RunningServer
const EMAIL = 'busy@quanzi.test'
const PASSWORD = 'long enough password'

beforeAll(async () => {
	server = await startServer()
	await signupCookie(server.url, EMAIL, PASSWORD)
})
afterAll(async () => {
	await server?.stop()
})

/** Makes the database unavailable to the server; the returned function brings it back. */
async function takeDatabaseAway(databaseUrl: string): Promise<() => Promise<void>> {
	if (!onPostgres) {
		const other = new Database(databaseUrl.replace(/^file:/, ''))
		other.exec('BEGIN IMMEDIATE')
		return async () => {
			other.exec('ROLLBACK')
			other.close()
		}
	}
	const name = new URL(databaseUrl).pathname.slice(1)
	const admin = new pg.Client({ connectionString: `${TEST_POSTGRES}/postgres` })
	await admin.connect()
	await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`)
	// Every connection of the app, the live layer's LISTEN one too: the process must outlive losing them.
	await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name])
	return async () => {
		await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`)
		await admin.end()
	}
}

const login = () =>
	fetch(`${server.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
		body: new URLSearchParams({ email: EMAIL, password: PASSWORD, redirectTo: '/' }),
	})

/** Expects the 503 answer: Retry-After, no stack, the message that says to try again shortly. */
async function expectTryAgain(response: Response, kind: 'page' | 'json') {
	expect(response.status).toBe(503)
	expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
	const body = await response.text()
	expect(body).not.toMatch(/at .+\.(ts|js):\d+|Prisma|SQLITE|stack/i)
	expect(body).toContain('Try again in 5 seconds')
	if (kind === 'json') expect(JSON.parse(body)).toMatchObject({ ok: false, database: 'unavailable', retryAfterSeconds: 5 })
	else expect(response.headers.get('content-type')).toMatch(/text\/html/)
}

describe('the database busy or gone', () => {
	test('requests get 503 with a retry hint, /healthz says so, and the same process recovers', { timeout: 150_000 }, async () => {
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
		const bringBack = await takeDatabaseAway(server.databaseUrl)
		try {
			// The health check answers at once, in the asker's language.
			const health = await fetch(`${server.url}/healthz`, { headers: { 'Accept-Language': 'zh-CN' } })
			expect(health.status).toBe(503)
			expect(Number(health.headers.get('retry-after'))).toBe(5)
			expect(await health.json()).toMatchObject({ ok: false, database: 'unavailable', message: expect.stringContaining('5 秒后再试') })

			// Logging in writes a session: it waits out the busy timeout, then answers 503.
			await expectTryAgain(await login(), 'page')
			// The same action asked for data, as the page's own script asks for it.
			const data = await fetch(`${server.url}/login.data`, {
				method: 'POST',
				headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
				body: new URLSearchParams({ email: EMAIL, password: PASSWORD, redirectTo: '/' }),
			})
			// Asked while the first failure is known: 503 without waiting out the busy timeout again.
			await expectTryAgain(data, 'json')
		} finally {
			await bringBack()
		}

		// Back without a restart: the health check, a login and a page all succeed.
		await expect.poll(async () => (await fetch(`${server.url}/healthz`)).status, { timeout: 20_000, interval: 250 }).toBe(200)
		const response = await login()
		expect(response.status).toBe(302)
		const page = await fetch(`${server.url}/`, { headers: { Cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') } })
		expect(page.status).toBe(200)
		expect(server.process.exitCode).toBeNull()
		// One log line for the whole burst, not a stack per request.
		expect(server.output().match(/"database:unavailable"/g)?.length).toBe(1)
		expect(server.output()).not.toContain('"request:failed"')
	})
})
