import { randomUUID } from 'node:crypto'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSession } from '#app/domain/accounts/auth.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// Targeted content through the real server sharing this file's database: a merchant post and
// a live room aimed at a tag segment exist for the segment's members and for nobody else
// (404 pages, absent from every list, engagement refused with nothing written); the console
// refuses bad rules and customers; a child is never kept without the parent's consent.

let server: RunningServer
type Member = { id: string; cookie: string; email: string }
let merchant: Member
let tagged: Member
let untagged: Member
let productId: string
let segmentId: string
let postId: string
let roomId: string
const TITLE = `Secret tasting notes ${randomUUID().slice(0, 6)}`
const ROOM_TITLE = `VIP tasting live ${randomUUID().slice(0, 6)}`

async function person(role: 'customer' | 'merchant' = 'customer'): Promise<Member> {
	const email = `seg-${randomUUID()}@quanzi.test`
	const user = await prisma.user.create({
		data: { email, displayName: `Member ${email.slice(4, 8)}`, passwordHash: 'not used here', role, createdAt: new Date(Date.now() - 60 * 86_400_000) },
		select: { id: true },
	})
	const { setCookie } = await startSession(user.id)
	return { id: user.id, cookie: setCookie.split(';')[0]!, email }
}

beforeAll(async () => {
	server = await startServer({ DATABASE_URL: process.env.DATABASE_URL! })
	;[merchant, tagged, untagged] = await Promise.all([person('merchant'), person(), person()])
	productId = (await prisma.product.create({ data: { name: 'Longjing 2025', sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents: 16800 }, select: { id: true } })).id
}, 120_000)
afterAll(async () => {
	await server?.stop()
})

const headers = (who?: Member) => ({ 'Accept-Language': 'en', ...(who ? { Cookie: who.cookie } : {}) })
const get = (path: string, who?: Member) => fetch(server.url + path, { headers: headers(who), redirect: 'manual' })
const post = (path: string, who: Member | undefined, fields: Record<string, string>) =>
	fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { ...headers(who), Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
	})
const multipart = (path: string, who: Member, fields: Record<string, string>) => {
	const body = new FormData()
	for (const [k, v] of Object.entries(fields)) body.append(k, v)
	return fetch(server.url + path, { method: 'POST', redirect: 'manual', headers: { ...headers(who), Origin: server.url }, body })
}

describe('the segments console', () => {
	test('a customer gets 403 reading or posting, and nothing is saved', async () => {
		for (const path of ['/console/segments', '/console/segments/tags']) expect((await get(path, tagged)).status, path).toBe(403)
		expect((await post('/console/segments', tagged, { intent: 'save', name: 'Mine', tags: 'x' })).status).toBe(403)
		expect((await post('/console/segments/tags', tagged, { intent: 'add', email: tagged.email, tag: 'vip tea' })).status).toBe(403)
		expect(await prisma.segment.count()).toBe(0)
		expect(await prisma.memberTag.count()).toBe(0)
	})

	test('bad rules come back as 400 with the message next to the form, the input kept, nothing saved', async () => {
		const none = await post('/console/segments', merchant, { intent: 'save', name: 'Everyone?' })
		expect(none.status).toBe(400)
		expect(await none.text()).toContain('Fill in at least one rule, or the segment would be everyone.')

		const range = await post('/console/segments', merchant, { intent: 'save', name: 'Middle', minSpendYuan: '500', maxSpendYuan: '100' })
		expect(range.status).toBe(400)
		const html = await range.text()
		expect(html).toContain('The most spent cannot be below the least spent.')
		expect(html).toMatch(/name="minSpendYuan"[^>]*value="500"/)
		expect(html).toMatch(/name="name"[^>]*value="Middle"/)

		const days = await post('/console/segments', merchant, { intent: 'preview', name: 'Lapsed', noOrderForDays: 'soon' })
		expect(days.status).toBe(400)
		expect(await days.text()).toContain('Enter a whole number of days from 1 to 3650.')
		expect(await prisma.segment.count()).toBe(0)
	})

	test('the merchant tags a member, previews, then saves a tag segment; rules matching nobody save with a warning', async () => {
		const unknown = await post('/console/segments/tags', merchant, { intent: 'add', email: 'nobody@quanzi.test', tag: 'vip tea' })
		expect(unknown.status).toBe(400)
		expect(await unknown.text()).toContain('No member has this email.')
		expect((await post('/console/segments/tags', merchant, { intent: 'add', email: tagged.email, tag: '  VIP Tea ' })).status).toBe(302)
		expect(await prisma.memberTag.findMany({ select: { userId: true, tag: true } })).toEqual([{ userId: tagged.id, tag: 'vip tea' }])

		const preview = await post('/console/segments', merchant, { intent: 'preview', name: 'Tea VIPs', tags: 'vip tea' })
		expect(preview.status).toBe(200)
		expect(await preview.text()).toContain('Matches 1 member today.')
		expect(await prisma.segment.count()).toBe(0)

		const saved = await post('/console/segments', merchant, { intent: 'save', name: 'Tea VIPs', tags: 'vip tea' })
		expect(saved.status).toBe(302)
		expect(saved.headers.get('location')).toBe('/console/segments?saved=1')
		segmentId = (await prisma.segment.findUniqueOrThrow({ where: { name: 'Tea VIPs' }, select: { id: true } })).id

		const nobody = await post('/console/segments', merchant, { intent: 'save', name: 'Lhasa', regions: 'Lhasa' })
		expect(nobody.headers.get('location')).toBe('/console/segments?saved=1&empty=1')
		const page = await (await get(nobody.headers.get('location')!, merchant)).text()
		expect(page).toContain('Saved, but it matches no member today.')
		expect(page).toContain('Tea VIPs')
	})
})

