// npm run db:migration -- <name>: writes the next migration from prisma/schema.prisma.
// npm run db:migration -- --check: exits 1 when the schema has changes no migration holds.
//
// Prisma's own `migrate dev` needs a shadow database the offline engine cannot make, so
// this replays the committed migrations into a scratch SQLite file, reads its schema
// back (db pull), and diffs that against the schema (docs/decisions/001-database-workflow.md).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { bin, root } from './lib.mjs'

const arg = process.argv[2]
if (!arg) {
	console.error('Name the migration: npm run db:migration -- add-points-ledger   (or --check)')
	process.exit(2)
}
const check = arg === '--check'
const name = arg.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')

const scratch = mkdtempSync(path.join(tmpdir(), 'quanzi-migration-'))
const env = { ...process.env, DATABASE_URL: `file:${path.join(scratch, 'replay.db')}` }
const prisma = (args) => {
	const result = spawnSync(bin('prisma'), args, { cwd: root, env, encoding: 'utf8' })
	if (result.status !== 0) {
		console.error(result.stdout, result.stderr)
		process.exit(1)
	}
	return result.stdout
}

try {
	prisma(['migrate', 'deploy'])
	const replayed = path.join(scratch, 'replayed.prisma')
	// NOTE: db pull prints a warning about the datasource url before the schema itself.
	const pulled = prisma(['db', 'pull', '--print'])
	writeFileSync(replayed, pulled.slice(pulled.search(/^(generator|datasource) /m)))
	const sql = prisma(['migrate', 'diff', '--from-schema-datamodel', replayed, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'])
	const changes = sql.split('\n').filter((l) => l.trim() && !l.startsWith('--')).length > 0
	if (check) {
		if (changes) {
			console.error(`prisma/schema.prisma has changes that no migration holds:\n${sql}\nRun: npm run db:migration -- <name>`)
			process.exit(1)
		}
		console.log('Migrations match prisma/schema.prisma.')
	} else if (!changes) {
		console.log('No schema changes: no migration written.')
	} else {
		const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
		const folder = path.join(root, 'prisma/migrations', `${stamp}_${name}`)
		mkdirSync(folder, { recursive: true })
		writeFileSync(path.join(folder, 'migration.sql'), sql)
		console.log(`Wrote ${path.relative(root, folder)}/migration.sql — read it, then commit it with the schema.`)
	}
} finally {
	rmSync(scratch, { recursive: true, force: true })
}
