import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { prisma } from '#app/lib/db.server.ts'

describe('the database client', () => {
	test("a rolled-back transaction never takes another request's write with it", async () => {
		const owner = await createUser({ email: `iso-${randomUUID()}@quanzi.test`, displayName: 'Iso', password: 'long enough' })
		let concurrent: Promise<unknown> | undefined
		const failing = prisma.$transaction(async (tx) => {
			await tx.notification.create({ data: { userId: owner!.id, kind: 'welcome', params: '{"name":"in tx"}' } })
			// Another request writes while this transaction is open (the better-sqlite3 adapter
			// shares one connection, so this must wait rather than join the transaction)…
			concurrent = prisma.$executeRaw`UPDATE "User" SET "region" = 'outside' WHERE "id" = ${owner!.id}`
			await new Promise((resolve) => setTimeout(resolve, 50))
			// …and then this transaction fails.
			throw new Error('rolled back on purpose')
		})
		await expect(failing).rejects.toThrow('rolled back on purpose')
		await concurrent
		expect(await prisma.notification.count({ where: { userId: owner!.id } })).toBe(0)
		const { region } = await prisma.user.findUniqueOrThrow({ where: { id: owner!.id }, select: { region: true } })
		expect(region).toBe('outside')
	})
})
