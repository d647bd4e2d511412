import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { connectDatabase, isDatabaseUnavailable, isDatabaseWritable, prisma } from '#app/lib/db.server.ts'
import { onPostgres, TEST_POSTGRES } from '#tests/setup/databases.ts'

// Which errors mean "the database is busy or gone, try again shortly" (a 503) and which are the
// request's or the code's fault (never a 503): real errors from the drivers and from Prisma.

async function caught(work: () => Promise<unknown>): Promise<unknown> {
	try {
		await work()
	} catch (error) {
		return error
	}
	throw new Error('expected an error')
}

describe('database unavailable or not', () => {
	test('a unique violation, a missing row and a plain bug are not the database being unavailable', async () => {
		await connectDatabase()
		const email = 'twice@quanzi.test'
		await prisma.user.create({ data: { email, displayName: 'Once', passwordHash: 'x' }, select: { id: true } })
		expect(isDatabaseUnavailable(await caught(() => prisma.user.create({ data: { email, displayName: 'Twice', passwordHash: 'x' }, select: { id: true } })))).toBe(false)
		expect(isDatabaseUnavailable(await caught(() => prisma.user.findUniqueOrThrow({ where: { id: 'nobody' }, select: { id: true } })))).toBe(false)
		expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false)
		expect(isDatabaseUnavailable(undefined)).toBe(false)
		expect(await isDatabaseWritable()).toBe(true)
	})

	test.skipIf(onPostgres)('SQLite: a write lock held by another connection is', { timeout: 20_000 }, async () => {
		await connectDatabase()
		const other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ''))
		other.exec('BEGIN IMMEDIATE')
		try {
			const third = new Database(process.env.DATABASE_URL!.replace(/^file:/, ''), { timeout: 0 })
			const driverError = (() => {
				try {
					third.exec('BEGIN IMMEDIATE')
				} catch (error) {
					return error
				} finally {
					third.close()
				}
			})()
			expect(driverError).toMatchObject({ code: 'SQLITE_BUSY' })
			expect(isDatabaseUnavailable(driverError)).toBe(true)
			// Through Prisma the same lock is a timeout (P1008) after the busy timeout.
			const prismaError = await caught(() => prisma.user.create({ data: { email: 'locked@quanzi.test', displayName: 'Locked', passwordHash: 'x' }, select: { id: true } }))
			expect(prismaError).toMatchObject({ code: 'P1008' })
			expect(isDatabaseUnavailable(prismaError)).toBe(true)
			expect(await isDatabaseWritable()).toBe(false)
		} finally {
			other.exec('ROLLBACK')
			other.close()
		}
		expect(await isDatabaseWritable()).toBe(true)
	})

	test.skipIf(!onPostgres)('PostgreSQL: a terminated connection and a database refusing connections are', async () => {
		const name = new URL(process.env.DATABASE_URL!).pathname.slice(1)
		const victim = new pg.Client({ connectionString: process.env.DATABASE_URL })
		await victim.connect()
		const terminated = new Promise<unknown>((resolve) => victim.on('error', resolve))
		const admin = new pg.Client({ connectionString: `${TEST_POSTGRES}/postgres` })
		await admin.connect()
		try {
			await admin.query('SELECT pg_terminate_backend($1)', [(await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid])
			expect(isDatabaseUnavailable(await terminated)).toBe(true)
			await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`)
			const refused = await caught(async () => {
				const late = new pg.Client({ connectionString: process.env.DATABASE_URL })
				await late.connect()
			})
			expect(isDatabaseUnavailable(refused)).toBe(true)
		} finally {
			await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`)
			await admin.end()
		}
	})
})
