// npm run test:scale: the unit and integration suites again, on PostgreSQL with Redis, as
// scale-out mode runs them. Starts private PostgreSQL and Redis servers on loopback (from
// Debian's packages, installed first when missing and this runs as root), runs vitest with
// every test file on a database of its own cloned from a migrated template, then stops them.
// The cross-process tests (two app processes, one database, one Redis) run here only.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { bin, ensureBuild, ensureDependencies, ensurePrismaClient, root } from './lib.mjs'
import { ensureInstalled, freePort, startPostgres, startRedis } from './services.mjs'

const TMP = path.join(root, 'tests/.tmp/scale')

ensureDependencies()
await ensurePrismaClient()
ensureBuild()
ensureInstalled('postgres', 'redis')
rmSync(TMP, { recursive: true, force: true })
mkdirSync(TMP, { recursive: true })

console.log('\n── Starting PostgreSQL and Redis on loopback ──')
const postgres = await startPostgres({ port: await freePort(), durable: false })
const redis = await startRedis({ folder: path.join(TMP, 'redis'), port: await freePort() })
console.log(`PostgreSQL ${postgres.url}, Redis ${redis.url}`)

let status = 1
const report = path.join(TMP, 'vitest.json')
try {
	console.log('\n── Unit and integration tests on PostgreSQL + Redis (vitest) ──')
	const result = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, TEST_POSTGRES_URL: postgres.url, TEST_REDIS_URL: redis.url, QUANZI_TEST_TMP: path.join(TMP, 'vitest'), QUANZI_SKIP_BUILD: '1' },
	})
	status = result.status ?? 1
} finally {
	postgres.stop()
	redis.stop()
}

let counts
try {
	counts = JSON.parse(readFileSync(report, 'utf8'))
} catch {}
const passed = counts?.numPassedTests ?? 0
const failed = counts ? counts.numFailedTests : 1
console.log(`\nscale (PostgreSQL + Redis): ${passed} passed, ${failed} failed`)
process.exit(status === 0 && failed === 0 && passed > 0 ? 0 : 1)
