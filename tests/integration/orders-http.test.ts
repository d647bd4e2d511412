import { createHmac, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { loginCookie, signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'
import { TMP } from '#tests/setup/paths.ts'

// Orders through the real server: the shop's signed webhook (and every way a delivery is
// refused), the console's CSV preview and import over multipart as the merchant's browser
// posts it, a 50 MB upload refused while it streams, and a member claiming an order.

let server: RunningServer
let db: PrismaClient
let merchant: string
let customer: string
const dataDir = path.join(TMP, `orders-http-${randomUUID()}`)
const HEADER = 'order_id,placed_at,email,phone,claim_code,status,total,coupon,ref,items'

beforeAll(async () => {
	server = await startServer({ MERCHANT_EMAIL: 'boss@quanzi.test', MERCHANT_PASSWORD: 'boss password', DATA_DIR: dataDir })
	db = openDatabase(server.databaseUrl)
	merchant = await loginCookie(server.url, 'boss@quanzi.test', 'boss password')
	customer = await signupCookie(server.url, 'buyer@quanzi.test')
}, 120_000)
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
})

async function secret() {
	// The console makes the secret on first need, as a merchant opening the page would.
	expect((await fetch(`${server.url}/console/orders`, { headers: { Cookie: merchant } })).status).toBe(200)
	return (await db.setting.findUniqueOrThrow({ where: { key: 'orders.webhookSecret' }, select: { value: true } })).value
}

const sign = (key: string, timestamp: number, body: string) => `sha256=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`
const nowSeconds = () => Math.floor(Date.now() / 1000)

/** A delivery as a shop sends it: no cookie, no Origin, signed. */
function deliver(body: string, headers: Record<string, string>) {
	return fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', ...headers }, body })
}
const orderCount = () => db.shopOrder.count()

