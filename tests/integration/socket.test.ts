import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { io as connect, type Socket } from 'socket.io-client'
import { signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

let server: RunningServer
const open: Socket[] = []
beforeAll(async () => {
	server = await startServer()
})
afterEach(() => {
	for (const s of open.splice(0)) s.disconnect()
})
afterAll(async () => {
	await server?.stop()
})

function socket(headers: Record<string, string> = {}, transports = ['websocket']): Socket {
	const s = connect(server.url, { transports, extraHeaders: { Origin: server.url, ...headers }, reconnection: false, forceNew: true })
	open.push(s)
	return s
}

const connected = (s: Socket) =>
	new Promise<void>((resolve, reject) => {
		s.once('connect', () => resolve())
		s.once('connect_error', reject)
	})
const emitAck = <T>(s: Socket, event: string, ...args: unknown[]) => s.timeout(5000).emitWithAck(event, ...args) as Promise<T>
const newMember = () => signupCookie(server.url, `s-${Date.now()}-${Math.random()}@quanzi.test`)

describe('Socket.IO with the HTTP session', () => {
	test('the handshake carries the session: the socket knows its member', async () => {
		const cookie = await newMember()
		const s = socket({ Cookie: cookie })
		await connected(s)
		const { data } = await emitAck<{ data: { userId: string | null; role: string } }>(s, 'whoami')
		expect(data.userId).toMatch(/^c[a-z0-9]{20,}$/)
		expect(data.role).toBe('customer')
	})

	test('a foreign Origin is refused at the handshake, on both transports', async () => {
		for (const transports of [['websocket'], ['polling']]) {
			const s = socket({ Origin: 'http://evil.example' }, transports)
			await expect(connected(s)).rejects.toThrow()
		}
		const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: 'http://evil.example' } })
		expect(polling.status).toBe(403)
	})

	test('an anonymous socket joins public rooms only', async () => {
		const s = socket()
		await connected(s)
		expect(await emitAck(s, 'whoami')).toEqual({ data: { userId: null, role: null } })
		expect(await emitAck(s, 'room:join', { room: 'public:lobby' })).toEqual({ data: { room: 'public:lobby' } })
		expect(await emitAck(s, 'room:join', { room: 'user:someone-else' })).toEqual({ error: 'room not open to you' })
		expect(await emitAck(s, 'room:join', { room: 42 })).toEqual({ error: 'room not open to you' })
	})

	test("a notification reaches the member's open sockets live, with the unread count", async () => {
		const cookie = await newMember()
		const tabs = [socket({ Cookie: cookie }), socket({ Cookie: cookie })]
		await Promise.all(tabs.map(connected))
		const stranger = socket({ Cookie: await newMember() })
		await connected(stranger)
		let strangerGot = 0
		stranger.on('notification:new', () => strangerGot++)
		const pushes = tabs.map((t) => new Promise<{ kind: string; unread: number }>((resolve) => t.once('notification:new', resolve)))
		// The password change writes a notification for this member (and ends no session of these sockets' own).
		const response = await fetch(`${server.url}/me/password`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ currentPassword: 'long enough password', newPassword: 'another long password', confirmPassword: 'another long password' }),
		})
		expect(response.status).toBe(302)
		for (const push of await Promise.all(pushes)) expect(push).toMatchObject({ kind: 'passwordChanged', unread: 2 })
		expect(strangerGot).toBe(0)
	})

	test("logging out disconnects that session's sockets", async () => {
		const cookie = await newMember()
		const s = socket({ Cookie: cookie })
		await connected(s)
		const ended = new Promise<void>((resolve) => s.once('session:ended', () => resolve()))
		const gone = new Promise<string>((resolve) => s.once('disconnect', resolve))
		const response = await fetch(`${server.url}/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, Origin: server.url } })
		expect(response.status).toBe(302)
		await ended
		expect(await gone).toBe('io server disconnect')
	})
})
