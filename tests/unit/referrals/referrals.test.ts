import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { getBalance } from '#app/domain/points/ledger.server.ts'
import { attributeSignup, fissionStats, inviteTree, listFlagged, payDueOrderRewards, recordQualifyingOrder, reviewAttribution } from '#app/domain/referrals/attribution.server.ts'
import { getReferralCode, getShareCode, openLink, recordDevice } from '#app/domain/referrals/links.server.ts'

const DAY = 24 * 3600_000
let n = 0
async function person(name = 'R') {
	return (await createUser({ email: `r-${randomUUID()}@quanzi.test`, displayName: `${name}${++n}`, password: 'long enough' }))!.id
}
const ip = () => `172.16.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`

/** A friend opens the referrer's link, then signs up from their own browser and address. */
async function referredSignup(referrerId: string, options: { ip?: string; deviceId?: string; at?: Date; now?: Date } = {}) {
	const code = await getReferralCode(referrerId)
	expect(await openLink({ kind: 'referral', code })).toEqual({ referrerId, path: '/signup' })
	const memberId = await person('Friend')
	const attribution = await attributeSignup({
		memberId,
		visit: { kind: 'referral', code, at: options.at ?? new Date() },
		ip: options.ip ?? ip(),
		deviceId: options.deviceId ?? randomUUID(),
		now: options.now,
	})
	return { memberId, attribution }
}

describe('referral links', () => {
	test('a friend who signs up through the link pays the referrer the sign-up reward, once', async () => {
		const referrer = await person()
		const { memberId, attribution } = await referredSignup(referrer)
		expect(attribution).toMatchObject({ status: 'paid', flagReason: null })
		expect(await getBalance(referrer)).toBe(20)
		// A retried sign-up attributes nothing more and pays nothing more.
		const again = await attributeSignup({ memberId, visit: { kind: 'referral', code: await getReferralCode(referrer), at: new Date() }, ip: ip(), deviceId: null })
		expect(again).toBeNull()
		expect(await getBalance(referrer)).toBe(20)
	})

	test('a visit older than 30 days no longer counts', async () => {
		const referrer = await person()
		const { attribution } = await referredSignup(referrer, { at: new Date(Date.now() - 31 * DAY) })
		expect(attribution).toBeNull()
		expect(await getBalance(referrer)).toBe(0)
	})

	test('a share link lands on what was shared and pays for the sign-up it brings, not for the share', async () => {
		const sharer = await person()
		const code = await getShareCode(sharer, 'post', 'post-42')
		expect(await getShareCode(sharer, 'post', 'post-42')).toBe(code)
		expect(await getBalance(sharer)).toBe(0)
		expect(await openLink({ kind: 'share', code })).toEqual({ referrerId: sharer, path: '/posts/post-42' })
		const friend = await person('Friend')
		const result = await attributeSignup({ memberId: friend, visit: { kind: 'share', code, at: new Date() }, ip: ip(), deviceId: randomUUID() })
		expect(result).toMatchObject({ status: 'paid' })
		expect(await getBalance(sharer)).toBe(10)
		expect(await openLink({ kind: 'share', code: 'nope' })).toBeNull()
	})
})