describe('the webhook', () => {
	test('a signed delivery imports its orders; a bad order is reported by id while the rest import', async () => {
		const key = await secret()
		const body = JSON.stringify({
			orders: [
				{ id: 'WH-1', placedAt: '2025-03-08T14:05:00+08:00', email: 'buyer@quanzi.test', totalCents: 12800, lines: [{ sku: 'TEA-01', quantity: 2, unitCents: 6400 }] },
				{ id: 'WH-2', placedAt: '2025-03-08 15:00', phone: '+86 138 0013 8999', status: 'paid', totalCents: 5900, coupon: 'SHOP-5', lines: [{ sku: 'CUP-02', quantity: 1, unitCents: 5900 }] },
				{ id: 'WH-3', placedAt: '2025-03-08', totalCents: -100, lines: [{ sku: 'TEA-01', quantity: 1, unitCents: 0 }] },
			],
		})
		const ts = nowSeconds()
		const response = await deliver(body, { 'X-Quanzi-Timestamp': String(ts), 'X-Quanzi-Signature': sign(key, ts, body) })
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({
			created: 2,
			updated: 0,
			unchanged: 0,
			errors: [{ id: 'WH-3', message: 'total -¥1.00 is negative. A total is 0 or more; record a refund with status refunded.' }],
		})
		const buyer = await db.user.findUniqueOrThrow({ where: { email: 'buyer@quanzi.test' }, select: { id: true } })
		expect(await db.shopOrder.findUnique({ where: { externalId: 'WH-1' }, select: { memberId: true, source: true, totalCents: true, placedAt: true } })).toEqual({
			memberId: buyer.id, source: 'webhook', totalCents: 12800, placedAt: new Date('2025-03-08T06:05:00Z'),
		})
		expect(await db.shopOrder.findUnique({ where: { externalId: 'WH-2' }, select: { phone: true, couponCode: true, claimCode: true } })).toMatchObject({ phone: '13800138999', couponCode: 'SHOP-5', claimCode: expect.stringMatching(/^[0-9A-Z]{10}$/) })

		// The same orders again, freshly signed: nothing changes.
		const ts2 = nowSeconds() + 1
		const again = await deliver(body, { 'X-Quanzi-Timestamp': String(ts2), 'X-Quanzi-Signature': sign(key, ts2, body) })
		expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 })

		// The very same delivery again is a replay.
		const count = await orderCount()
		const replay = await deliver(body, { 'X-Quanzi-Timestamp': String(ts), 'X-Quanzi-Signature': sign(key, ts, body) })
		expect(replay.status).toBe(409)
		expect(await replay.json()).toEqual({ error: 'replay', message: 'Replay: this delivery was accepted before. To send these orders again, sign them with a new timestamp.' })
		expect(await orderCount()).toBe(count)
	})

	test('a bad or missing signature, a stale timestamp and a malformed body are refused with what to fix, and nothing is saved', async () => {
		const key = await secret()
		const body = JSON.stringify({ orders: [{ id: 'WH-BAD', placedAt: '2025-03-08', totalCents: 100, lines: [{ sku: 'TEA-01', quantity: 1, unitCents: 100 }] }] })
		const before = await orderCount()
		const ts = nowSeconds()

		const forged = await deliver(body, { 'X-Quanzi-Timestamp': String(ts), 'X-Quanzi-Signature': sign('not the secret', ts, body) })
		expect(forged.status).toBe(401)
		expect((await forged.json()).message).toMatch(/^Bad signature: it does not match/)

		const tampered = await deliver(body.replace('100', '1'), { 'X-Quanzi-Timestamp': String(ts), 'X-Quanzi-Signature': sign(key, ts, body) })
		expect(tampered.status).toBe(401)

		const unsigned = await deliver(body, {})
		expect(unsigned.status).toBe(401)
		expect((await unsigned.json()).message).toContain('X-Quanzi-Signature: sha256=')

		const old = ts - 6 * 60
		const stale = await deliver(body, { 'X-Quanzi-Timestamp': String(old), 'X-Quanzi-Signature': sign(key, old, body) })
		expect(stale.status).toBe(401)
		expect(await stale.json()).toEqual({ error: 'stale timestamp', message: expect.stringMatching(/^Stale timestamp: it is more than 5 minutes from our clock/) })

		const malformed = JSON.stringify({ orders: [{ id: 'WH-BAD', placedAt: '2025-03-08', totalCents: '1.00', lines: [] }] })
		const bad = await deliver(malformed, { 'X-Quanzi-Timestamp': String(ts), 'X-Quanzi-Signature': sign(key, ts, malformed) })
		expect(bad.status).toBe(400)
		expect(await bad.json()).toEqual({ error: 'invalid body', path: 'orders.0.totalCents', message: 'Invalid body at orders.0.totalCents: Expected number, received string' })

		const notJson = 'orders=1'
		const form = await deliver(notJson, { 'X-Quanzi-Timestamp': String(ts), 'X-Quanzi-Signature': sign(key, ts, notJson) })
		expect(form.status).toBe(400)

		expect(await orderCount()).toBe(before)
		expect(await db.shopOrder.count({ where: { externalId: 'WH-BAD' } })).toBe(0)
	})

	test('opening the webhook address in a browser is a 405 that says what the address is for', async () => {
		for (const method of ['GET', 'PUT']) {
			const response = await fetch(`${server.url}/api/orders`, { method, headers: { 'Accept-Language': 'en' } })
			expect(response.status).toBe(405)
			expect(response.headers.get('allow')).toBe('POST')
			expect((await response.json()).message).toMatch(/signed POST/)
		}
	})

	test('only the webhook is exempt from the origin check: other writes without our Origin are still refused', async () => {
		const response = await fetch(`${server.url}/me/orders`, { method: 'POST', headers: { Cookie: customer, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'code=ABCDEFGHJK' })
		expect(response.status).toBe(403)
		const foreign = await fetch(`${server.url}/console/orders`, { method: 'POST', headers: { Cookie: merchant, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'intent=rotate' })
		expect(foreign.status).toBe(403)
	})
})

function upload(cookie: string, text: string, fileName = 'march.csv') {
	const form = new FormData()
	form.append('file', new Blob([text], { type: 'text/csv' }), fileName)
	return fetch(`${server.url}/console/orders`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url, 'Accept-Language': 'en' }, body: form })
}

function post(pathname: string, cookie: string, fields: Record<string, string>) {
	return fetch(server.url + pathname, {
		method: 'POST',
		redirect: 'manual',
		headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
		body: new URLSearchParams(fields),
	})
}

