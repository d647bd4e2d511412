// Applies prisma/postgres/migrations to a PostgreSQL database, recording each one in
// `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, same checksum),
// so Prisma's own tools read the history as theirs. Prisma's js schema engine cannot run
// deploy on PostgreSQL here (docs/decisions/019-postgresql.md).
//
//   node scripts/pg-migrate.mjs postgresql://…      (npm start and the tests call applyPostgresMigrations)
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

export const PG_MIGRATIONS = path.resolve(import.meta.dirname, '../prisma/postgres/migrations')

// The number Prisma's schema engine locks with, so our applier and Prisma's never overlap.
const ADVISORY_LOCK = 72707369

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

/** The committed migrations in order: folder name, SQL and its checksum (SHA-256 of the file, as Prisma computes it). */
export function readMigrations(folder = PG_MIGRATIONS) {
	if (!existsSync(folder)) return []
	return readdirSync(folder, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'migration.sql')))
		.map((entry) => entry.name)
		.sort()
		.map((name) => {
			const sql = readFileSync(path.join(folder, name, 'migration.sql'), 'utf8')
			return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
		})
}

/**
 * Applies every migration the database does not have yet, each in its own transaction,
 * under an advisory lock so app processes starting together apply each one once.
 * Returns the names applied. Refuses to go on past a migration that failed earlier.
 */
export async function applyPostgresMigrations(databaseUrl, { folder = PG_MIGRATIONS, log = () => {} } = {}) {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	const applied = []
	try {
		await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK])
		await client.query(MIGRATIONS_TABLE)
		const { rows } = await client.query('SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"')
		const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null)
		if (failed) throw new Error(`Migration ${failed.migration_name} failed earlier and was not rolled back; fix the database, then mark it rolled back.`)
		const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]))
		for (const migration of readMigrations(folder)) {
			if (done.has(migration.name)) {
				if (done.get(migration.name) !== migration.checksum) log(`warning: ${migration.name} was changed after it was applied`)
				continue
			}
			const id = randomUUID()
			await client.query('BEGIN')
			try {
				await client.query('INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 0)', [
					id,
					migration.checksum,
					migration.name,
				])
				await client.query(migration.sql)
				await client.query('UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1', [id])
				await client.query('COMMIT')
			} catch (error) {
				await client.query('ROLLBACK')
				throw new Error(`Migration ${migration.name} failed and was rolled back: ${error.message}`)
			}
			applied.push(migration.name)
			log(`applied ${migration.name}`)
		}
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK]).catch(() => {})
		await client.end()
	}
	return applied
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const url = process.argv[2] ?? process.env.DATABASE_URL
	if (!url || !/^postgres(ql)?:\/\//.test(url)) {
		console.error('Give a PostgreSQL URL: node scripts/pg-migrate.mjs postgresql://user@host:5432/quanzi')
		process.exit(2)
	}
	try {
		const applied = await applyPostgresMigrations(url, { log: (line) => console.error(line) })
		console.error(applied.length ? `${applied.length} migration(s) applied.` : 'The database is up to date.')
	} catch (error) {
		console.error(error.message)
		process.exit(1)
	}
}
