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

/** Whether the URL points at PostgreSQL (scale-out mode) rather than a SQLite file. */
export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//.test(url ?? '')

/**
 * Two Prisma clients are generated from the one schema source: app/generated/prisma for
 * SQLite and app/generated/prisma-pg for PostgreSQL (from prisma/postgres/schema.prisma,
 * which scripts/schema-variants.mjs makes). Regenerated when the source is newer.
 */
export async function ensurePrismaClient({ force = false } = {}) {
	const { writePostgresVariant } = await import('./schema-variants.mjs')
	writePostgresVariant()
	const schema = mtime('prisma/schema.prisma')
	if (force || mtime('app/generated/prisma/client.ts') < schema) {
		run(BIN('prisma'), ['generate'], { env: { DATABASE_URL: 'file:./data/quanzi.db' } })
	}
	if (force || mtime('app/generated/prisma-pg/client.ts') < schema) {
		run(BIN('prisma'), ['generate', '--config', 'prisma/postgres/prisma.config.ts'], { env: { DATABASE_URL: 'postgresql://quanzi@127.0.0.1:5432/quanzi' } })
	}
}

/** Builds the app when any source is newer than the last build. */
export function ensureBuild() {
	const built = mtime('build/server/index.js')
	const sources = newest('app', 'public', 'vite.config.ts', 'package-lock.json')
	if (built >= sources) return
	console.log('Building Quanzi…')
	run(BIN('remix'), ['vite:build'], { env: { NODE_ENV: 'production' } })
}

/** Applies pending migrations to DATABASE_URL: Prisma's deploy on SQLite (creating the file), our applier on PostgreSQL. */
export async function applyMigrations(databaseUrl) {
	if (isPostgresUrl(databaseUrl)) {
		const { applyPostgresMigrations } = await import('./pg-migrate.mjs')
		try {
			await applyPostgresMigrations(databaseUrl, { log: (line) => console.error(line) })
		} catch (error) {
			console.error(`\n✗ Migrating the PostgreSQL database failed: ${error.message}`)
			process.exit(1)
		}
		return
	}
	run(BIN('prisma'), ['migrate', 'deploy'], { env: { DATABASE_URL: databaseUrl }, stdio: ['ignore', 'ignore', 'inherit'] })
}
