import { randomUUID } from 'node:crypto'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { startSession } from '#app/domain/accounts/auth.server.ts'
import type { ChatMessage, LikeTotals, LiveSnapshot, PinView } from '#app/domain/live/views.ts'
import { prisma } from '#app/lib/db.server.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// The real server process on a free port, sharing this file's SQLite database, so rooms and
// members are written directly and every event goes through real Socket.IO clients.
let server: RunningServer
const open: Socket[] = []
beforeAll(async () => {
	server = await startServer({ DATABASE_URL: process.env.DATABASE_URL!, LIVE_WATCH_MINUTES: '0.05' })
}, 90_000)
afterEach(() => {
	for (const s of open.splice(0)) s.disconnect()
})
afterAll(async () => {
	for (const s of open.splice(0)) s.disconnect()
	await server?.stop()
})

type Reply<T> = { data: T } | { error: string; params?: Record<string, string | number> }
type Member = { id: string; cookie: string; name: string }

async function member(role: 'customer' | 'merchant' = 'customer', name = `Member ${randomUUID().slice(0, 4)}`): Promise<Member> {
	const user = await prisma.user.create({
		data: { email: `live-${randomUUID()}@quanzi.test`, displayName: name, passwordHash: 'not used here', role, createdAt: new Date(Date.now() - 60 * 86_400_000) },
		select: { id: true },
	})
	const { setCookie } = await startSession(user.id)
	return { id: user.id, cookie: setCookie.split(';')[0]!, name }
}

async function room(host: Member, status: 'live' | 'scheduled' = 'live') {
	const product = await prisma.product.create({ data: { name: 'Glazed tea cup', sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents: 12900 }, select: { id: true } })
	const created = await prisma.liveRoom.create({
		data: { title: 'Tea evening', hostId: host.id, streamUrl: '/demo/live/index.m3u8', startsAt: new Date(), status, startedAt: status === 'live' ? new Date() : null },
		select: { id: true },
	})
	return { roomId: created.id, productId: product.id }
}

