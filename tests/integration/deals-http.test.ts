import { randomUUID } from 'node:crypto'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSession } from '#app/domain/accounts/auth.server.ts'
import type { DealProgressPush } from '#app/domain/groups/views.ts'
import { prisma } from '#app/lib/db.server.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// The real server on a free port, sharing this file's SQLite database: members and products are
// written directly, deals are opened and joined through the routes as a browser posts them, and
// a real Socket.IO client watches the deal's public room.

let server: RunningServer
const sockets: Socket[] = []
beforeAll(async () => {
	server = await startServer({ DATABASE_URL: process.env.DATABASE_URL! })
}, 90_000)
afterAll(async () => {
	for (const s of sockets) s.disconnect()
	await server?.stop()
})

type Member = { id: string; cookie: string }
async function member(role = 'customer', name = 'Member'): Promise<Member> {
	const user = await prisma.user.create({ data: { email: `deal-${randomUUID()}@quanzi.test`, displayName: name, passwordHash: 'not used here', role }, select: { id: true } })
	const { setCookie } = await startSession(user.id)
	return { id: user.id, cookie: setCookie.split(';')[0]! }
}

const post = (path: string, fields: Record<string, string>, who?: Member) =>
	fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en', ...(who ? { Cookie: who.cookie } : {}) },
		body: new URLSearchParams(fields),
	})
const page = (path: string, who?: Member) => fetch(server.url + path, { headers: { 'Accept-Language': 'en', ...(who ? { Cookie: who.cookie } : {}) } })
// The markup's apostrophes are typographic and React escapes quotes; compare on plain text.
const text = async (response: Response) => (await response.text()).replaceAll('&#x27;', "'").replaceAll('’', "'")

async function watch(dealId: string): Promise<Socket> {
	const s = connect(server.url, { transports: ['websocket'], extraHeaders: { Origin: server.url }, reconnection: false, forceNew: true })
	sockets.push(s)
	await new Promise<void>((resolve, reject) => {
		s.once('connect', () => resolve())
		s.once('connect_error', reject)
	})
	expect(await s.timeout(5000).emitWithAck('room:join', { room: `public:deal:${dealId}` })).toEqual({ data: { room: `public:deal:${dealId}` } })
	return s
}
const nextProgress = (s: Socket) =>
	new Promise<DealProgressPush>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no deal:progress within 5 s')), 5000)
		s.once('deal:progress', (push: DealProgressPush) => (clearTimeout(timer), resolve(push)))
	})

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16)

async function openShopDeal(merchant: Member, target = '2') {
	const product = await prisma.product.create({ data: { name: 'Celadon tea bowl', sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents: 16800 }, select: { id: true } })
	const response = await post('/deals/new', { productId: product.id, price: '128', target, cap: '', deadline: inTwoDays() }, merchant)
	expect(response.status).toBe(302)
	const location = response.headers.get('location')!
	expect(location).toMatch(/^\/deals\/[a-z0-9]+$/)
	return { dealId: location.split('/').pop()!, productId: product.id }
}

describe('group deals over HTTP', () => {
	test('the merchant opens a deal through the form; a bad price comes back next to the field with the input kept', async () => {
		const merchant = await member('merchant')
		const { productId } = await openShopDeal(merchant)
		const before = await prisma.groupDeal.count()
		const refused = await post('/deals/new', { productId, price: '199', target: '2', cap: '', deadline: inTwoDays() }, merchant)
		expect(refused.status).toBe(400)
		const html = await text(refused)
		expect(html).toContain('The group price must be less than the product')
		expect(html).toContain('value="199"')
		expect(await prisma.groupDeal.count()).toBe(before)
		// A member without a group may not open the shop's deals.
		expect((await post('/deals/new', { productId, price: '99', target: '2', deadline: inTwoDays() }, await member())).status).toBe(403)
	})

	test('members join through the page action; the deal room hears each join, and the second unlocks it', async () => {
		const merchant = await member('merchant')
		const { dealId } = await openShopDeal(merchant)
		const watcher = await watch(dealId)
		const [ana, ben] = [await member('customer', 'Ana'), await member('customer', 'Ben')]

		let heard = nextProgress(watcher)
		const joined = await post(`/deals/${dealId}`, { intent: 'join' }, ana)
		expect(joined.status).toBe(200)
		expect(await text(joined)).toContain("You're in. When 2 people have joined, the group price is yours.")
		expect(await heard).toEqual({ dealId, joined: 1, target: 2, cap: 2, status: 'open' })

		const again = await post(`/deals/${dealId}`, { intent: 'join' }, ana)
		expect(again.status).toBe(409)
		expect(await text(again)).toContain("You've already joined this deal.")

		heard = nextProgress(watcher)
		expect((await post(`/deals/${dealId}`, { intent: 'join' }, ben)).status).toBe(200)
		expect(await heard).toEqual({ dealId, joined: 2, target: 2, cap: 2, status: 'unlocked' })
		expect(await prisma.orderIntent.count({ where: { source: 'group', sourceId: dealId } })).toBe(2)

		// A visitor sees the count and the unlock, never the names of who joined.
		const visitorView = await text(await page(`/deals/${dealId}`))
		expect(visitorView).toContain('2 of 2 joined')
		expect(visitorView).toContain('Group price unlocked!')
		expect(visitorView).not.toContain('>Ana<')
		// A third member is told it is full; a signed-out post is sent to sign in.
		const full = await post(`/deals/${dealId}`, { intent: 'join' }, await member())
		expect(full.status).toBe(409)
		expect(await text(full)).toContain('This deal is full.')
		const anonymous = await post(`/deals/${dealId}`, { intent: 'join' })
		expect(anonymous.status).toBe(302)
		expect(anonymous.headers.get('location')).toContain('/login')
	})

	test("an invite-only group's deal is hidden from non-members and refuses their join", async () => {
		const leader = await member('superuser', 'Leader')
		const insider = await member('customer', 'Insider')
		const group = await prisma.group.create({
			data: { leaderId: leader.id, name: 'Tea mothers', visibility: 'invite', memberCap: 50, memberCount: 2, members: { create: [{ userId: leader.id, role: 'leader' }, { userId: insider.id }] } },
			select: { id: true },
		})
		const product = await prisma.product.create({ data: { name: 'Clay teapot', sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents: 26800 }, select: { id: true } })
		const opened = await post(`/deals/new?group=${group.id}`, { productId: product.id, price: '199', target: '5', deadline: inTwoDays() }, leader)
		expect(opened.status).toBe(302)
		const dealId = opened.headers.get('location')!.split('/').pop()!
		const outsider = await member()
		expect((await page(`/deals/${dealId}`, outsider)).status).toBe(404)
		const refused = await post(`/deals/${dealId}`, { intent: 'join' }, outsider)
		expect(refused.status).toBe(403)
		expect(await text(refused)).not.toContain('Clay teapot')
		expect(await prisma.groupDeal.findUniqueOrThrow({ where: { id: dealId }, select: { joined: true } })).toEqual({ joined: 0 })
		expect((await post(`/deals/${dealId}`, { intent: 'join' }, insider)).status).toBe(200)
		expect(await text(await page(`/deals/${dealId}`, insider))).toContain('Insider')
	})
})