describe('fraud rules hold the reward for the merchant', () => {
	test('self-referral', async () => {
		const member = await person()
		const result = await attributeSignup({ memberId: member, visit: { kind: 'referral', code: await getReferralCode(member), at: new Date() }, ip: ip(), deviceId: null })
		expect(result).toMatchObject({ status: 'flagged', flagReason: 'self' })
		expect(await getBalance(member)).toBe(0)
	})

	test("a new account on the referrer's own browser", async () => {
		const referrer = await person()
		const device = randomUUID()
		await recordDevice(referrer, device, ip())
		const { attribution } = await referredSignup(referrer, { deviceId: device })
		expect(attribution).toMatchObject({ status: 'flagged', flagReason: 'sameDevice' })
		expect(await getBalance(referrer)).toBe(0)
	})

	test("a new account from the referrer's address within 24 hours", async () => {
		const referrer = await person()
		const address = ip()
		await recordDevice(referrer, randomUUID(), address)
		const { attribution } = await referredSignup(referrer, { ip: address })
		expect(attribution).toMatchObject({ status: 'flagged', flagReason: 'sameAddress' })
	})

	test('more than 10 referred sign-ups from one address in a week', async () => {
		const referrer = await person()
		const address = ip()
		const results = []
		for (let i = 0; i < 11; i++) results.push((await referredSignup(referrer, { ip: address })).attribution)
		expect(results.slice(0, 10).every((r) => r?.status === 'paid')).toBe(true)
		expect(results[10]).toMatchObject({ status: 'flagged', flagReason: 'addressVelocity' })
		expect(await getBalance(referrer)).toBe(200)
	})

	test('the merchant approves (pays once) or rejects (pays nothing) a held referral', async () => {
		const referrer = await person()
		const device = randomUUID()
		await recordDevice(referrer, device, ip())
		const held = (await referredSignup(referrer, { deviceId: device })).attribution!
		expect((await listFlagged()).map((f) => f.id)).toContain(held.id)
		expect(await reviewAttribution(held.id, 'approve')).toBe(true)
		expect(await reviewAttribution(held.id, 'approve')).toBe(false)
		expect(await getBalance(referrer)).toBe(20)
		const other = (await referredSignup(referrer, { deviceId: device })).attribution!
		expect(await reviewAttribution(other.id, 'reject')).toBe(true)
		expect(await getBalance(referrer)).toBe(20)
	})
})

describe('first orders', () => {
	test("the friend's first order pays the referrer after the return window, once", async () => {
		const referrer = await person()
		const { memberId } = await referredSignup(referrer)
		const placedAt = new Date()
		expect(await recordQualifyingOrder({ memberId, orderRef: 'order-1', placedAt })).toBe('scheduled')
		expect(await recordQualifyingOrder({ memberId, orderRef: 'order-2', placedAt })).toBe('alreadyCounted')
		expect(await payDueOrderRewards(new Date(placedAt.getTime() + 13 * DAY))).toBe(0)
		expect(await getBalance(referrer)).toBe(20)
		const after = new Date(placedAt.getTime() + 15 * DAY)
		expect(await payDueOrderRewards(after)).toBeGreaterThanOrEqual(1)
		expect(await payDueOrderRewards(after)).toBe(0)
		expect(await getBalance(referrer)).toBe(220)
		expect(await recordQualifyingOrder({ memberId: referrer, orderRef: 'order-3', placedAt })).toBe('notReferred')
	})
})

describe('the invite tree and fission numbers', () => {
	test('who brought whom, two levels deep', async () => {
		const root = await person('Root')
		const a = (await referredSignup(root)).memberId
		const b = (await referredSignup(root)).memberId
		const c = (await referredSignup(a)).memberId
		const tree = await inviteTree(root)
		expect(tree.map((t) => t.memberId)).toEqual([a, b])
		expect(tree[0]!.children.map((t) => t.memberId)).toEqual([c])
		expect(tree[1]!.children).toEqual([])
	})

	test('fission numbers count visits, sign-ups, orders, K-factor and points per new member', async () => {
		const find = async () => (await fissionStats()).find((s) => s.campaign === 'referral')!
		const before = await find()
		const referrer = await person()
		const friends = [await referredSignup(referrer), await referredSignup(referrer)]
		await openLink({ kind: 'referral', code: await getReferralCode(referrer) }) // a visit that never signs up
		await recordQualifyingOrder({ memberId: friends[0]!.memberId, orderRef: 'o-fission', placedAt: new Date() })
		const after = await find()
		expect(after.invited - before.invited).toBe(3)
		expect(after.signedUp - before.signedUp).toBe(2)
		expect(after.ordered - before.ordered).toBe(1)
		// Every inviting member so far brought one or more: K is sign-ups over inviters.
		expect(after.kFactor).toBeGreaterThanOrEqual(1)
		expect(after.pointsPerMember).toBeGreaterThanOrEqual(20)
	})
})
