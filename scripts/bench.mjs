// npm run bench:<name>: runs tests/bench/<name>.ts against a fresh production build;
// it prints its figures and rewrites its own section of docs/perf.md.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ensureBuild, ensureDependencies, ensurePrismaClient, root } from './lib.mjs'

const name = process.argv[2] ?? ''
const file = path.join(root, 'tests/bench', `${name}.ts`)
if (!/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(file)) {
	console.error(`Name a benchmark in tests/bench/, as in: node scripts/bench.mjs http (npm run bench:http)`)
	process.exit(2)
}
ensureDependencies()
await ensurePrismaClient()
ensureBuild()
const result = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, stdio: 'inherit' })
process.exit(result.status ?? 1)