async function socket(who?: Member, options: { reconnection?: boolean } = {}): Promise<Socket> {
	const s = connect(server.url, {
		transports: ['websocket'],
		extraHeaders: { Origin: server.url, ...(who ? { Cookie: who.cookie } : {}) },
		reconnection: options.reconnection ?? false,
		forceNew: true,
	})
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
async function joined(who: Member | undefined, roomId: string, afterId?: number) {
	const s = await socket(who)
	const snapshot = data(await ask<LiveSnapshot>(s, 'live:join', { roomId, afterId }))
	return { s, snapshot }
}
/** A live room with its host and two members, all three in the room. */
async function hostAndTwo() {
	const host = await member('merchant')
	const [ana, ben] = [await member(), await member()]
	const { roomId, productId } = await room(host)
	const [h, a, b] = [await joined(host, roomId), await joined(ana, roomId), await joined(ben, roomId)]
	return { host, ana, ben, roomId, productId, h, a, b }
}
const next = <T>(s: Socket, event: string, until: (value: T) => boolean = () => true, ms = 5000) =>
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
const silence = (s: Socket, event: string, ms = 600) =>
	new Promise<number>((resolve) => {
		let got = 0
		const handler = () => got++
		s.on(event, handler)
		setTimeout(() => (s.off(event, handler), resolve(got)), ms)
	})

describe('live room chat over real sockets', () => {
	test('joining replays the last 50 messages in order; visitors read but must sign in to write', async () => {
		const host = await member('merchant')
		const { roomId } = await room(host)
		await prisma.liveMessage.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ roomId, userId: host.id, body: `message ${i + 1}` })) })
		const { s: visitor, snapshot } = await joined(undefined, roomId)
		expect(snapshot.messages).toHaveLength(50)
		expect(snapshot.messages[0]!.body).toBe('message 11')
		expect(snapshot.messages.at(-1)).toMatchObject({ body: 'message 60', badge: 'host', author: host.name })
		expect(snapshot.you).toMatchObject({ userId: null, canModerate: false, chatBlocked: 'live.chat.signIn' })
		expect(await ask(visitor, 'chat:send', { roomId, body: 'hello' })).toEqual({ error: 'live.chat.signIn' })
	})

	test('a message reaches everyone as typed text (emoji kept, markup not interpreted); 501 characters are refused', async () => {
		const { roomId, a, b } = await hostAndTwo()
		const arriving = next<ChatMessage>(b.s, 'chat:message')
		const sent = data(await ask<ChatMessage>(a.s, 'chat:send', { roomId, body: '  <b>so pretty</b>\n🍵 <img src=x onerror=alert(1)>  ' }))
		expect(sent.body).toBe('<b>so pretty</b> 🍵 <img src=x onerror=alert(1)>')
		expect(await arriving).toEqual(sent)
		expect(await ask(a.s, 'chat:send', { roomId, body: 'x'.repeat(501) })).toEqual({ error: 'live.chat.tooLong', params: { max: 500 } })
		expect(await ask(a.s, 'chat:send', { roomId, body: '   ' })).toEqual({ error: 'live.chat.empty' })
		const stored = await prisma.liveMessage.findMany({ where: { roomId }, select: { body: true } })
		expect(stored).toEqual([{ body: sent.body }])
	})

	test('the flood limit: a third message within a second pauses that member for 10 seconds, nobody else', async () => {
		const { ana, roomId, a, b } = await hostAndTwo()
		data(await ask(a.s, 'chat:send', { roomId, body: 'one' }))
		data(await ask(a.s, 'chat:send', { roomId, body: 'two' }))
		expect(await ask(a.s, 'chat:send', { roomId, body: 'three' })).toEqual({ error: 'live.chat.flood', params: { seconds: 10 } })
		expect(await ask(a.s, 'chat:send', { roomId, body: 'four' })).toMatchObject({ error: 'live.chat.flood' })
		data(await ask(b.s, 'chat:send', { roomId, body: 'ben is fine' }))
		expect(await prisma.liveMessage.count({ where: { roomId, userId: ana.id } })).toBe(2)
	})

	test('slow mode: the host sets it, a member waits between messages, the host does not; a member cannot set it', async () => {
		const host = await member('merchant')
		const ana = await member()
		const { roomId } = await room(host)
		const h = await joined(host, roomId)
		const a = await joined(ana, roomId)
		expect(await ask(a.s, 'room:settings', { roomId, slowModeSeconds: 10 })).toMatchObject({ error: 'live.notModerator' })
		const state = next(a.s, 'live:state')
		expect(data(await ask(h.s, 'room:settings', { roomId, slowModeSeconds: 10 }))).toMatchObject({ slowModeSeconds: 10 })
		expect(await state).toMatchObject({ roomId, slowModeSeconds: 10 })
		data(await ask(a.s, 'chat:send', { roomId, body: 'first' }))
		const refused = await ask(a.s, 'chat:send', { roomId, body: 'second' })
		expect(refused).toMatchObject({ error: 'live.chat.slowMode' })
		expect(Number((refused as { params?: { seconds?: number } }).params?.seconds)).toBeGreaterThan(5)
		data(await ask(h.s, 'chat:send', { roomId, body: 'host one' }))
		data(await ask(h.s, 'chat:send', { roomId, body: 'host two' }))
		expect(await ask(h.s, 'room:settings', { roomId, slowModeSeconds: 7 })).toMatchObject({ error: 'live.mod.slowModeChoices' })
	})

	test('members-only chat: a week-old account or a buyer may write, a brand-new account may watch but not write', async () => {
		const { roomId, h, a } = await hostAndTwo()
		const fresh = await member()
		await prisma.user.update({ where: { id: fresh.id }, data: { createdAt: new Date() } })
		const f = await joined(fresh, roomId)
		data(await ask(h.s, 'room:settings', { roomId, membersOnly: true }))
		expect(await ask(f.s, 'chat:send', { roomId, body: 'hi, I just joined' })).toEqual({ error: 'live.chat.membersOnly', params: { days: 7 } })
		data(await ask(a.s, 'chat:send', { roomId, body: 'established member here' }))
		await prisma.shopOrder.create({ data: { memberId: fresh.id, externalId: `o-${randomUUID()}`, totalCents: 5000, placedAt: new Date() } })
		data(await ask(f.s, 'chat:send', { roomId, body: 'now I have an order' }))
	})

	test('mute: the member is told and cannot chat until the time passes; others still can', async () => {
		const { host, ana, roomId, h, a, b } = await hostAndTwo()
		expect(await ask(b.s, 'mod:mute', { roomId, userId: ana.id, minutes: 5 })).toMatchObject({ error: 'live.notModerator' })
		const told = next<{ kind: string; until: string }>(a.s, 'live:restricted')
		const { until } = data(await ask<{ until: string }>(h.s, 'mod:mute', { roomId, userId: ana.id, minutes: 5 }))
		expect(await told).toEqual({ roomId, kind: 'mute', until })
		expect(await ask(a.s, 'chat:send', { roomId, body: 'hello?' })).toEqual({ error: 'live.chat.muted', params: { until } })
		data(await ask(b.s, 'chat:send', { roomId, body: 'still here' }))
		expect(await ask(h.s, 'mod:mute', { roomId, userId: host.id, minutes: 5 })).toMatchObject({ error: 'live.mod.notTheHost' })
		// Once the mute has passed, the member chats again.
		await prisma.liveRestriction.update({ where: { roomId_userId_kind: { roomId, userId: ana.id, kind: 'mute' } }, data: { until: new Date(Date.now() - 1000) } })
		data(await ask(a.s, 'chat:send', { roomId, body: 'back' }))
	})

	test('ban: the member leaves the room at once, hears nothing more, cannot rejoin, and a socket that keeps trying is cut off', async () => {
		const host = await member('merchant')
		const [ana, ben] = [await member(), await member()]
		const { roomId } = await room(host)
		const h = await joined(host, roomId)
		const a = await joined(ana, roomId)
		const told = next(a.s, 'live:restricted')
		data(await ask(h.s, 'mod:ban', { roomId, userId: ana.id }))
		expect(await told).toEqual({ roomId, kind: 'ban', until: null })
		const heard = silence(a.s, 'chat:message')
		data(await ask(h.s, 'chat:send', { roomId, body: 'after the ban' }))
		expect(await heard).toBe(0)
		expect(await ask(a.s, 'live:join', { roomId })).toEqual({ error: 'live.chat.banned' })
		expect(await ask(a.s, 'chat:send', { roomId, body: 'let me in' })).toEqual({ error: 'live.notJoined' })
		const cut = new Promise<string>((resolve) => a.s.once('disconnect', resolve))
		for (let i = 0; i < 10; i++) a.s.emit('live:join', { roomId }, () => {})
		expect(await cut).toBe('io server disconnect')
		// The ban is for this member only: another member joins and chats.
		const b = await joined(ben, roomId)
		data(await ask(b.s, 'chat:send', { roomId, body: 'hi all' }))
	})

	test('a moderator deletes a message: it disappears for everyone, and a later join does not replay it', async () => {
		const { host, ben, roomId, h, a, b } = await hostAndTwo()
		const rude = data(await ask<ChatMessage>(a.s, 'chat:send', { roomId, body: 'something rude' }))
		expect(await ask(b.s, 'chat:delete', { roomId, messageId: rude.id })).toMatchObject({ error: 'live.notModerator' })
		const removedForA = next(a.s, 'chat:removed')
		const removedForB = next(b.s, 'chat:removed')
		data(await ask(h.s, 'chat:delete', { roomId, messageId: rude.id }))
		expect(await removedForA).toEqual({ roomId, ids: [rude.id] })
		expect(await removedForB).toEqual({ roomId, ids: [rude.id] })
		const later = await joined(ben, roomId)
		expect(later.snapshot.messages.map((m) => m.id)).not.toContain(rude.id)
		expect(later.snapshot.removedIds).toContain(rude.id)
		expect(await prisma.liveMessage.findUnique({ where: { id: rude.id }, select: { deletedById: true } })).toEqual({ deletedById: host.id })
	})
})

