// npm start: install, migrate, seed the demo on an empty database, build, serve.
import { mkdirSync } from 'node:fs'
import { spawn } from 'node:child_process'
import path from 'node:path'
import { applyMigrations, bin, ensureBuild, ensureDependencies, ensurePrismaClient, root, run } from './lib.mjs'

const databaseUrl = process.env.DATABASE_URL || 'file:./data/quanzi.db'
const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: process.env.NODE_ENV || 'production' }

ensureDependencies()
await ensurePrismaClient()
if (databaseUrl.startsWith('file:')) mkdirSync(path.dirname(path.resolve(root, databaseUrl.slice(5))), { recursive: true })
await applyMigrations(databaseUrl)
if (process.env.SEED_DEMO !== 'false') run(bin('tsx'), ['prisma/seed.ts'], { env })
ensureBuild()

const port = process.env.PORT || '3000'
console.log(`
Quanzi is starting on http://localhost:${port}
Demo logins (password after the slash):
  merchant  merchant@quanzi.test / quanzi-merchant
  super-user leader@quanzi.test / quanzi-leader
  member    mei@quanzi.test / quanzi-member   (also lin@, tom@)
`)
const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { cwd: root, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
