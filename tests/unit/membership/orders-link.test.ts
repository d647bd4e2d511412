import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { signUp } from '#app/domain/accounts/accounts.server.ts'
import { claimOrder, linkOrdersToMember } from '#app/domain/membership/orders-link.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '../posts/fixtures.ts'
import { csv, importCsv, orderOf } from './orders-fixtures.ts'

// Orders reaching members after the import: at sign-up, when a phone is added, and by the
// claim code, which many members may race for and nobody may guess.

const uniq = () => randomUUID().slice(0, 8)

describe('orders waiting for a member', () => {
	test('a sign-up with the email an order was placed with gets that order, told once', async () => {
		const email = `new-${uniq()}@example.com`
		const orderId = `W-${uniq()}`
		await importCsv(csv([{ id: orderId, email: email.toUpperCase(), total: '88.00' }]))
		expect((await orderOf(orderId))!.memberId).toBeNull()

		const signed = await signUp({ email, displayName: 'Newcomer', password: 'long enough password' }, `10.1.${Math.floor(Math.random() * 250)}.1`)
		if (!signed.ok) throw new Error(signed.error)
		const order = await orderOf(orderId)
		expect(order).toMatchObject({ memberId: signed.userId, linkedAt: expect.any(Date) })
		expect(await prisma.notification.count({ where: { userId: signed.userId, kind: 'orderLinked' } })).toBe(1)
		// Calling it again finds nothing more to link and tells nobody twice.
		expect(await linkOrdersToMember(signed.userId)).toBe(0)
		expect(await prisma.notification.count({ where: { userId: signed.userId, kind: 'orderLinked' } })).toBe(1)
	})

	test('a phone added later links the orders given with it, never one already someone else’s', async () => {
		const [mei, lin] = [await member(), await member()]
		const [mine, claimed] = [`P-${uniq()}`, `P-${uniq()}`]
		const result = await importCsv(csv([{ id: mine, phone: '139 0000 1111' }, { id: claimed, phone: '13900001111' }]))
		const code = result.unlinked.find((u) => u.id === claimed)!.claimCode!
		expect((await claimOrder(lin.id, code)).ok).toBe(true)

		await prisma.user.update({ where: { id: mei.id }, data: { phone: '13900001111' } })
		expect(await linkOrdersToMember(mei.id)).toBe(1)
		expect((await orderOf(mine))!.memberId).toBe(mei.id)
		expect((await orderOf(claimed))!.memberId).toBe(lin.id)
	})
})

describe('claiming by code', () => {
	test('20 members claiming one code at once: exactly one gets it, the others are told it is on another account', async () => {
		const orderId = `C-${uniq()}`
		await importCsv(csv([{ id: orderId, claimCode: `RACE-${uniq()}` }]))
		const { claimCode } = (await orderOf(orderId))!
		const members = await Promise.all(Array.from({ length: 20 }, () => member()))
		const results = await Promise.all(members.map((m) => claimOrder(m.id, claimCode!)))
		const winners = results.flatMap((r, i) => (r.ok ? [members[i]!.id] : []))
		expect(winners).toHaveLength(1)
		expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 19 }, () => ({ ok: false, error: 'orders.claim.taken' })))
		expect((await orderOf(orderId))!.memberId).toBe(winners[0])
		expect(await prisma.notification.count({ where: { kind: 'orderLinked', userId: { in: members.map((m) => m.id) } } })).toBe(1)
	})

	test('ten wrong codes in ten minutes, then the member must wait, even for a right one', async () => {
		const guesser = await member()
		for (let i = 0; i < 10; i++) expect(await claimOrder(guesser.id, `GUESS${i}ABCD`)).toEqual({ ok: false, error: 'orders.claim.notFound' })
		const orderId = `G-${uniq()}`
		await importCsv(csv([{ id: orderId }]))
		const { claimCode } = (await orderOf(orderId))!
		expect(await claimOrder(guesser.id, claimCode!)).toEqual({ ok: false, error: 'orders.claim.tooMany', params: { minutes: 10 } })
		expect((await orderOf(orderId))!.memberId).toBeNull()
		// Another member is not held back by the guesser.
		const owner = await member()
		expect(await claimOrder(owner.id, claimCode!)).toMatchObject({ ok: true, order: orderId })
	})
})
