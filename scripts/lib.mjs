// Helpers for the npm scripts; plain Node, so they run before dependencies exist.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')

/** Runs a command in the project folder, streaming its output; exits on failure. */
export function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } })
	if (result.status !== 0) {
		console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`)
		process.exit(result.status ?? 1)
	}
	return result
}

/** The newest modification time under the given files and folders (0 when none exist). */
export function newest(...paths) {
	let latest = 0
	for (const p of paths.map((p) => path.resolve(root, p))) {
		if (!existsSync(p)) continue
		const stat = statSync(p)
		if (stat.isDirectory()) {
			for (const entry of readdirSync(p)) latest = Math.max(latest, newest(path.relative(root, path.join(p, entry))))
		} else latest = Math.max(latest, stat.mtimeMs)
	}
	return latest
}

export function mtime(file) {
	const p = path.resolve(root, file)
	return existsSync(p) ? statSync(p).mtimeMs : 0
}

const BIN = (name) => path.join(root, 'node_modules', '.bin', name)
export const bin = BIN

/** npm install when node_modules is missing or older than package.json / the lock file. */
export function ensureDependencies() {
	const marker = 'node_modules/.package-lock.json'
	if (mtime(marker) >= Math.max(mtime('package.json'), mtime('package-lock.json'))) return
	console.log('Installing dependencies (the first time takes a few minutes: better-sqlite3 compiles)…')
	run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'])
}

/** The Prisma client is generated from the schema; regenerate when the schema is newer. */
export function ensurePrismaClient() {
	if (mtime('app/generated/prisma/client.ts') >= mtime('prisma/schema.prisma')) return
	run(BIN('prisma'), ['generate'], { env: { DATABASE_URL: process.env.DATABASE_URL ?? 'file:./data/quanzi.db' } })
}

/** Builds the app when any source is newer than the last build. */
export function ensureBuild() {
	const built = mtime('build/server/index.js')
	const sources = newest('app', 'public', 'vite.config.ts', 'package-lock.json')
	if (built >= sources) return
	console.log('Building Quanzi…')
	run(BIN('remix'), ['vite:build'], { env: { NODE_ENV: 'production' } })
}

/** Applies pending migrations to DATABASE_URL (creating the SQLite file and its folder). */
export function applyMigrations(databaseUrl) {
	run(BIN('prisma'), ['migrate', 'deploy'], { env: { DATABASE_URL: databaseUrl }, stdio: ['ignore', 'ignore', 'inherit'] })
}
