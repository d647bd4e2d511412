// npm run db:migration -- <name>: writes the next migration, for SQLite and for PostgreSQL,
// from prisma/schema.prisma (the one source; prisma/postgres/schema.prisma is made from it).
// npm run db:migration -- --check: exits 1 when the variants or either history drift from it.
//
// Prisma's own `migrate dev` needs a shadow database the offline engine cannot make, so the
// SQLite history is replayed into a scratch file, read back (db pull) and diffed against the
// schema. The PostgreSQL history is written from the same diff, and checked by applying it to a
// scratch database and comparing that database, table by table, with one built straight from
// the schema (docs/decisions/001-database-workflow.md, 019-postgresql.md). The PostgreSQL
// steps need a server: the one in QUANZI_POSTGRES_URL (no database name), else a private one
// started for the run when PostgreSQL is installed.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { bin, root } from './lib.mjs'
import { postgresSchema, POSTGRES_VARIANT, variantDrift, writePostgresVariant } from './schema-variants.mjs'
import { checkParity, comparePostgres, sqliteChecks } from './schema-compare.mjs'

const arg = process.argv[2]
if (!arg) {
	console.error('Name the migration: npm run db:migration -- add-points-ledger   (or --check)')
	process.exit(2)
}
const check = arg === '--check'
const name = arg.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')

const scratch = mkdtempSync(path.join(tmpdir(), 'quanzi-migration-'))
const sqliteFile = path.join(scratch, 'replay.db')
const prisma = (args, env = { DATABASE_URL: `file:${sqliteFile}` }) => {
	const result = spawnSync(bin('prisma'), args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' })
	if (result.status !== 0) {
		console.error(result.stdout, result.stderr)
		process.exit(1)
	}
	return result.stdout
}
const statements = (sql) => sql.split('\n').filter((l) => l.trim() && !l.startsWith('--')).length

/** Runs work(serverUrl) against a PostgreSQL server: the given one, a private one, or none (returns false). */
async function withPostgres(work) {
	const given = process.env.QUANZI_POSTGRES_URL
	if (given) return (await work(given.replace(/\/$/, ''))) ?? true
	const { ensureInstalled, freePort, postgresInstalled, startPostgres } = await import('./services.mjs')
	// A check only uses PostgreSQL when it is there; writing a migration installs it when it may.
	if (check && !postgresInstalled()) return false
	try {
		ensureInstalled('postgres')
	} catch {
		return false
	}
	const server = await startPostgres({ port: await freePort(), durable: false })
	try {
		return (await work(server.url)) ?? true
	} finally {
		server.stop()
	}
}

const failures = []
try {
	// The variant: remade from the source when writing, compared when checking.
	if (check) {
		const drift = variantDrift()
		if (drift) failures.push(`${drift}. Run: npm run db:migration -- <name> (or node scripts/schema-variants.mjs) and commit it.`)
	} else writePostgresVariant()

	// SQLite: replay, read back, diff.
	prisma(['migrate', 'deploy'])
	const replayed = path.join(scratch, 'replayed.prisma')
	// NOTE: db pull prints a warning about the datasource url before the schema itself.
	const pulled = prisma(['db', 'pull', '--print'])
	writeFileSync(replayed, pulled.slice(pulled.search(/^(generator|datasource) /m)))
	const sqliteSql = prisma(['migrate', 'diff', '--from-schema-datamodel', replayed, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'])
	const changes = statements(sqliteSql) > 0
	if (check && changes) failures.push(`prisma/schema.prisma has changes that no migration holds:\n${sqliteSql}\nRun: npm run db:migration -- <name>`)

	// The hand-written CHECK guards must be the same in both histories (read from the SQL, no server needed).
	const parity = checkParity(sqliteChecks(sqliteFile), path.join(root, 'prisma/postgres/migrations'))
	if (check && parity.length) failures.push(`The PostgreSQL history's CHECK constraints differ from the SQLite history's:\n  ${parity.join('\n  ')}`)

	if (check) {
		const checked = await withPostgres(async (server) => {
			const problems = await comparePostgres(server, (databaseUrl) =>
				prisma(['migrate', 'diff', '--config', 'prisma/postgres/prisma.config.ts', '--from-empty', '--to-schema-datamodel', POSTGRES_VARIANT, '--script'], { DATABASE_URL: databaseUrl }),
			).catch((error) => [error.message])
			if (problems.length) failures.push(`The PostgreSQL history does not build prisma/postgres/schema.prisma:\n  ${problems.join('\n  ')}\nRun: npm run db:migration -- <name>`)
		})
		if (!checked) console.log('PostgreSQL is not installed here: its history was checked against the CHECK guards only.')
		if (failures.length) {
			console.error(failures.join('\n\n'))
			process.exit(1)
		}
		if (checked) console.log('The PostgreSQL history builds prisma/postgres/schema.prisma.')
		console.log('Migrations match prisma/schema.prisma.')
	} else if (!changes) {
		console.log('No schema changes: no migration written.')
	} else {
		const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
		const folder = path.join(root, 'prisma/migrations', `${stamp}_${name}`)
		mkdirSync(folder, { recursive: true })
		writeFileSync(path.join(folder, 'migration.sql'), sqliteSql)
		console.log(`Wrote ${path.relative(root, folder)}/migration.sql`)
		// PostgreSQL: the same step, from the replayed model made PostgreSQL to the new variant.
		const before = path.join(scratch, 'replayed-postgres.prisma')
		// NOTE: db pull keeps the schema's generator and datasource blocks, so the variant's rewrites apply.
		writeFileSync(before, postgresSchema(readFileSync(replayed, 'utf8')))
		const wrote = await withPostgres(async (server) => {
			const { createDatabase } = await import('./services.mjs')
			const url = createDatabase(server, 'quanzi_migration_diff')
			const pgSql = prisma(['migrate', 'diff', '--config', 'prisma/postgres/prisma.config.ts', '--from-schema-datamodel', before, '--to-schema-datamodel', POSTGRES_VARIANT, '--script'], { DATABASE_URL: url })
			const pgFolder = path.join(root, 'prisma/postgres/migrations', `${stamp}_${name}`)
			mkdirSync(pgFolder, { recursive: true })
			writeFileSync(path.join(pgFolder, 'migration.sql'), pgSql)
			console.log(`Wrote ${path.relative(root, pgFolder)}/migration.sql`)
		})
		if (!wrote) console.error('PostgreSQL is not installed here, so its migration was not written: install it (apt-get install postgresql) and run this again.')
		console.log('Read both, add any CHECK guard by hand to both, run npm run db:migration -- --check, then commit them with the schema.')
	}
} finally {
	rmSync(scratch, { recursive: true, force: true })
}
