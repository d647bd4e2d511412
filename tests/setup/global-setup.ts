import { mkdirSync, rmSync } from 'node:fs'
import { applyMigrations, ensureBuild, ensurePrismaClient } from '../../scripts/lib.mjs'
import { createPostgresTemplate, onPostgres } from './databases.ts'
import { TEMPLATE_DB, TMP } from './paths.ts'

/** Once per run: the Prisma clients, the production build, and a migrated template database (file, and on PostgreSQL runs a template database too). */
export default async function setup() {
	mkdirSync(TMP, { recursive: true })
	await ensurePrismaClient()
	// Unit tests alone need no build; QUANZI_SKIP_BUILD=1 lets a run of them skip it.
	if (process.env.QUANZI_SKIP_BUILD !== '1') ensureBuild()
	rmSync(TEMPLATE_DB, { force: true })
	await applyMigrations(`file:${TEMPLATE_DB}`)
	if (onPostgres) await createPostgresTemplate(applyMigrations)
}