describe('likes, pins and presence', () => {
	test('taps are batched by the server: totals a few times a second, "want it" per pinned product and per member', async () => {
		const { ana, ben, roomId, productId, h, a, b } = await hostAndTwo()
		const pinned = next<{ pins: PinView[] }>(a.s, 'pin:update')
		data(await ask(h.s, 'pin:set', { roomId, productId, pinned: true }))
		expect((await pinned).pins.map((p) => p.productId)).toEqual([productId])
		let pushes = 0
		a.s.on('like:totals', () => pushes++)
		const final = next<LikeTotals>(a.s, 'like:totals', (t) => t.total === 50)
		for (let i = 0; i < 10; i++) a.s.emit('like:burst', { roomId, count: 2 })
		for (let i = 0; i < 5; i++) b.s.emit('like:burst', { roomId, count: 4, productId })
		a.s.emit('like:burst', { roomId, count: 10, productId })
		expect(await final).toEqual({ roomId, total: 50, products: { [productId]: 30 } })
		expect(pushes).toBeLessThan(16) // 16 bursts, a handful of broadcasts
		const wants = await prisma.liveWant.findMany({ where: { roomId }, orderBy: { taps: 'asc' }, select: { userId: true, taps: true } })
		expect(wants).toEqual([{ userId: ana.id, taps: 10 }, { userId: ben.id, taps: 20 }])
		expect(await prisma.liveRoom.findUnique({ where: { id: roomId }, select: { likeCount: true } })).toEqual({ likeCount: 50 })
	})

	test('a script tapping faster than a person is capped per second', async () => {
		const host = await member('merchant')
		const { roomId } = await room(host)
		const { s } = await joined(await member(), roomId)
		const replies = await Promise.all(Array.from({ length: 5 }, () => ask<{ accepted: number }>(s, 'like:burst', { roomId, count: 50 })))
		const accepted = replies.map((r) => data(r).accepted).reduce((a, b) => a + b, 0)
		expect(accepted).toBeLessThanOrEqual(60) // at most two seconds' worth
		expect(accepted).toBeGreaterThan(0)
	})

	test('at most three pins; pin and unpin reach everyone', async () => {
		const host = await member('merchant')
		const { roomId } = await room(host)
		const products = await Promise.all(
			[1, 2, 3, 4].map((i) => prisma.product.create({ data: { name: `Cup ${i}`, sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents: 1000 * i }, select: { id: true } })),
		)
		const h = await joined(host, roomId)
		const viewer = await joined(undefined, roomId)
		for (const p of products.slice(0, 3)) data(await ask(h.s, 'pin:set', { roomId, productId: p.id, pinned: true }))
		expect(await ask(h.s, 'pin:set', { roomId, productId: products[3]!.id, pinned: true })).toEqual({ error: 'live.pin.full', params: { max: 3 } })
		const update = next<{ pins: PinView[] }>(viewer.s, 'pin:update')
		data(await ask(h.s, 'pin:set', { roomId, productId: products[0]!.id, pinned: false }))
		expect((await update).pins.map((p) => p.productId)).toEqual([products[1]!.id, products[2]!.id])
		expect(await ask(viewer.s, 'pin:set', { roomId, productId: products[0]!.id, pinned: true })).toMatchObject({ error: 'live.notModerator' })
	})

	test('the viewer count comes from heartbeats, one per person however many tabs', async () => {
		const host = await member('merchant')
		const ana = await member()
		const { roomId } = await room(host)
		const watcher = await joined(host, roomId)
		// Listening before the others join: the count is pushed when it changes, not again.
		const seen: number[] = []
		watcher.s.on('presence:count', (p: { roomId: string; viewers: number }) => p.roomId === roomId && seen.push(p.viewers))
		await joined(ana, roomId)
		await joined(ana, roomId) // a second tab of the same member
		await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toBe(2)
		await new Promise((r) => setTimeout(r, 3500)) // one more presence tick
		expect(Math.max(...seen)).toBe(2)
		await expect.poll(() => prisma.liveRoom.findUnique({ where: { id: roomId }, select: { peakViewers: true } })).toEqual({ peakViewers: 2 })
	})
})

