import { randomUUID } from 'node:crypto'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '../posts/fixtures.ts'

// Real rows, dated by hand: the dashboard is about when things happened.

/** A fixed range (3 weeks from Monday 5 January 2026), so weeks and "in range" are exact. */
export const RANGE = { from: new Date('2026-01-05T00:00:00Z'), to: new Date('2026-01-25T23:59:59.999Z') }
export const at = (day: string) => new Date(`${day}T12:00:00Z`)

/** A customer who signed up on the given day. */
export async function signedUp(day: string, role: 'customer' | 'merchant' = 'customer') {
	const m = await member({ role })
	await prisma.user.update({ where: { id: m.id }, data: { createdAt: at(day) }, select: { id: true } })
	return m
}

export async function paidOrder(memberId: string | null, day: string, status = 'paid') {
	return prisma.shopOrder.create({ data: { externalId: `ext-${randomUUID()}`, memberId, totalCents: 10_000, status, placedAt: at(day) }, select: { id: true } })
}
