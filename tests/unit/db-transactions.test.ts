import { setTimeout as sleep } from 'node:timers/promises'
import { expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { member } from './posts/fixtures.ts'

// NOTE: the SQLite adapter runs every query on one connection. A query made while another
// request's transaction is open must not become part of it: it must not read that
// transaction's uncommitted rows, and its write must survive when that transaction rolls
// back (a notification once vanished with a racing import's failed batch).

/** A transaction held open for a while, then rolled back, as a failed guard does. */
function transactionThatFails(key: string, holdMs: number) {
	return prisma
		.$transaction(async (tx) => {
			await tx.setting.create({ data: { key, value: 'uncommitted' }, select: { key: true } })
			await sleep(holdMs)
			throw new Error('guard failed')
		})
		.catch((error: Error) => error.message)
}

test('a write made while another transaction is open survives that transaction’s rollback', async () => {
	const m = await member()
	const failing = transactionThatFails('rolled-back', 150)
	await sleep(40)
	await prisma.notification.create({ data: { userId: m.id, kind: 'welcome' }, select: { id: true } })
	expect(await failing).toBe('guard failed')
	expect(await prisma.notification.count({ where: { userId: m.id } })).toBe(1)
	expect(await prisma.setting.count({ where: { key: 'rolled-back' } })).toBe(0)
})

test('a read made while another transaction is open does not see its uncommitted rows', async () => {
	const failing = transactionThatFails('dirty', 150)
	await sleep(40)
	const seen = await prisma.setting.findUnique({ where: { key: 'dirty' }, select: { value: true } })
	expect(seen).toBeNull()
	expect(await failing).toBe('guard failed')
})

test('queries and batches from many requests at once all complete, in order of arrival', async () => {
	const m = await member()
	const work = Array.from({ length: 60 }, (_, i) =>
		i % 3 === 0
			? prisma.$transaction([prisma.setting.create({ data: { key: `batch-${i}`, value: 'x' }, select: { key: true } })])
			: prisma.notification.create({ data: { userId: m.id, kind: 'welcome' }, select: { id: true } }),
	)
	await Promise.all(work)
	expect(await prisma.setting.count({ where: { key: { startsWith: 'batch-' } } })).toBe(20)
	expect(await prisma.notification.count({ where: { userId: m.id } })).toBe(40)
})
