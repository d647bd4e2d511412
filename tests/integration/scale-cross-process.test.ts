import { randomUUID } from 'node:crypto'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { startSession } from '#app/domain/accounts/auth.server.ts'
import { hashPassword } from '#app/domain/accounts/password.server.ts'
import type { ChatMessage, LikeTotals, LiveSnapshot, PinView, RoomState } from '#app/domain/live/views.ts'
import { prisma } from '#app/lib/db.server.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'
import { onPostgres } from '#tests/setup/databases.ts'

// Two real app processes of one deployment on one database (this file's, so rooms and members are
// written directly): with one Redis (TEST_REDIS_URL), and on PostgreSQL also without one. Each
// socket talks to one process, as sticky sessions behind a load balancer make it; whatever one
// process does must reach the sockets on the other.
const TEST_REDIS_URL = process.env.TEST_REDIS_URL

/** This file's own Redis database, so its keys never meet another file's. */
function redisUrl(base: string): string {
	const url = new URL(base)
	url.pathname = '/2'
	return url.toString()
}

type Reply<T> = { data: T } | { error: string; params?: Record<string, string | number> }
type Member = { id: string; cookie: string; email: string }

const open: Socket[] = []
afterEach(() => {
	for (const s of open.splice(0)) s.disconnect()
})

/** Two processes of one deployment on this file's database (so the test writes rows directly); REDIS_URL '' is none. */
async function startPair(REDIS_URL: string): Promise<[RunningServer, RunningServer]> {
	const a = await startServer({ REDIS_URL }, { databaseUrl: process.env.DATABASE_URL })
	const b = await startServer({ REDIS_URL }, { databaseUrl: a.databaseUrl, dataDir: a.dataDir })
	return [a, b]
}
async function stopPair(...servers: (RunningServer | undefined)[]) {
	for (const s of open.splice(0)) s.disconnect()
	await Promise.all(servers.map((server) => server?.stop()))
}

async function member(role: 'customer' | 'merchant' = 'customer', password = 'not used here'): Promise<Member> {
	const email = `scale-${randomUUID()}@quanzi.test`
	const user = await prisma.user.create({
		data: { email, displayName: `Member ${email.slice(6, 10)}`, passwordHash: await hashPassword(password), role, createdAt: new Date(Date.now() - 60 * 86_400_000) },
		select: { id: true },
	})
	const { setCookie } = await startSession(user.id)
	return { id: user.id, cookie: setCookie.split(';')[0]!, email }
}

async function room(host: Member, status: 'live' | 'scheduled' = 'live') {
	const product = await prisma.product.create({ data: { name: 'Glazed tea cup', sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents: 12900 }, select: { id: true } })
	const created = await prisma.liveRoom.create({
		data: { title: 'Tea evening', hostId: host.id, streamUrl: '/demo/live/index.m3u8', startsAt: new Date(), status, startedAt: status === 'live' ? new Date() : null },
		select: { id: true },
	})
	return { roomId: created.id, productId: product.id }
}

async function socket(server: RunningServer, who?: Member): Promise<Socket> {
	const s = connect(server.url, { transports: ['websocket'], extraHeaders: { Origin: server.url, ...(who ? { Cookie: who.cookie } : {}) }, reconnection: false, forceNew: true })
	open.push(s)
	await new Promise<void>((resolve, reject) => {
		s.once('connect', () => resolve())
		s.once('connect_error', reject)
	})
	return s
}
const ask = <T>(s: Socket, event: string, payload: unknown) => s.timeout(10_000).emitWithAck(event, payload) as Promise<Reply<T>>
const data = <T>(reply: Reply<T>): T => {
	if ('error' in reply) throw new Error(`refused: ${reply.error}`)
	return reply.data
}
async function joined(server: RunningServer, who: Member | undefined, roomId: string) {
	const s = await socket(server, who)
	const snapshot = data(await ask<LiveSnapshot>(s, 'live:join', { roomId }))
	return { s, snapshot }
}
const next = <T>(s: Socket, event: string, until: (value: T) => boolean = () => true, ms = 8000) =>
	new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms)
		const handler = (value: T) => {
			if (!until(value)) return
			clearTimeout(timer)
			s.off(event, handler)
			resolve(value)
		}
		s.on(event, handler)
	})
