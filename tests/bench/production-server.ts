// The production server for a benchmark: its own freshly migrated database under
// tests/.tmp/bench/<name>/ (http unless named), so a run never touches the tests' template
// database (which a concurrent npm test may be copying) nor other benchmarks' files.
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { applyMigrations } from '../../scripts/lib.mjs'
import { ROOT, TMP } from '../setup/paths.ts'

const START_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 15_000 // server.ts's own grace period is 10 s

export type BenchServer = {
	url: string
	log: string
	/** The server process, for its memory and CPU in /proc. */
	pid: number
	/** Its DATABASE_URL and DATA_DIR, for a benchmark that writes rows (members, sessions) directly. */
	env: { DATABASE_URL: string; DATA_DIR: string }
	alive: () => boolean
	stop: () => Promise<void>
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer()
		probe.on('error', reject)
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address()
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))))
		})
	})
}

/**
 * Starts `node --import tsx server.ts` as production runs it (plus any nodeArgs a benchmark
 * needs to observe it) and resolves once it logs "server:listening". If it exits or stays
 * silent, it is stopped and this rejects.
 */
export async function startBenchServer(options: { name?: string; seedScripts?: string[]; nodeArgs?: string[] } = {}): Promise<BenchServer> {
	const dir = path.join(TMP, 'bench', options.name ?? 'http')
	// Only the last run's files are kept (its log and database), for a look after a failure.
	rmSync(dir, { recursive: true, force: true })
	mkdirSync(dir, { recursive: true })
	const databaseUrl = `file:${path.join(dir, 'quanzi.db')}`
	const dataDir = path.join(dir, 'data')
	applyMigrations(databaseUrl)
	for (const script of options.seedScripts ?? []) {
		const seeded = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_REQUESTS: 'false' }, stdio: ['ignore', 'ignore', 'inherit'] })
		if (seeded.status !== 0) throw new Error(`${script} failed (exit ${seeded.status})`)
	}
	const port = await freePort()
	const log = path.join(dir, 'server.log')
	const logStream = createWriteStream(log)
	const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArgs ?? []), 'server.ts'], {
		cwd: ROOT,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_URL: databaseUrl,
			DATA_DIR: dataDir,
			PUBLIC_URL: `http://127.0.0.1:${port}`,
			LOG_REQUESTS: 'false',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	child.stdout.pipe(logStream, { end: false })
	child.stderr.pipe(logStream, { end: false })
	const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)))

	const alive = () => child.exitCode === null && child.signalCode === null
	const stop = async () => {
		if (alive()) child.kill('SIGTERM')
		const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
		await exited
		clearTimeout(killer)
		logStream.end()
	}

	let output = ''
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`the server did not log "server:listening" within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS)
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString()
				if (output.includes('"server:listening"')) {
					clearTimeout(timer)
					resolve()
				}
			})
			void exited.then((how) => {
				clearTimeout(timer)
				reject(new Error(`the server exited (${how}) before listening`))
			})
		})
	} catch (error) {
		await stop()
		throw new Error(`${(error as Error).message}; its output is in ${path.relative(ROOT, log)}`)
	}
	return { url: `http://127.0.0.1:${port}`, log, pid: child.pid!, env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, alive, stop }
}