describe('the console import', () => {
	const file = [
		HEADER,
		'CSV-1,2025-03-08 14:05,buyer@quanzi.test,,,paid,128.00,,,TEA-01 x2 @64.00',
		'CSV-2,2025-03-08 15:00,someone@example.com,,,,59.00,,,CUP-02',
		'CSV-3,2025-03-08,,,,,-5.00,,,CUP-02',
		'CSV-1,2025-03-09,,,,,1.00,,,CUP-02',
	].join('\n')

	test('preview, then import, as the merchant: errors first, what will happen, and then what did', async () => {
		const preview = await upload(merchant, file)
		expect(preview.status).toBe(200)
		const html = await preview.text()
		expect(html).toContain('Preview of march.csv')
		expect(html).toContain('Import 2 orders')
		expect(html).toContain('total -5.00 is negative.')
		expect(html).toContain('Order CSV-1 appears twice: row 2 has it already.')
		expect(html).toContain('No member with this email or phone yet')
		// Errors are listed before the rest.
		expect(html.indexOf('appears twice')).toBeLessThan(html.indexOf('No member with this email'))
		expect(await db.shopOrder.count({ where: { externalId: { startsWith: 'CSV-' } } })).toBe(0)

		const sha256 = /name="sha256" value="([0-9a-f]{64})"/.exec(html)?.[1]
		expect(sha256).toBeTruthy()
		const imported = await post('/console/orders', merchant, { intent: 'import', sha256: sha256!, fileName: 'march.csv' })
		expect(imported.status).toBe(200)
		const result = await imported.text()
		expect(result).toContain('2 created, 0 updated, 0 unchanged, 2 skipped with errors.')
		expect(await db.shopOrder.count({ where: { externalId: { startsWith: 'CSV-' } } })).toBe(2)
		const record = await db.orderImport.findFirstOrThrow({ where: { sha256 }, select: { fileName: true, created: true, failed: true } })
		expect(record).toEqual({ fileName: 'march.csv', created: 2, failed: 2 })

		// The page lists the import and the orders; the unlinked one with its claim code.
		const page = await (await fetch(`${server.url}/console/orders`, { headers: { Cookie: merchant, 'Accept-Language': 'en' } })).text()
		const code = (await db.shopOrder.findUniqueOrThrow({ where: { externalId: 'CSV-2' }, select: { claimCode: true } })).claimCode!
		expect(page).toContain(`Claim code ${code}`)
		expect(page).toContain('march.csv')
	})

	test('a wrong header is one clear error, and nothing is kept', async () => {
		const response = await upload(merchant, 'id,date,amount\n1,2025-03-08,1.00\n', 'wrong.csv')
		expect(response.status).toBe(400)
		const html = await response.text()
		expect(html).toContain('The header (first row) is missing these columns: order_id, placed_at, total, items.')
		expect(html).toContain(HEADER)
	})

	test('a customer gets 403 on the page, the upload, the import and the example file', async () => {
		expect((await fetch(`${server.url}/console/orders`, { headers: { Cookie: customer } })).status).toBe(403)
		expect((await upload(customer, file)).status).toBe(403)
		expect((await post('/console/orders', customer, { intent: 'rotate' })).status).toBe(403)
		expect((await fetch(`${server.url}/console/orders/example.csv`, { headers: { Cookie: customer } })).status).toBe(403)
		const example = await fetch(`${server.url}/console/orders/example.csv`, { headers: { Cookie: merchant } })
		expect(example.status).toBe(200)
		expect(example.headers.get('content-type')).toContain('text/csv')
		expect((await example.text()).replace('\ufeff', '').split('\r\n')[0]).toBe(HEADER)
	})

	test('rotating the secret refuses deliveries signed with the old one', async () => {
		const old = await secret()
		expect((await post('/console/orders', merchant, { intent: 'rotate' })).status).toBe(302)
		const body = JSON.stringify({ orders: [{ id: 'WH-ROT', placedAt: '2025-03-08', totalCents: 100, lines: [{ sku: 'T', quantity: 1, unitCents: 100 }] }] })
		const ts = nowSeconds()
		expect((await deliver(body, { 'X-Quanzi-Timestamp': String(ts), 'X-Quanzi-Signature': sign(old, ts, body) })).status).toBe(401)
		const fresh = await secret()
		expect(fresh).not.toBe(old)
		expect((await deliver(body, { 'X-Quanzi-Timestamp': String(ts), 'X-Quanzi-Signature': sign(fresh, ts, body) })).status).toBe(200)
	})
})

