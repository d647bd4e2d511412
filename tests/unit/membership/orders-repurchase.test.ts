import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { sendRepurchaseReminders } from '#app/domain/membership/repurchase.server.ts'
import { saveProductFromForm } from '#app/domain/posts/product-form.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '../posts/fixtures.ts'

// Repurchase reminders: once, when a product's days have passed since a paid order, unless the
// member bought it again since, and never for history older than the late window.

const DAY = 86_400_000
const NOW = new Date('2025-06-01T04:00:00Z')
const before = (days: number) => new Date(NOW.getTime() - days * DAY)

async function product(repurchaseDays: number | null, status = 'active') {
	const sku = `RP-${randomUUID().slice(0, 8)}`
	return prisma.product.create({ data: { name: `Tea ${sku}`, sku, priceCents: 5900, repurchaseDays, status }, select: { id: true, sku: true, name: true } })
}

async function order(memberId: string | null, sku: string, placedAt: Date, status = 'paid') {
	const row = await prisma.shopOrder.create({
		data: { externalId: `RP-${randomUUID()}`, memberId, totalCents: 5900, status, placedAt, lines: { create: [{ sku, quantity: 1, unitCents: 5900 }] } },
		select: { id: true },
	})
	return row.id
}

const reminders = (userId: string) => prisma.notification.findMany({ where: { userId, kind: 'repurchaseReminder' }, select: { params: true, link: true, key: true } })

describe('repurchase reminders', () => {
	test('due after the product’s days, sent once however often the job runs', async () => {
		const [tea, m] = [await product(30), await member()]
		await order(m.id, tea.sku, before(31))
		await order(m.id, tea.sku, before(29)) // not due yet, and bought after the first: the first is skipped too
		const other = await member()
		const dueOther = await order(other.id, tea.sku, before(35))

		expect(await sendRepurchaseReminders(NOW)).toBe(1)
		expect(await sendRepurchaseReminders(NOW)).toBe(0)
		expect(await reminders(m.id)).toEqual([])
		expect(await reminders(other.id)).toEqual([{ params: JSON.stringify({ product: tea.name }), link: `/products/${tea.id}`, key: `repurchase:${dueOther}:${tea.sku}` }])
	})

	test('never for refunded, unlinked or too-old orders, products without days, or archived products', async () => {
		const m = await member()
		const [tea, plain, archived] = [await product(10), await product(null), await product(10, 'archived')]
		await order(m.id, tea.sku, before(15), 'refunded')
		await order(null, tea.sku, before(15))
		await order(m.id, tea.sku, before(10 + 31))
		await order(m.id, plain.sku, before(400))
		await order(m.id, archived.sku, before(15))
		await sendRepurchaseReminders(NOW)
		expect(await reminders(m.id)).toEqual([])

		// On the day it falls due, and up to 30 days late, it is sent.
		const onTime = await order(m.id, tea.sku, before(10))
		await sendRepurchaseReminders(NOW)
		expect((await reminders(m.id)).map((r) => r.key)).toEqual([`repurchase:${onTime}:${tea.sku}`])
	})

	test('pages through many orders in one run', async () => {
		const tea = await product(7)
		// Written directly (no password hashing): 250 members, one due order each, more than a page of 200.
		const ids = Array.from({ length: 250 }, () => `rp${randomUUID().replaceAll('-', '')}`)
		await prisma.user.createMany({ data: ids.map((id) => ({ id, email: `${id}@quanzi.test`, displayName: 'Buyer', passwordHash: 'x' })) })
		await prisma.shopOrder.createMany({ data: ids.map((id) => ({ id: `o-${id}`, externalId: `RP-${id}`, memberId: id, totalCents: 100, placedAt: before(8) })) })
		await prisma.shopOrderLine.createMany({ data: ids.map((id) => ({ orderId: `o-${id}`, sku: tea.sku, quantity: 1, unitCents: 100 })) })
		expect(await sendRepurchaseReminders(NOW)).toBe(250)
		expect(await prisma.notification.count({ where: { kind: 'repurchaseReminder', userId: { in: ids } } })).toBe(250)
	})

	test('the product form sets the days: 1 to 365, or empty for none; anything else is refused next to the field', async () => {
		const staff = await member({ role: 'merchant' })
		const sku = `JAS-${randomUUID().slice(0, 6)}`
		const post = (fields: Record<string, string>) => {
			const form = new FormData()
			for (const [k, v] of Object.entries({ name: 'Jasmine', sku, price: '59.00', status: 'active', ...fields })) form.append(k, v)
			return new Request('http://localhost/console/products', { method: 'POST', body: form })
		}
		const created = await saveProductFromForm(post({ repurchaseDays: '45' }), staff.id)
		if (!created.ok) throw new Error(JSON.stringify(created))
		const days = async () => (await prisma.product.findUniqueOrThrow({ where: { id: created.id }, select: { repurchaseDays: true } })).repurchaseDays
		expect(await days()).toBe(45)
		for (const wrong of ['0', '366', '1.5', 'monthly']) {
			const refused = await saveProductFromForm(post({ repurchaseDays: wrong, name: 'Jasmine pearls' }), staff.id, created.id)
			expect(refused).toMatchObject({ ok: false, fieldErrors: { repurchaseDays: 'orders.product.repurchaseError' }, values: { name: 'Jasmine pearls', repurchaseDays: wrong } })
		}
		expect(await days()).toBe(45)
		expect((await saveProductFromForm(post({ repurchaseDays: '' }), staff.id, created.id)).ok).toBe(true)
		expect(await days()).toBeNull()
	})
})
