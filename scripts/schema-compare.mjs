// The drift checks behind `npm run db:migration -- --check` for the PostgreSQL history.
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import { applyPostgresMigrations, readMigrations } from './pg-migrate.mjs'

/** The text of each CHECK (…) in a statement, parentheses balanced. */
function checksIn(sql) {
	const found = []
	const pattern = /\bCHECK\s*\(/gi
	let match
	while ((match = pattern.exec(sql))) {
		let depth = 0
		let end = match.index + match[0].length - 1
		for (; end < sql.length; end++) {
			if (sql[end] === '(') depth++
			else if (sql[end] === ')' && --depth === 0) break
		}
		found.push(sql.slice(match.index, end + 1))
		pattern.lastIndex = end
	}
	return found
}

// A CHECK is known by the columns it names: both histories quote every column they guard.
const columnsOf = (check) => [...new Set([...check.matchAll(/"([^"]+)"/g)].map((m) => m[1]))].sort().join(',')

/** table → the column sets of its CHECK guards, as a migrated SQLite file holds them. */
export function sqliteChecks(file) {
	const db = new Database(file, { readonly: true })
	try {
		const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name <> '_prisma_migrations'").all()
		return new Map(tables.map((t) => [t.name, checksIn(t.sql).map(columnsOf).sort()]).filter(([, checks]) => checks.length))
	} finally {
		db.close()
	}
}

/**
 * table → the column sets of its CHECK guards, from the PostgreSQL history's SQL. Guards there
 * are written as ALTER TABLE "T" ADD CONSTRAINT "name" CHECK (…) and removed with DROP CONSTRAINT.
 */
export function postgresChecks(folder) {
	const byName = new Map()
	for (const { sql } of readMigrations(folder)) {
		for (const statement of sql.split(/;\s*$/m)) {
			const table = statement.match(/ALTER TABLE\s+"([^"]+)"/i)?.[1]
			const dropped = statement.match(/DROP TABLE\s+(?:IF EXISTS\s+)?"([^"]+)"/i)?.[1]
			if (dropped) for (const [key, value] of byName) if (value.table === dropped) byName.delete(key)
			if (!table) continue
			for (const m of statement.matchAll(/DROP CONSTRAINT\s+(?:IF EXISTS\s+)?"([^"]+)"/gi)) byName.delete(m[1])
			const added = statement.match(/ADD CONSTRAINT\s+"([^"]+)"\s+CHECK/i)
			if (added) byName.set(added[1], { table, columns: columnsOf(checksIn(statement)[0]) })
		}
	}
	const tables = new Map()
	for (const { table, columns } of byName.values()) tables.set(table, [...(tables.get(table) ?? []), columns].sort())
	return tables
}

/** What differs between the SQLite history's CHECK guards and the PostgreSQL history's (empty when the same). */
export function checkParity(sqlite, folder) {
	const postgres = postgresChecks(folder)
	const problems = []
	for (const table of new Set([...sqlite.keys(), ...postgres.keys()])) {
		const a = JSON.stringify(sqlite.get(table) ?? [])
		const b = JSON.stringify(postgres.get(table) ?? [])
		if (a !== b) problems.push(`"${table}": SQLite guards ${a}, PostgreSQL guards ${b}`)
	}
	return problems.sort()
}

/** Every column, index and key of a PostgreSQL database, one line each (CHECKs are compared separately). */
async function snapshot(url) {
	const client = new pg.Client({ connectionString: url })
	await client.connect()
	try {
		const columns = await client.query(`SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
			FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`)
		const indexes = await client.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)
		const keys = await client.query(`SELECT conrelid::regclass::text AS "table", conname, contype, pg_get_constraintdef(oid) AS def
			FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'c' AND conrelid::regclass::text <> '_prisma_migrations'`)
		return new Set([
			...columns.rows.map((r) => `column ${r.table_name}.${r.column_name} ${r.data_type}(${r.character_maximum_length ?? ''}${r.numeric_precision ?? ''}${r.datetime_precision ?? ''}) ${r.is_nullable === 'YES' ? 'null' : 'not null'} default ${r.column_default ?? '-'}`),
			...indexes.rows.map((r) => `index ${r.tablename}.${r.indexname}: ${r.indexdef}`),
			...keys.rows.map((r) => `key ${r.table}.${r.conname} (${r.contype}): ${r.def}`),
		])
	} finally {
		await client.end()
	}
}

async function drop(server, names) {
	const client = new pg.Client({ connectionString: `${server}/postgres` })
	await client.connect()
	try {
		for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
	} finally {
		await client.end()
	}
}

async function recreate(server, name) {
	const client = new pg.Client({ connectionString: `${server}/postgres` })
	await client.connect()
	try {
		await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
		await client.query(`CREATE DATABASE "${name}"`)
	} finally {
		await client.end()
	}
	return `${server}/${name}`
}

/**
 * Builds one database from the PostgreSQL history and one straight from the schema (the SQL
 * schemaSql(url) returns), and lists every column, index or key in which they differ.
 */
export async function comparePostgres(server, schemaSql) {
	// Names of their own, so checks running side by side on one server never share a database.
	const id = randomUUID().replace(/-/g, '').slice(0, 12)
	const names = [`quanzi_check_history_${id}`, `quanzi_check_schema_${id}`]
	const [fromHistory, fromSchema] = [await recreate(server, names[0]), await recreate(server, names[1])]
	let history, schema
	try {
		await applyPostgresMigrations(fromHistory)
		const client = new pg.Client({ connectionString: fromSchema })
		await client.connect()
		try {
			await client.query(schemaSql(fromSchema))
		} finally {
			await client.end()
		}
		;[history, schema] = await Promise.all([snapshot(fromHistory), snapshot(fromSchema)])
	} finally {
		await drop(server, names)
	}
	const problems = [...[...schema].filter((line) => !history.has(line)).map((line) => `missing from the history: ${line}`), ...[...history].filter((line) => !schema.has(line)).map((line) => `not in the schema: ${line}`)]
	return problems.sort().slice(0, 40)
}

