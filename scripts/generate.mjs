// npm install's postinstall: both Prisma clients (SQLite and PostgreSQL) from the one schema.
import { ensurePrismaClient } from './lib.mjs'

await ensurePrismaClient({ force: true })
