import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll } from 'vitest'
import { freshDatabaseUrl } from './databases.ts'
import { TMP } from './paths.ts'

// Each test file gets its own copy of the migrated template, so files never share rows.
const databaseUrl = await freshDatabaseUrl('unit')
const dataDir = path.join(TMP, `data-${randomUUID()}`)
mkdirSync(dataDir, { recursive: true })
process.env.DATABASE_URL = databaseUrl
process.env.DATA_DIR = dataDir
process.env.NODE_ENV = 'test'
process.env.PUBLIC_URL = 'http://localhost:3999'

// NOTE: singletons live on globalThis (app/lib/remember.ts) and a vitest worker runs
// several files; clear them so this file's client opens this file's database.
const store = globalThis as unknown as { __quanzi?: Map<string, unknown> }
store.__quanzi = new Map()

afterAll(async () => {
	const prisma = store.__quanzi?.get('prisma') as { $disconnect(): Promise<void> } | undefined
	await prisma?.$disconnect()
})
