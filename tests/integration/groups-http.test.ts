import { randomUUID } from 'node:crypto'
import { io as connect } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSession } from '#app/domain/accounts/auth.server.ts'
import { createGroup } from '#app/domain/groups/groups.server.ts'
import { createInvite, joinByInvite } from '#app/domain/groups/members.server.ts'
import { createPost, loadAuthor } from '#app/domain/posts/posts.server.ts'
import { PostFormSchema } from '#app/domain/posts/schemas.ts'
import { prisma } from '#app/lib/db.server.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// The real server on this file's database: groups and posts are made through the domain,
// then every read goes through HTTP (and the chat through a real socket), as each person would.
let server: RunningServer
beforeAll(async () => {
	server = await startServer({ DATABASE_URL: process.env.DATABASE_URL! })
}, 90_000)
afterAll(async () => {
	await server?.stop()
})

async function person(role: 'customer' | 'superuser' = 'customer') {
	const user = await prisma.user.create({
		data: { email: `g-${randomUUID()}@quanzi.test`, displayName: `P ${randomUUID().slice(0, 4)}`, passwordHash: 'not used here', role, createdAt: new Date(Date.now() - 60 * 86_400_000) },
		select: { id: true, role: true },
	})
	const { setCookie } = await startSession(user.id)
	return { ...user, cookie: setCookie.split(';')[0]! }
}
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: { 'Accept-Language': 'en', ...(cookie ? { Cookie: cookie } : {}) }, redirect: 'manual' })

describe("an invite-only group's posts over HTTP", () => {
	let groupId: string
	let postId: string
	let roomId: string
	const secret = `Only for the tea mothers ${randomUUID().slice(0, 6)}`
	let leader: Awaited<ReturnType<typeof person>>
	let insider: Awaited<ReturnType<typeof person>>
	let outsider: Awaited<ReturnType<typeof person>>

	beforeAll(async () => {
		;[leader, insider, outsider] = [await person('superuser'), await person(), await person()]
		const made = await createGroup(leader, { name: 'Tea mothers', description: 'Private tasting notes', visibility: 'invite', memberCap: 20 }, [])
		if (!made.ok) throw new Error(made.error)
		groupId = made.id
		const invite = await createInvite(leader, groupId)
		if (!invite.ok) throw new Error(invite.error)
		expect((await joinByInvite(invite.token, insider)).ok).toBe(true)
		const posted = await createPost((await loadAuthor(insider.id))!, PostFormSchema.parse({ kind: 'show', body: secret, groupId }), [])
		if (!posted.ok) throw new Error(posted.error)
		postId = posted.id
		roomId = (await prisma.liveRoom.findUniqueOrThrow({ where: { groupId }, select: { id: true } })).id
	})

	test('a member reads the group feed and the post', async () => {
		expect(await (await get(`/groups/${groupId}`, insider.cookie)).text()).toContain(secret)
		const post = await get(`/posts/${postId}`, insider.cookie)
		expect(post.status).toBe(200)
		expect(await post.text()).toContain(secret)
	})

	test('a member of the circle who is not in the group, and a visitor, see the group’s name but never its posts', async () => {
		for (const cookie of [outsider.cookie, undefined]) {
			const page = await get(`/groups/${groupId}`, cookie)
			expect(page.status).toBe(200)
			const html = await page.text()
			expect(html).toContain('Tea mothers')
			expect(html).not.toContain(secret)
			expect(html).toContain('invite only')
			expect((await get(`/posts/${postId}`, cookie)).status).toBe(404)
			expect(await (await get(`/groups/${groupId}?tab=feed`, cookie)).text()).not.toContain(secret)
			expect(await (await get(`/members/${insider.id}`, cookie)).text()).not.toContain(secret)
			expect(await (await get('/', cookie)).text()).not.toContain(secret)
		}
	})

	test('an outsider cannot like, comment on or report it, nor post into the group', async () => {
		const post = (path: string, body: Record<string, string>) =>
			fetch(`${server.url}${path}`, {
				method: 'POST',
				redirect: 'manual',
				headers: { Cookie: outsider.cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(body),
			})
		for (const intent of ['like', 'comment', 'report']) {
			const response = await post(`/posts/${postId}`, { intent, body: 'hello', reason: 'spam' })
			expect(response.status, intent).toBeGreaterThanOrEqual(400)
		}
		expect(await prisma.comment.count({ where: { postId } })).toBe(0)
		expect(await prisma.postLike.count({ where: { postId } })).toBe(0)
		const form = new FormData()
		form.append('kind', 'show')
		form.append('body', 'sneaking in')
		form.append('groupId', groupId)
		const compose = await fetch(`${server.url}/posts/new`, { method: 'POST', redirect: 'manual', headers: { Cookie: outsider.cookie, Origin: server.url }, body: form })
		expect(compose.status).toBe(400)
		expect(await prisma.post.count({ where: { groupId, body: 'sneaking in' } })).toBe(0)
		expect((await get(`/posts/new?group=${groupId}`, outsider.cookie)).status).toBe(403)
	})

	test("the group's chat refuses a socket that is not a member's", async () => {
		for (const who of [outsider, insider]) {
			const socket = connect(server.url, { transports: ['websocket'], extraHeaders: { Origin: server.url, Cookie: who.cookie }, reconnection: false, forceNew: true })
			await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)))
			const reply = await socket.timeout(5000).emitWithAck('live:join', { roomId })
			if (who === outsider) expect(reply).toEqual({ error: 'groups.chat.membersOnly' })
			else expect(reply).toHaveProperty('data.room.roomId', roomId)
			socket.disconnect()
		}
		expect((await get(`/live/${roomId}`, outsider.cookie)).status).toBe(404)
	})
})
