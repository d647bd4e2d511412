import { describe, expect, test } from 'vitest'
import { serverForSuite } from '#tests/helpers/suite.ts'

// Abuse over real HTTP (issue 11). The client address is the X-Forwarded-For the test sends: the
// server believes it from loopback (TRUST_PROXY's default), as it would from a proxy on the host.
// The limiter's rules are unit-tested in tests/unit/accounts/accounts.test.ts and
// tests/unit/rate-limit.test.ts; the referral and vote rules in tests/unit/referrals and
// tests/unit/voting. A replayed order webhook is refused in tests/integration/orders-http.test.ts.

const suite = serverForSuite()
const PASSWORD = 'long enough password'
const LOCKED = 'Too many attempts. Try again in 15 minutes.'


let addresses = 0
const newAddress = () => `198.51.100.${++addresses}`

function form(pathname: string, fields: Record<string, string>, address: string, cookie?: string) {
	return fetch(suite.server.url + pathname, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: suite.server.url, 'Accept-Language': 'en', 'X-Forwarded-For': address, 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
		body: new URLSearchParams(fields),
	})
}
const login = (email: string, password: string, address: string) => form('/login', { email, password, redirectTo: '/' }, address)
async function signup(email: string, address: string, cookie?: string) {
	const response = await form('/signup', { email, password: PASSWORD, displayName: 'Tester', redirectTo: '/' }, address, cookie)
	expect(response.status).toBe(302)
	return response
}
const sessionCookie = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('quanzi_session='))!.split(';')[0]!

describe('login brute force', () => {
	test('per account: five wrong passwords from five addresses lock the account, even against the right password, in any letter case', async () => {
		await signup('target@quanzi.test', newAddress())
		for (let i = 0; i < 5; i++) expect((await login('target@quanzi.test', `guess number ${i}`, newAddress())).status).toBe(400)
		for (const email of ['target@quanzi.test', 'TARGET@Quanzi.test']) {
			const locked = await login(email, PASSWORD, newAddress())
			expect(locked.status).toBe(429)
			expect(await locked.text()).toContain(LOCKED)
		}
		// Another account from the same addresses logs in: the lock is this account's.
		await signup('neighbour@quanzi.test', newAddress())
		expect((await login('neighbour@quanzi.test', PASSWORD, `198.51.100.${addresses}`)).status).toBe(302)
	})

	test('per address: twenty wrong passwords over many accounts lock the address, not the accounts', async () => {
		const attacker = newAddress()
		const victims = Array.from({ length: 7 }, (_, i) => `spray-${i}@quanzi.test`)
		for (const email of victims) await signup(email, newAddress())
		// Three tries per account: under each account's limit, over the address's.
		for (let i = 0; i < 20; i++) expect((await login(victims[i % victims.length]!, `spray ${i}`, attacker)).status).toBe(400)
		const locked = await login(victims[6]!, PASSWORD, attacker)
		expect(locked.status).toBe(429)
		expect(await locked.text()).toContain(LOCKED)
		// The member, from their own address, is not locked out by the attacker's spraying.
		expect((await login(victims[6]!, PASSWORD, newAddress())).status).toBe(302)
	})

	test('a wrong password costs the time of a real check, even for an email that has no account', async () => {
		// Both paths verify a hash (argon2), so timing does not tell which emails are members.
		await signup('timed@quanzi.test', newAddress())
		const timed = async (email: string) => {
			const start = performance.now()
			expect((await login(email, 'not the password', newAddress())).status).toBe(400)
			return performance.now() - start
		}
		const member = Math.min(await timed('timed@quanzi.test'), await timed('timed@quanzi.test'))
		const stranger = Math.min(await timed('nobody-1@quanzi.test'), await timed('nobody-2@quanzi.test'))
		expect(stranger).toBeGreaterThan(member / 4)
	})
})

describe('rings', () => {
	test("referral: a friend signing up in the referrer's own browser is held for the merchant, and nobody is paid", async () => {
		const address = newAddress()
		const referrer = sessionCookie(await signup('ring-leader@quanzi.test', address))
		const invite = await fetch(`${suite.server.url}/me/invite`, { headers: { Cookie: referrer, 'X-Forwarded-For': address } })
		expect(invite.status).toBe(200)
		// The same browser: its device cookie came with the sign-up above (the middleware set it).
		const device = (await fetch(`${suite.server.url}/`, { headers: { 'X-Forwarded-For': address }, redirect: 'manual' })).headers.getSetCookie().find((c) => c.startsWith('quanzi_device='))!.split(';')[0]!
		const leader = await suite.db.user.findUniqueOrThrow({ where: { email: 'ring-leader@quanzi.test' }, select: { id: true } })
		// The referrer logs in on this browser, so it is theirs.
		const loggedIn = await fetch(`${suite.server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { Origin: suite.server.url, 'X-Forwarded-For': address, Cookie: device, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'ring-leader@quanzi.test', password: PASSWORD, redirectTo: '/' }),
		})
		expect(loggedIn.status).toBe(302)
		const code = (await suite.db.referralCode.findFirstOrThrow({ where: { userId: leader.id }, select: { code: true } })).code
		// The fake friend follows the link in that browser, from another address, and signs up.
		const friendAddress = newAddress()
		const visit = await fetch(`${suite.server.url}/r/${code}`, { headers: { Cookie: device, 'X-Forwarded-For': friendAddress }, redirect: 'manual' })
		const visitCookies = visit.headers.getSetCookie().map((c) => c.split(';')[0]!)
		expect(visitCookies.length).toBeGreaterThan(0)
		await signup('ring-friend@quanzi.test', friendAddress, [device, ...visitCookies].join('; '))
		const friend = await suite.db.user.findUniqueOrThrow({ where: { email: 'ring-friend@quanzi.test' }, select: { id: true } })
		expect(await suite.db.attribution.findUnique({ where: { memberId: friend.id }, select: { referrerId: true, status: true, flagReason: true } })).toEqual({
			referrerId: leader.id,
			status: 'flagged',
			flagReason: 'sameDevice',
		})
		expect(await suite.db.pointsEntry.count({ where: { userId: leader.id } })).toBe(0)
	})

	test('votes: accounts made today vote, but their votes count apart and earn nothing', async () => {
		const author = await suite.db.user.findFirstOrThrow({ select: { id: true } })
		const candidate = await suite.db.candidate.create({ data: { title: 'A rounder teapot', proposedById: author.id, stage: 'voting' }, select: { id: true } })
		for (let i = 0; i < 3; i++) {
			const address = newAddress()
			const cookie = sessionCookie(await signup(`sock-${i}@quanzi.test`, address))
			const response = await form(`/vote/${candidate.id}`, { intent: 'vote' }, address, cookie)
			expect(response.status).toBe(200)
			expect(await response.text()).toContain('Thanks! Your vote is counted apart until your account is a day old.')
		}
		expect(await suite.db.vote.count({ where: { candidateId: candidate.id } })).toBe(3)
		expect(await suite.db.pointsEntry.count({ where: { user: { email: { startsWith: 'sock-' } }, reason: { contains: 'vote' } } })).toBe(0)
	})
})
