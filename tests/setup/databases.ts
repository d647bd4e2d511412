import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { TEMPLATE_DB, TMP } from './paths.ts'

/**
 * Set by `npm run test:scale` (scripts/test-scale.mjs): the URL of a PostgreSQL server without a
 * database name. The suite then runs on PostgreSQL: each test file and each server gets a
 * database cloned from the migrated template, as on SQLite each gets a copy of the template file.
 */
export const TEST_POSTGRES = process.env.TEST_POSTGRES_URL || undefined
export const TEMPLATE_PG = 'quanzi_template'

/** Whether this run's databases are PostgreSQL. */
export const onPostgres = Boolean(TEST_POSTGRES)

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: `${TEST_POSTGRES}/postgres` })
	await client.connect()
	try {
		return await work(client)
	} finally {
		await client.end()
	}
}

/** A database of its own with every migration applied: a copy of the template file, or a PostgreSQL clone of the template database. */
export async function freshDatabaseUrl(label: string): Promise<string> {
	const id = randomUUID().replace(/-/g, '').slice(0, 16)
	if (!TEST_POSTGRES) {
		mkdirSync(TMP, { recursive: true })
		const file = path.join(TMP, `${label}-${id}.db`)
		copyFileSync(TEMPLATE_DB, file)
		return `file:${file}`
	}
	const name = `${label}_${id}`
	await onServer(async (client) => {
		// NOTE: cloning fails while another session is connected to the template; each clone is brief, so wait and try again.
		for (let attempt = 0; ; attempt++) {
			try {
				await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_PG}"`)
				return
			} catch (error) {
				if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error
				await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
			}
		}
	})
	return `${TEST_POSTGRES}/${name}`
}

/** Makes the template database from scratch (global setup, PostgreSQL runs only). */
export async function createPostgresTemplate(migrate: (url: string) => Promise<void>): Promise<void> {
	await onServer(async (client) => {
		await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_PG}" WITH (FORCE)`)
		await client.query(`CREATE DATABASE "${TEMPLATE_PG}"`)
	})
	await migrate(`${TEST_POSTGRES}/${TEMPLATE_PG}`)
}