describe('a merchant post aimed at the segment', () => {
	test('only staff may aim a post: a customer’s is refused and nothing is saved', async () => {
		const response = await multipart('/posts/new', untagged, { kind: 'show', body: 'Look at my tea', segmentId })
		expect(response.status).toBe(400)
		expect(await response.text()).toContain('Only the merchant can aim content at a segment.')
		expect(await prisma.post.count({ where: { authorId: untagged.id } })).toBe(0)
	})

	test('the merchant posts a review for the segment; staff see whom it is for', async () => {
		const response = await multipart('/posts/new', merchant, { kind: 'review', productId, rating: '5', title: TITLE, body: 'Brew at 80 degrees, three minutes.', segmentId })
		expect(response.status).toBe(302)
		postId = /\/posts\/([^?]+)/.exec(response.headers.get('location')!)![1]!
		expect(await prisma.post.findUniqueOrThrow({ where: { id: postId }, select: { segmentId: true, status: true } })).toEqual({ segmentId, status: 'published' })
		const page = await get(`/posts/${postId}`, merchant)
		expect(page.status).toBe(200)
		expect(await page.text()).toContain('For Tea VIPs')
	})

	test('a member in the segment finds it in the feed, on the author’s and the product’s pages, opens and likes it', async () => {
		for (const path of ['/', `/members/${merchant.id}`, `/products/${productId}`]) expect(await (await get(path, tagged)).text(), path).toContain(TITLE)
		const page = await get(`/posts/${postId}`, tagged)
		expect(page.status).toBe(200)
		const html = await page.text()
		expect(html).toContain(TITLE)
		// Which segment a post is for is the merchant's business.
		expect(html).not.toContain('For Tea VIPs')
		expect((await post(`/posts/${postId}`, tagged, { intent: 'like' })).status).toBe(200)
		expect(await prisma.postLike.count({ where: { postId } })).toBe(1)
	})

	test('for a member outside it and for a visitor it does not exist: 404, and absent from every list', async () => {
		for (const who of [untagged, undefined]) {
			const label = who ? 'untagged' : 'visitor'
			expect((await get(`/posts/${postId}`, who)).status, label).toBe(404)
			for (const path of ['/', `/members/${merchant.id}`, `/products/${productId}`]) {
				const response = await get(path, who)
				expect(response.status, `${label} ${path}`).toBe(200)
				expect(await response.text(), `${label} ${path}`).not.toContain(TITLE)
			}
		}
	})

	test('its likes, comments and reports are refused for a member outside it, and nothing is written', async () => {
		const attempts: Record<string, string>[] = [{ intent: 'like' }, { intent: 'comment', body: 'Nice' }, { intent: 'report', reason: 'spam' }]
		for (const fields of attempts) expect((await post(`/posts/${postId}`, untagged, fields)).status, fields.intent).toBe(404)
		expect(await prisma.postLike.count({ where: { postId, memberId: untagged.id } })).toBe(0)
		expect(await prisma.comment.count({ where: { postId } })).toBe(0)
		expect(await prisma.report.count({ where: { targetId: postId } })).toBe(0)
	})

	test('a segment in use cannot be deleted: the refusal names the post', async () => {
		const response = await post('/console/segments', merchant, { intent: 'delete', id: segmentId })
		expect(response.status).toBe(409)
		expect(await response.text()).toContain(`Post: ${TITLE}`)
		expect(await prisma.segment.count({ where: { id: segmentId } })).toBe(1)
	})
})