describe('flash sales', () => {
	async function saleRoom(stock: number, perMember: number) {
		const host = await member('merchant')
		const { roomId, productId } = await room(host)
		const h = await joined(host, roomId)
		data(await ask(h.s, 'pin:set', { roomId, productId, pinned: true }))
		const sale = data(await ask<{ id: string }>(h.s, 'sale:start', { roomId, productId, priceCents: 9900, stock, perMember, countdownSeconds: 0, durationMinutes: 5 }))
		return { host, h, roomId, productId, saleId: sale.id }
	}

	test('500 members claim at once from 100 in stock: exactly 100 get one, stock ends at 0, and every claim is an order intent', async () => {
		const { roomId, saleId } = await saleRoom(100, 1)
		const members = await Promise.all(Array.from({ length: 500 }, (_, i) => member('customer', `Buyer ${i}`)))
		const sockets = await Promise.all(members.map(async (m) => (await joined(m, roomId)).s))
		const replies = await Promise.all(sockets.map((s) => ask<{ claimed: number }>(s, 'sale:claim', { roomId, saleId, quantity: 1, key: randomUUID() })))
		const won = replies.filter((r) => 'data' in r)
		expect(won).toHaveLength(100)
		const reasons = new Set(replies.filter((r) => 'error' in r).map((r) => (r as { error: string }).error))
		expect([...reasons]).toEqual(['live.sale.soldOut'])
		expect(await prisma.flashSale.findUnique({ where: { id: saleId }, select: { remaining: true } })).toEqual({ remaining: 0 })
		expect(await prisma.flashTally.aggregate({ where: { saleId }, _sum: { claimed: true } })).toMatchObject({ _sum: { claimed: 100 } })
		expect(await prisma.orderIntent.aggregate({ where: { source: 'flash', sourceId: saleId }, _sum: { quantity: true }, _count: true })).toMatchObject({ _count: 100, _sum: { quantity: 100 } })
	}, 120_000)

	test('one member racing past the limit gets exactly the limit; a retried claim with the same key is taken once', async () => {
		const { roomId, saleId } = await saleRoom(50, 2)
		const ana = await member()
		const a = await joined(ana, roomId)
		const replies = await Promise.all(Array.from({ length: 6 }, () => ask(a.s, 'sale:claim', { roomId, saleId, quantity: 1, key: randomUUID() })))
		expect(replies.filter((r) => 'data' in r)).toHaveLength(2)
		expect(replies.filter((r) => 'error' in r)).toEqual(Array(4).fill({ error: 'live.sale.limit', params: { max: 2 } }))
		const ben = await member()
		const b = await joined(ben, roomId)
		const key = randomUUID()
		const first = data(await ask<{ claimed: number; intentId: string }>(b.s, 'sale:claim', { roomId, saleId, quantity: 1, key }))
		const retries = await Promise.all(Array.from({ length: 5 }, () => ask(b.s, 'sale:claim', { roomId, saleId, quantity: 1, key })))
		for (const retry of retries) expect(data(retry)).toMatchObject({ claimed: 1, intentId: first.intentId })
		expect(await prisma.flashSale.findUnique({ where: { id: saleId }, select: { remaining: true } })).toEqual({ remaining: 47 })
	})

	test('remaining stock reaches viewers live; a sale counting down or stopped refuses claims with the reason', async () => {
		const { h, roomId, productId, saleId } = await saleRoom(10, 3)
		const viewer = await joined(undefined, roomId)
		const ana = await member()
		const a = await joined(ana, roomId)
		expect(a.snapshot.sale).toMatchObject({ id: saleId, remaining: 10 })
		const stock = next<{ remaining: number }>(viewer.s, 'sale:stock', (s) => s.remaining === 7)
		data(await ask(a.s, 'sale:claim', { roomId, saleId, quantity: 3, key: randomUUID() }))
		expect(await stock).toEqual({ roomId, saleId, remaining: 7 })
		expect(await ask(viewer.s, 'sale:claim', { roomId, saleId, quantity: 1, key: randomUUID() })).toEqual({ error: 'live.sale.signIn' })
		data(await ask(h.s, 'sale:stop', { roomId, saleId }))
		const ben = await member()
		const b = await joined(ben, roomId)
		expect(await ask(b.s, 'sale:claim', { roomId, saleId, quantity: 1, key: randomUUID() })).toEqual({ error: 'live.sale.over' })
		const later = data(await ask<{ id: string }>(h.s, 'sale:start', { roomId, productId, priceCents: 100, stock: 5, perMember: 1, countdownSeconds: 60, durationMinutes: 1 }))
		expect(await ask(b.s, 'sale:claim', { roomId, saleId: later.id, quantity: 1, key: randomUUID() })).toMatchObject({ error: 'live.sale.notYet' })
		expect(await ask(h.s, 'sale:start', { roomId, productId, priceCents: 100, stock: 0, perMember: 1, countdownSeconds: 0, durationMinutes: 1 })).toMatchObject({ error: 'live.badPayload' })
	})
})

