import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import pg from 'pg'
import { applyPostgresMigrations, readMigrations } from '../../scripts/pg-migrate.mjs'
import { checkParity, comparePostgres, sqliteChecks } from '../../scripts/schema-compare.mjs'
import { TEST_POSTGRES } from '#tests/setup/databases.ts'
import { ROOT, TEMPLATE_DB } from '#tests/setup/paths.ts'

const PG_HISTORY = path.join(ROOT, 'prisma/postgres/migrations')

describe('migrations', () => {
	test('both histories build exactly prisma/schema.prisma and its PostgreSQL variant', () => {
		const result = spawnSync(process.execPath, ['scripts/db-migration.mjs', '--check'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, ...(TEST_POSTGRES ? { QUANZI_POSTGRES_URL: TEST_POSTGRES } : {}) },
		})
		const output = result.stderr + result.stdout
		expect(output).toContain('Migrations match prisma/schema.prisma.')
		// On a PostgreSQL run the history is built on the server and compared column by column.
		if (TEST_POSTGRES) expect(output).toContain('The PostgreSQL history builds prisma/postgres/schema.prisma.')
		expect(result.status).toBe(0)
	}, 180_000)

	test('the CHECK guards of the two histories agree, and a guard missing from one is caught', () => {
		const sqlite = sqliteChecks(TEMPLATE_DB)
		expect(sqlite.get('PointsBalance')).toEqual(['balance'])
		expect(checkParity(sqlite, PG_HISTORY)).toEqual([])

		const doctored = mkdtempSync(path.join(tmpdir(), 'quanzi-history-'))
		cpSync(PG_HISTORY, doctored, { recursive: true })
		const baseline = readMigrations(doctored)[0]!
		const file = path.join(doctored, baseline.name, 'migration.sql')
		writeFileSync(file, readFileSync(file, 'utf8').replace(/^ALTER TABLE "PointsBalance" ADD CONSTRAINT "\w+" CHECK .*$/m, ''))
		expect(checkParity(sqlite, doctored)).toEqual(['"PointsBalance": SQLite guards ["balance"], PostgreSQL guards []'])
	})

	test.runIf(TEST_POSTGRES)('on PostgreSQL, a schema the history does not build is caught', async () => {
		const baseline = readMigrations(PG_HISTORY)[0]!.sql
		const drifted = baseline.replace('"profileLine" TEXT,', '"profileLine" TEXT,\n    "nickname" TEXT,')
		const problems = await comparePostgres(TEST_POSTGRES!, () => drifted)
		expect(problems).toEqual(['missing from the history: column User.nickname text() null default -'])
	})

	test.runIf(TEST_POSTGRES)('on PostgreSQL, processes starting together apply each migration once, recorded as Prisma records it', async () => {
		// An empty database: a clone of the template would already hold everything.
		const name = `migrate_${Date.now()}`
		const admin = new pg.Client({ connectionString: `${TEST_POSTGRES}/postgres` })
		await admin.connect()
		await admin.query(`CREATE DATABASE "${name}"`)
		await admin.end()
		const target = `${TEST_POSTGRES}/${name}`

		const runs = await Promise.all(Array.from({ length: 4 }, () => applyPostgresMigrations(target)))
		const history = readMigrations(PG_HISTORY)
		expect(runs.flat().sort()).toEqual(history.map((m) => m.name))

		const client = new pg.Client({ connectionString: target })
		await client.connect()
		try {
			const { rows } = await client.query('SELECT "migration_name", "checksum", "applied_steps_count", "finished_at" IS NOT NULL AS "finished" FROM "_prisma_migrations" ORDER BY "migration_name"')
			expect(rows).toEqual(history.map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1, finished: true })))
			expect((await client.query('SELECT count(*)::int AS n FROM "PointsBalance"')).rows).toEqual([{ n: 0 }])
		} finally {
			await client.end()
		}
		expect(await applyPostgresMigrations(target)).toEqual([])
	}, 120_000)
})
