// npm run dev: the server with Vite's hot reload, on the same database as npm start.
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { applyMigrations, ensureDependencies, ensurePrismaClient, root } from './lib.mjs'

const databaseUrl = process.env.DATABASE_URL || 'file:./data/quanzi.db'
ensureDependencies()
await ensurePrismaClient()
mkdirSync('data', { recursive: true })
await applyMigrations(databaseUrl)
const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'development' }
const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { cwd: root, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
