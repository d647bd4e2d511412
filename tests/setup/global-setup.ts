import { mkdirSync, rmSync } from 'node:fs'
import { applyMigrations, ensureBuild, ensurePrismaClient } from '../../scripts/lib.mjs'
import { TEMPLATE_DB, TMP } from './paths.ts'

/** Once per run: the Prisma client, the production build, and a migrated template database. */
export default function setup() {
	mkdirSync(TMP, { recursive: true })
	ensurePrismaClient()
	// Unit tests alone need no build; QUANZI_SKIP_BUILD=1 lets a run of them skip it.
	if (process.env.QUANZI_SKIP_BUILD !== '1') ensureBuild()
	rmSync(TEMPLATE_DB, { force: true })
	applyMigrations(`file:${TEMPLATE_DB}`)
}
