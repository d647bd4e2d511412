import { mkdirSync, rmSync } from 'node:fs'
import { applyMigrations, ensureBuild, ensurePrismaClient } from '../../scripts/lib.mjs'
import { TEMPLATE_DB, TMP } from './paths.ts'

/** Once per run: the Prisma client, the production build, and a migrated template database. */
export default function setup() {
	mkdirSync(TMP, { recursive: true })
	ensurePrismaClient()
	ensureBuild()
	rmSync(TEMPLATE_DB, { force: true })
	applyMigrations(`file:${TEMPLATE_DB}`)
}
