// npm run bench:<name>: runs tests/bench/<name>.ts against a fresh production build;
// it prints its figures and rewrites its own section of docs/perf.md.
// npm run bench (node scripts/bench.mjs all): every benchmark in turn, on one build, so
// docs/perf.md holds one run's figures; a benchmark that fails does not stop the others,
// and the run exits non-zero naming it.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ensureBuild, ensureDependencies, ensurePrismaClient, root } from './lib.mjs'

/** What `all` runs, in this order: the quick ones first, the soak (10 minutes) last. */
const ALL = ['http', 'live', 'media', 'points', 'soak']

const name = process.argv[2] ?? ''
const names = name === 'all' ? ALL : [name]
const file = (bench) => path.join(root, 'tests/bench', `${bench}.ts`)
if (!names.every((bench) => /^[a-z][a-z0-9-]*$/.test(bench) && existsSync(file(bench)))) {
	console.error(`Name a benchmark in tests/bench/, as in: node scripts/bench.mjs http (npm run bench:http), or all (npm run bench)`)
	process.exit(2)
}
ensureDependencies()
await ensurePrismaClient()
ensureBuild()
const failed = []
for (const bench of names) {
	if (names.length > 1) console.log(`\n=== bench:${bench} (${names.indexOf(bench) + 1} of ${names.length}) ===\n`)
	const started = Date.now()
	const result = spawnSync(process.execPath, ['--import', 'tsx', file(bench)], { cwd: root, stdio: 'inherit' })
	// Ctrl-C stops the whole run, not just the benchmark it interrupted.
	if (result.signal === 'SIGINT' || result.status === 130) process.exit(130)
	if (result.status !== 0) failed.push(bench)
	if (names.length > 1) console.log(`\nbench:${bench} ${result.status === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 60_000).toFixed(1)} min`)
}
if (names.length > 1) console.log(failed.length ? `\n✗ failed: ${failed.map((b) => `bench:${b}`).join(', ')}; their sections of docs/perf.md were left as they were` : '\n✓ every benchmark ran; docs/perf.md holds their figures')
process.exit(failed.length ? 1 : 0)