/**
 * A 50 MB file posted as a browser does (with Content-Length), written in 1 MB pieces as the
 * server takes them: the server must answer with the size and the limit without keeping it.
 */
function uploadHuge(cookie: string, fileBytes: number): Promise<{ status: number; body: string }> {
	const boundary = 'quanzi-huge'
	const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="year.csv"\r\nContent-Type: text/csv\r\n\r\n`)
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
	const url = new URL('/console/orders', server.url)
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				method: 'POST',
				headers: { Cookie: cookie, Origin: server.url, 'Accept-Language': 'en', 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + fileBytes + tail.length },
			},
			(res) => {
				let body = ''
				res.setEncoding('utf8')
				res.on('data', (d: string) => (body += d))
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
			},
		)
		req.on('error', reject)
		const piece = Buffer.alloc(1024 * 1024, 'A')
		let sent = 0
		const write = () => {
			if (sent === 0) req.write(head)
			while (sent < fileBytes) {
				const n = Math.min(piece.length, fileBytes - sent)
				sent += n
				if (!req.write(n === piece.length ? piece : piece.subarray(0, n))) return void req.once('drain', write)
			}
			req.end(tail)
		}
		write()
	})
}

/** A process's resident memory now, in MB (VmRSS in Linux's /proc). */
function residentMb(pid: number): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
	return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) / 1024
}

describe('limits over HTTP', () => {
	test('a 50 MB upload is refused with its size and the limit, never held in memory, and nothing of it is kept', async () => {
		const pid = server.process.pid!
		const before = residentMb(pid)
		let peak = before
		const sampler = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 10)
		const response = await uploadHuge(merchant, 50 * 1024 * 1024)
		clearInterval(sampler)
		expect(response.status).toBe(400)
		// The server's memory, sampled while the file arrived, never grew by anything like its size: it streamed.
		expect(peak - before).toBeLessThan(35)
		expect(response.body).toContain('This file is 50.0 MB; one import takes at most 10 MB. Split it into smaller files and import them one by one.')
		// No partial upload left behind, and no kept file anywhere near the limit.
		const kept = path.join(dataDir, 'imports')
		const files = existsSync(kept) ? readdirSync(kept) : []
		expect(files.filter((f) => !f.endsWith('.csv'))).toEqual([])
		for (const f of files) expect(statSync(path.join(kept, f)).size).toBeLessThan(1024 * 1024)
	})
})

describe('claiming an order over HTTP', () => {
	test('a member claims an order by its code; a wrong code is explained next to the field with the input kept', async () => {
		const code = (await db.shopOrder.findUniqueOrThrow({ where: { externalId: 'CSV-2' }, select: { claimCode: true } })).claimCode!
		const wrong = await post('/me/orders', customer, { code: 'NOPE-NOPE' })
		expect(wrong.status).toBe(400)
		const html = await wrong.text()
		expect(html).toContain('No order has this code. Check it against your receipt')
		expect(html).toMatch(/name="code"[^>]*value="NOPE-NOPE"/)

		const claimed = await post('/me/orders', customer, { code: code.toLowerCase() })
		expect(claimed.status).toBe(302)
		expect(claimed.headers.get('location')).toBe('/me/orders?claimed=CSV-2')
		const buyer = await db.user.findUniqueOrThrow({ where: { email: 'buyer@quanzi.test' }, select: { id: true } })
		expect((await db.shopOrder.findUniqueOrThrow({ where: { externalId: 'CSV-2' }, select: { memberId: true } })).memberId).toBe(buyer.id)

		const page = await (await fetch(`${server.url}/me/orders?claimed=CSV-2`, { headers: { Cookie: customer, 'Accept-Language': 'en' } })).text()
		expect(page).toContain('Order CSV-2 is now on your account.')
		expect(page).toContain('Order CSV-1')
		expect(page).toContain('Order WH-1')
	})
})