describe('resilience', () => {
	test('a client that comes back catches up: the messages it missed, the pins and the totals now', async () => {
		const host = await member('merchant')
		const ana = await member()
		const { roomId, productId } = await room(host)
		const h = await joined(host, roomId)
		const a = await joined(ana, roomId)
		const seen = data(await ask<ChatMessage>(h.s, 'chat:send', { roomId, body: 'before the tunnel' }))
		a.s.disconnect()
		data(await ask(h.s, 'pin:set', { roomId, productId, pinned: true }))
		data(await ask(h.s, 'chat:send', { roomId, body: 'missed one' }))
		await new Promise((r) => setTimeout(r, 1100)) // the flood limit holds for the host too
		data(await ask(h.s, 'chat:send', { roomId, body: 'missed two' }))
		h.s.emit('like:burst', { roomId, count: 7 })
		await next(h.s, 'like:totals')
		const back = await joined(ana, roomId, seen.id)
		expect(back.snapshot.messages.map((m) => m.body)).toEqual(['missed one', 'missed two'])
		expect(back.snapshot.pins.map((p) => p.productId)).toEqual([productId])
		expect(back.snapshot.likes.total).toBe(7)
	})

	test('malformed payloads and unknown events are answered with an error, and a socket that persists is disconnected', async () => {
		const host = await member('merchant')
		const { roomId } = await room(host)
		const { s } = await joined(await member(), roomId)
		expect(await ask(s, 'chat:send', { roomId, body: 42 })).toEqual({ error: 'live.badPayload', params: { event: 'chat:send' } })
		expect(await ask(s, 'chat:send', 'not an object')).toEqual({ error: 'live.badPayload', params: { event: 'chat:send' } })
		expect(await ask(s, 'wallet:drain', { roomId })).toEqual({ error: 'live.unknownEvent', params: { event: 'wallet:drain' } })
		const told = next<{ message: string }>(s, 'live:error', (e) => e.message === 'live.tooManyErrors')
		const cut = new Promise<string>((resolve) => s.once('disconnect', resolve))
		for (let i = 0; i < 8; i++) s.emit('pin:set', { roomId: 7 })
		expect(await told).toEqual({ message: 'live.tooManyErrors' })
		expect(await cut).toBe('io server disconnect')
	})

	test('a server restart loses no saved message and no claim', async () => {
		const { roomId, saleId } = await (async () => {
			const host = await member('merchant')
			const made = await room(host)
			const h = await joined(host, made.roomId)
			data(await ask(h.s, 'pin:set', { roomId: made.roomId, productId: made.productId, pinned: true }))
			const sale = data(await ask<{ id: string }>(h.s, 'sale:start', { ...made, priceCents: 100, stock: 5, perMember: 1, countdownSeconds: 0, durationMinutes: 5 }))
			return { roomId: made.roomId, saleId: sale.id }
		})()
		const ana = await member()
		const a = await joined(ana, roomId)
		const message = data(await ask<ChatMessage>(a.s, 'chat:send', { roomId, body: 'saved before the restart' }))
		data(await ask(a.s, 'sale:claim', { roomId, saleId, quantity: 1, key: randomUUID() }))
		for (const s of open.splice(0)) s.disconnect()
		await server.stop('SIGKILL')
		server = await startServer({ DATABASE_URL: process.env.DATABASE_URL!, LIVE_WATCH_MINUTES: '0.05' })
		const back = await joined(ana, roomId)
		expect(back.snapshot.messages.map((m) => m.id)).toContain(message.id)
		expect(back.snapshot.sale).toMatchObject({ id: saleId, remaining: 4 })
		expect(back.snapshot.you.claimed).toBe(1)
	}, 90_000)
})

describe('points in live rooms', () => {
	test('a first message and a few minutes of watching earn points once per room', async () => {
		const host = await member('merchant')
		const ana = await member()
		const { roomId } = await room(host)
		const a = await joined(ana, roomId)
		data(await ask(a.s, 'chat:send', { roomId, body: 'first!' }))
		await new Promise((r) => setTimeout(r, 1100))
		data(await ask(a.s, 'chat:send', { roomId, body: 'second' }))
		// LIVE_WATCH_MINUTES is 3 seconds here; beats keep the member watching.
		for (let i = 0; i < 4; i++) {
			a.s.emit('live:beat', { roomId })
			await new Promise((r) => setTimeout(r, 1000))
		}
		await expect.poll(() => prisma.pointsEntry.findMany({ where: { userId: ana.id }, select: { reason: true, amount: true }, orderBy: { reason: 'asc' } }), { timeout: 5000 }).toEqual([
			{ reason: 'live.firstComment', amount: 2 },
			{ reason: 'live.watched', amount: 5 },
		])
	})
})
