// docs/perf.md: one section per benchmark, each rewritten by its own run.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from '../setup/paths.ts'

const DOC = path.join(ROOT, 'docs/perf.md')
const INTRO = `# Performance figures

Measured by the benchmarks in \`tests/bench/\`: \`npm run bench\` runs them all in turn, and
\`npm run bench:<name>\` one of them; each run rewrites its own section below and leaves the
others alone. The machines are shared 2-core boxes, so figures move from run to run: compare
each figure with the baseline measured in the same run, not with another run's figures.
`

/** The machine a figure came from, in one line. */
export function machine(): string {
	const cpus = os.cpus()
	const cpu = cpus[0]?.model.trim() || 'unknown CPU'
	return `${cpu}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`
}

/** The commit measured, and whether the build also held uncommitted changes. */
export function gitRevision(): string {
	const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' })
	const head = git('rev-parse', '--short', 'HEAD')
	if (head.status !== 0) return 'outside git'
	const dirty = git('status', '--porcelain', '--', 'app', 'server.ts', 'public').stdout.trim() !== ''
	return `commit ${head.stdout.trim()}${dirty ? ' plus uncommitted changes' : ''}`
}

/** Replaces (or appends) the section between <!-- bench:name --> markers in docs/perf.md. */
export function writeSection(name: string, body: string): void {
	const start = `<!-- bench:${name} -->`
	const end = `<!-- /bench:${name} -->`
	const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : INTRO
	const section = `${start}\n${body.trim()}\n${end}`
	const pattern = new RegExp(`${start}[\\s\\S]*?${end}`)
	// A function replacement, so a "$" in the figures is never read as a pattern.
	const next = pattern.test(current) ? current.replace(pattern, () => section) : `${current.trimEnd()}\n\n${section}\n`
	writeFileSync(DOC, next)
}