describe('a live room aimed at the segment', () => {
	const startsAt = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16)

	test('the merchant schedules it from the console with an audience', async () => {
		const response = await multipart('/console/live', merchant, { title: ROOM_TITLE, startsAt, streamUrl: '/demo/live/index.m3u8', segmentId })
		expect(response.status).toBe(302)
		roomId = /\/console\/live\/([^?]+)/.exec(response.headers.get('location')!)![1]!
		expect(await prisma.liveRoom.findUniqueOrThrow({ where: { id: roomId }, select: { segmentId: true } })).toEqual({ segmentId })
	})

	test('outside the segment: 404, absent from /live, subscribing and joining refused; inside: open and listed', async () => {
		for (const who of [untagged, undefined]) {
			expect((await get(`/live/${roomId}`, who)).status).toBe(404)
			expect(await (await get('/live?tab=upcoming', who)).text()).not.toContain(ROOM_TITLE)
		}
		expect((await post('/live', untagged, { intent: 'subscribe', roomId })).status).toBe(404)
		expect(await prisma.liveSubscription.count({ where: { roomId } })).toBe(0)
		expect(await joinReply(untagged)).toMatchObject({ error: 'live.noRoom' })

		expect((await get(`/live/${roomId}`, tagged)).status).toBe(200)
		expect(await (await get('/live?tab=upcoming', tagged)).text()).toContain(ROOM_TITLE)
		expect(await joinReply(tagged)).toHaveProperty('data')
	})
})

async function joinReply(who: Member): Promise<Record<string, unknown>> {
	const socket: Socket = connect(server.url, { transports: ['websocket'], extraHeaders: { Origin: server.url, Cookie: who.cookie }, reconnection: false, forceNew: true })
	try {
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve())
			socket.once('connect_error', reject)
		})
		return (await socket.timeout(10_000).emitWithAck('live:join', { roomId })) as Record<string, unknown>
	} finally {
		socket.disconnect()
	}
}

describe('my family', () => {
	test('a child without consent is refused with the reason, and nothing is saved; with consent it is kept', async () => {
		const refused = await post('/me/family', tagged, { intent: 'add', birthYear: '2022', birthMonth: '3' })
		expect(refused.status).toBe(400)
		expect(await refused.text()).toContain('Tick the box to agree')
		expect(await prisma.child.count({ where: { userId: tagged.id } })).toBe(0)

		expect((await post('/me/family', tagged, { intent: 'add', birthYear: '2022', birthMonth: '3', consent: 'on' })).status).toBe(302)
		expect(await prisma.child.count({ where: { userId: tagged.id } })).toBe(1)
		const child = await prisma.child.findFirstOrThrow({ where: { userId: tagged.id }, select: { id: true } })
		// Another member cannot delete it: not found, and it stays.
		expect((await post('/me/family', untagged, { intent: 'delete', childId: child.id })).status).toBe(404)
		expect(await prisma.child.count({ where: { id: child.id } })).toBe(1)
	})
})
