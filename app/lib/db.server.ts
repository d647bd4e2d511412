import { PrismaPg } from '@prisma/adapter-pg'
import Database from 'better-sqlite3'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { PrismaClient as PostgresClient } from '#app/generated/prisma-pg/client.ts'
import { getEnv, isPostgresUrl } from './env.server.ts'
import { remember } from './remember.ts'
import { serializedSQLite } from './sqlite-adapter.server.ts'
import { cleanQueryArgs } from './stored-text.ts'

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
export const prisma = remember('prisma', () => withCleanText(createClient()))

function createClient(): PrismaClient {
	const { DATABASE_URL, DATABASE_POOL_SIZE } = getEnv()
	if (isPostgresUrl(DATABASE_URL)) {
		// NOTE: a burst (500 members claiming one flash sale) queues for the pool's connections; the wait
		// is bounded so an unreachable server fails requests instead of holding them forever.
		const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE, connectionTimeoutMillis: 30_000 })
		return new PostgresClient({ adapter }) as unknown as PrismaClient
	}
	return new PrismaClient({ adapter: serializedSQLite(DATABASE_URL, 5000) })
}

// Every model query's strings lose NUL bytes, and names and titles their direction controls,
// whichever form, webhook, import or socket event they came from (decision 021). Raw SQL
// carries no member text and is left alone.
function withCleanText(client: PrismaClient): PrismaClient {
	return client.$extends({
		query: { $allModels: { $allOperations: ({ args, query }) => query(cleanQueryArgs(args)) } },
	}) as unknown as PrismaClient
}

const ready = remember('prisma-ready', () => ({ promise: undefined as Promise<void> | undefined }))

/** Opens the database and applies the connection settings; safe to call many times. */
export function connectDatabase(): Promise<void> {
	ready.promise ??= (async () => {
		if (onPostgres()) await prisma.$queryRawUnsafe('SELECT 1')
		else for (const pragma of PRAGMAS) await prisma.$queryRawUnsafe(pragma)
	})()
	return ready.promise
}

/** Whether a write failed a CHECK guard (the two databases word it differently). */
export function isCheckViolation(error: unknown): boolean {
	return error instanceof Error && /CHECK constraint failed|violates check constraint/i.test(error.message)
}

/** Seconds a client is told to wait (Retry-After) when the database is busy or gone: SQLite's busy timeout (decision 022). */
export const DATABASE_RETRY_AFTER_S = 5

// What counts as "the database is unavailable" rather than a bug (decision 022): Prisma's codes for
// a server it cannot reach, a timeout or a closed connection, a full pool (P2024) or too many
// connections; and beneath them the driver's own: SQLite's lock errors, PostgreSQL's connection
// exceptions (class 08), shut-down or terminated backends (57P01-57P03) and the socket errors.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037'])
const UNAVAILABLE_DRIVER_KINDS = new Set(['DatabaseNotReachable', 'SocketTimeout', 'ConnectionClosed', 'TooManyConnections'])
const UNAVAILABLE_DRIVER_CODES = /^(SQLITE_BUSY|SQLITE_LOCKED)|^08[0-9A-Z]{3}$|^57P0[123]$|^53300$|^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/
const UNAVAILABLE_MESSAGES =
	/database is locked|not currently accepting connections|terminating connection due to administrator command|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server/i

type ErrorLike = { code?: unknown; errorCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } }

/** Whether an error means the database is busy or gone (try again shortly), not that the request or the code is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
	let current: unknown = error
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const e = current as ErrorLike
		const code = typeof e.code === 'string' ? e.code : typeof e.errorCode === 'string' ? e.errorCode : ''
		if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_DRIVER_CODES.test(code)) return true
		const driver = e.meta?.driverAdapterError?.cause
		if (driver && (UNAVAILABLE_DRIVER_KINDS.has(String(driver.kind)) || UNAVAILABLE_DRIVER_CODES.test(String(driver.originalCode ?? '')))) return true
		if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true
		current = e.cause
	}
	return false
}

const PROBE_TIMEOUT_MS = 3_000
const PROBE_ATTEMPTS = 5
const PROBE_PAUSE_MS = 100
const probe = remember('sqlite-write-probe', () => ({ db: undefined as Database.Database | undefined }))

/**
 * Whether the database can take a write now. PostgreSQL: it answers a query within a few seconds.
 * SQLite: a second connection of the probe's own can take the write lock; a reader never notices
 * a held write lock (WAL), so `SELECT 1` alone would call a locked database healthy.
 * NOTE: the probe waits between attempts without blocking (busy timeout 0): the app's own batches
 * hold the lock for milliseconds, so only a lock held across all attempts counts.
 */
export async function isDatabaseWritable(): Promise<boolean> {
	try {
		if (onPostgres()) {
			let timer: NodeJS.Timeout | undefined
			const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('database probe timed out')), PROBE_TIMEOUT_MS)))
			try {
				await Promise.race([prisma.$queryRawUnsafe('SELECT 1'), timeout])
			} finally {
				clearTimeout(timer)
			}
			return true
		}
		probe.db ??= new Database(getEnv().DATABASE_URL.replace(/^file:/, ''), { timeout: 0, fileMustExist: true })
		for (let attempt = 0; attempt < PROBE_ATTEMPTS; attempt++) {
			try {
				probe.db.exec('BEGIN IMMEDIATE')
				probe.db.exec('ROLLBACK')
				return true
			} catch (error) {
				if (!isDatabaseUnavailable(error)) throw error
				await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS))
			}
		}
		return false
	} catch {
		return false
	}
}
