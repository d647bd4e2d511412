import { PrismaClient } from '#app/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'
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

export const prisma = remember('prisma', () => {
	return new PrismaClient({ adapter: serializedSQLite(getEnv().DATABASE_URL, 5000) })
})

const ready = remember('prisma-ready', () => ({ promise: undefined as Promise<void> | undefined }))

/** Opens the database and applies the connection settings; safe to call many times. */
export function connectDatabase(): Promise<void> {
	ready.promise ??= (async () => {
		for (const pragma of PRAGMAS) await prisma.$queryRawUnsafe(pragma)
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
