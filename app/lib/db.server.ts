import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { PrismaClient as PostgresClient } from '#app/generated/prisma-pg/client.ts'
import { getEnv, isPostgresUrl } from './env.server.ts'
import { remember } from './remember.ts'
import { serializedSQLite } from './sqlite-adapter.server.ts'

export type { Prisma } from '#app/generated/prisma/client.ts'

// NOTE: the better-sqlite3 adapter holds one connection per process, so these
// per-connection pragmas run once, before the first query (see connectDatabase).
const PRAGMAS = [
	'PRAGMA journal_mode = WAL',
	'PRAGMA synchronous = NORMAL',
	'PRAGMA foreign_keys = ON',
	'PRAGMA busy_timeout = 5000',
]

/** Whether this process runs on PostgreSQL (scale-out mode) rather than the embedded SQLite file. */
export const onPostgres = (): boolean => isPostgresUrl(getEnv().DATABASE_URL)

// NOTE: the two generated clients have the same models and the same query API; the PostgreSQL
// one is typed as the SQLite one, so the code is written (and type-checked) once against the
// common ground. Anything either database does differently lives behind a function here.
export const prisma = remember('prisma', () => {
	const { DATABASE_URL, DATABASE_POOL_SIZE } = getEnv()
	if (isPostgresUrl(DATABASE_URL)) {
		// NOTE: a burst (500 members claiming one flash sale) queues for the pool's connections; the wait
		// is bounded so an unreachable server fails requests instead of holding them forever.
		const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE, connectionTimeoutMillis: 30_000 })
		return new PostgresClient({ adapter }) as unknown as PrismaClient
	}
	return new PrismaClient({ adapter: serializedSQLite(DATABASE_URL, 5000) })
})

const ready = remember('prisma-ready', () => ({ promise: undefined as Promise<void> | undefined }))

/** Opens the database and applies the connection settings; safe to call many times. */
export function connectDatabase(): Promise<void> {
	ready.promise ??= (async () => {
		if (onPostgres()) await prisma.$queryRawUnsafe('SELECT 1')
		else for (const pragma of PRAGMAS) await prisma.$queryRawUnsafe(pragma)
	})()
	return ready.promise
}

/** True when the database answers a trivial query. */
export async function isDatabaseReachable(): Promise<boolean> {
	try {
		await prisma.$queryRawUnsafe('SELECT 1')
		return true
	} catch {
		return false
	}
}

/** Whether a write failed a CHECK guard (the two databases word it differently). */
export function isCheckViolation(error: unknown): boolean {
	return error instanceof Error && /CHECK constraint failed|violates check constraint/i.test(error.message)
}