/** A form POST to a room page, as the host's buttons send it. */
const roomAction = (server: RunningServer, who: Member, roomId: string, intent: 'golive' | 'end') =>
	fetch(`${server.url}/live/${roomId}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url, Cookie: who.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ intent }),
	})

/** Logs out on A: the session's tabs on A and on B are each told why, then closed by the server. */
async function logoutEndsTabsEverywhere(a: RunningServer, b: RunningServer) {
	const ana = await member()
	const tabs = [await socket(a, ana), await socket(b, ana)]
	const told = tabs.map((s) => new Promise<void>((resolve) => s.once('session:ended', () => resolve())))
	const closed = tabs.map((s) => new Promise<string>((resolve) => s.once('disconnect', resolve)))
	const response = await fetch(`${a.url}/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: ana.cookie, Origin: a.url } })
	expect(response.status).toBe(302)
	await Promise.all(told)
	expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect'])
}

describe.runIf(TEST_REDIS_URL)('two app processes sharing one database and one Redis', () => {
	let a: RunningServer
	let b: RunningServer
	beforeAll(async () => {
		;[a, b] = await startPair(redisUrl(TEST_REDIS_URL!))
	}, 120_000)
	afterAll(() => stopPair(a, b))

	test('a chat message sent on A arrives on B; one member\'s tabs on A and B share one flood limit', async () => {
		const host = await member('merchant')
		const [ana, ben] = [await member(), await member()]
		const { roomId } = await room(host)
		const onA = await joined(a, ana, roomId)
		const onB = await joined(b, ben, roomId)
		const arriving = next<ChatMessage>(onB.s, 'chat:message')
		const sent = data(await ask<ChatMessage>(onA.s, 'chat:send', { roomId, body: 'hello from A' }))
		expect(await arriving).toEqual(sent)

		const anaOnB = await joined(b, ana, roomId)
		data(await ask(anaOnB.s, 'chat:send', { roomId, body: 'and from B' }))
		expect(await ask(onA.s, 'chat:send', { roomId, body: 'third within a second' })).toEqual({ error: 'live.chat.flood', params: { seconds: 10 } })
		expect(await ask(anaOnB.s, 'chat:send', { roomId, body: 'paused here too' })).toMatchObject({ error: 'live.chat.flood' })
		data(await ask(onB.s, 'chat:send', { roomId, body: 'ben is not paused' }))
		expect(await prisma.liveMessage.count({ where: { roomId, userId: ana.id } })).toBe(2)
	})

	test('going live and a pin made on A reach the hub on B; likes tapped on both add up to the same totals everywhere', async () => {
		const host = await member('merchant')
		const [ana, ben] = [await member(), await member()]
		const { roomId, productId } = await room(host, 'scheduled')
		const h = await joined(a, host, roomId)
		const onA = await joined(a, ana, roomId)
		const onB = await joined(b, ben, roomId)
		// B's hub loaded the room while it was scheduled and had no pin.
		expect(await ask(onB.s, 'like:burst', { roomId, count: 1 })).toEqual({ error: 'live.notLive' })

		const liveOnB = next<RoomState>(onB.s, 'live:state', (s) => s.status === 'live')
		expect((await roomAction(a, host, roomId, 'golive')).status).toBeLessThan(400)
		await liveOnB
		const pinnedOnB = next<{ pins: PinView[] }>(onB.s, 'pin:update')
		data(await ask(h.s, 'pin:set', { roomId, productId, pinned: true }))
		expect((await pinnedOnB).pins.map((p) => p.productId)).toEqual([productId])

		const expected = { roomId, total: 15, products: { [productId]: 5 } }
		const seenOnA = next<LikeTotals>(onA.s, 'like:totals', (t) => t.total === 15)
		const seenOnB = next<LikeTotals>(onB.s, 'like:totals', (t) => t.total === 15)
		for (let i = 0; i < 5; i++) onA.s.emit('like:burst', { roomId, count: 2 })
		expect(data(await ask<{ accepted: number }>(onB.s, 'like:burst', { roomId, count: 5, productId }))).toEqual({ accepted: 5 })
		expect(await seenOnA).toEqual(expected)
		expect(await seenOnB).toEqual(expected)
		expect(await prisma.liveWant.findMany({ where: { roomId }, select: { userId: true, taps: true } })).toEqual([{ userId: ben.id, taps: 5 }])
		// A viewer joining on either process starts from the stored totals of both.
		expect((await joined(b, undefined, roomId)).snapshot.likes).toEqual(expected)

		const endedOnB = next<RoomState>(onB.s, 'live:state', (s) => s.status === 'ended')
		expect((await roomAction(a, host, roomId, 'end')).status).toBeLessThan(400)
		await endedOnB
		expect(await ask(onB.s, 'like:burst', { roomId, count: 1 })).toEqual({ error: 'live.notLive' })
	})

	test('a flash-sale claim on B is seen on A; members racing on both processes buy exactly the stock', async () => {
		const host = await member('merchant')
		const { roomId, productId } = await room(host)
		const h = await joined(a, host, roomId)
		data(await ask(h.s, 'pin:set', { roomId, productId, pinned: true }))
		const sale = data(await ask<{ id: string }>(h.s, 'sale:start', { roomId, productId, priceCents: 9900, stock: 15, perMember: 2, countdownSeconds: 0, durationMinutes: 5 }))
		const viewerOnA = await joined(a, undefined, roomId)

		const ben = await member()
		const onB = await joined(b, ben, roomId)
		const pushedToA = next<{ remaining: number }>(viewerOnA.s, 'sale:stock', (s) => s.remaining === 14)
		data(await ask(onB.s, 'sale:claim', { roomId, saleId: sale.id, quantity: 1, key: randomUUID() }))
		expect(await pushedToA).toEqual({ roomId, saleId: sale.id, remaining: 14 })

		// 24 members want 2 units each (48) of the 14 left: half of them on each process.
		const buyers = await Promise.all(Array.from({ length: 24 }, () => member()))
		const sockets = await Promise.all(buyers.map(async (m, i) => (await joined(i % 2 ? b : a, m, roomId)).s))
		const soldOutOnA = next<{ remaining: number }>(viewerOnA.s, 'sale:stock', (s) => s.remaining === 0)
		const soldOutOnB = next<{ remaining: number }>(onB.s, 'sale:stock', (s) => s.remaining === 0)
		const replies = await Promise.all(sockets.map((s) => ask<{ claimed: number }>(s, 'sale:claim', { roomId, saleId: sale.id, quantity: 2, key: randomUUID() })))
		expect(replies.filter((r) => 'data' in r)).toHaveLength(7)
		expect(new Set(replies.filter((r) => 'error' in r).map((r) => (r as { error: string }).error))).toEqual(new Set(['live.sale.soldOut']))
		await Promise.all([soldOutOnA, soldOutOnB])
		expect(await prisma.flashSale.findUnique({ where: { id: sale.id }, select: { remaining: true } })).toEqual({ remaining: 0 })
		expect(await prisma.flashTally.aggregate({ where: { saleId: sale.id }, _sum: { claimed: true } })).toMatchObject({ _sum: { claimed: 15 } })
		expect(await prisma.orderIntent.aggregate({ where: { source: 'flash', sourceId: sale.id }, _sum: { quantity: true } })).toMatchObject({ _sum: { quantity: 15 } })
	}, 60_000)

	test('both processes show the same viewer count, one per person across processes', async () => {
		const host = await member('merchant')
		const [ana, ben, cai] = [await member(), await member(), await member()]
		const { roomId } = await room(host)
		const watchA = await joined(a, host, roomId)
		const watchB = await joined(b, cai, roomId)
		const shown = { a: [] as number[], b: [] as number[] }
		watchA.s.on('presence:count', (p: { viewers: number }) => shown.a.push(p.viewers))
		watchB.s.on('presence:count', (p: { viewers: number }) => shown.b.push(p.viewers))
		await joined(a, ana, roomId)
		await joined(b, ana, roomId) // the same member in a second tab, served by the other process
		const benOnB = await joined(b, ben, roomId)
		await expect.poll(() => [shown.a.at(-1), shown.b.at(-1)], { timeout: 10_000 }).toEqual([4, 4])
		expect((await joined(a, ana, roomId)).snapshot.viewers).toBe(4)
		expect((await joined(b, ana, roomId)).snapshot.viewers).toBe(4)

		data(await ask(benOnB.s, 'live:leave', { roomId }))
		await expect.poll(() => [shown.a.at(-1), shown.b.at(-1)], { timeout: 10_000 }).toEqual([3, 3])
	})

	test('a login limit counts wrong passwords on every process', async () => {
		const ana = await member('customer', 'the right password')
		const from = `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250)).join('.')}`
		const login = (server: RunningServer, password: string) =>
			fetch(`${server.url}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { Origin: server.url, 'X-Forwarded-For': from, 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ email: ana.email, password, redirectTo: '/' }),
			})
		// Five wrong passwords, three on A and two on B: neither process alone has seen five.
		// (The page's action data carries the message key.)
		for (let i = 0; i < 5; i++) {
			const wrong = await login(i % 2 ? b : a, `wrong ${i}`)
			expect(wrong.status).not.toBe(302)
			expect(await wrong.text()).toContain('error.loginFailed')
		}
		const locked = await login(b, 'the right password')
		expect(locked.status).not.toBe(302)
		expect(await locked.text()).toContain('error.tooManyAttempts')
	})

	test('logging out on A ends that session\'s tabs on A and on B', () => logoutEndsTabsEverywhere(a, b))
})

// Without Redis, PostgreSQL's LISTEN/NOTIFY carries Socket.IO between the processes (the viewer
// count, the flood limit and rate limits then stay per process).
describe.runIf(onPostgres)('two app processes on PostgreSQL without Redis', () => {
	let a: RunningServer
	let b: RunningServer
	beforeAll(async () => {
		;[a, b] = await startPair('')
	}, 120_000)
	afterAll(() => stopPair(a, b))

	test('going live, a chat message, a pin and a flash-sale claim reach the other process', async () => {
		const host = await member('merchant')
		const [ana, ben] = [await member(), await member()]
		const { roomId, productId } = await room(host, 'scheduled')
		const h = await joined(a, host, roomId)
		const onA = await joined(a, ana, roomId)
		const onB = await joined(b, ben, roomId)
		expect(await ask(onB.s, 'like:burst', { roomId, count: 1 })).toEqual({ error: 'live.notLive' })
		const liveOnB = next<RoomState>(onB.s, 'live:state', (s) => s.status === 'live')
		expect((await roomAction(a, host, roomId, 'golive')).status).toBeLessThan(400)
		await liveOnB
		expect(data(await ask(onB.s, 'like:burst', { roomId, count: 1 }))).toEqual({ accepted: 1 })

		const arriving = next<ChatMessage>(onB.s, 'chat:message')
		const sent = data(await ask<ChatMessage>(onA.s, 'chat:send', { roomId, body: 'hello from A' }))
		expect(await arriving).toEqual(sent)

		const pinnedOnB = next<{ pins: PinView[] }>(onB.s, 'pin:update')
		data(await ask(h.s, 'pin:set', { roomId, productId, pinned: true }))
		expect((await pinnedOnB).pins.map((p) => p.productId)).toEqual([productId])
		const sale = data(await ask<{ id: string }>(h.s, 'sale:start', { roomId, productId, priceCents: 9900, stock: 5, perMember: 1, countdownSeconds: 0, durationMinutes: 5 }))
		const pushedToA = next<{ remaining: number }>(onA.s, 'sale:stock', (s) => s.remaining === 4)
		data(await ask(onB.s, 'sale:claim', { roomId, saleId: sale.id, quantity: 1, key: randomUUID() }))
		expect(await pushedToA).toEqual({ roomId, saleId: sale.id, remaining: 4 })
	})
	test('logging out on A ends that session\'s tabs on A and on B', () => logoutEndsTabsEverywhere(a, b))
})
