// What a benchmark measures: Quanzi's production server as one of three deployments, with
// files of its own under tests/.tmp/bench/<name>/ (so a run never touches the tests' template
// database, which a concurrent npm test may be copying, nor another benchmark's files):
//   sqlite    one app process on a SQLite file (the default deployment),
//   postgres  one app process on a private PostgreSQL server (durable: fsync on),
//   cluster   several app processes on PostgreSQL and Redis behind nginx (docs/deploy/nginx.conf).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { applyMigrations } from '../../scripts/lib.mjs'
import { createDatabase, ensureInstalled, freePort, startPostgres, startRedis, waitForPort } from '../../scripts/services.mjs'
import { ROOT, TMP } from '../setup/paths.ts'
import { startNginx } from './nginx.ts'

const START_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 15_000 // server.ts's own grace period is 10 s

export type Mode = 'sqlite' | 'postgres' | 'cluster'

export type BenchDeployment = {
	/** Where clients go: the app process, or nginx in front of the cluster. */
	url: string
	/** The folder holding the app processes' logs (app-1.log, …) and nginx's. */
	log: string
	/** The app processes, for their memory and CPU in /proc (nginx, PostgreSQL and Redis are not among them). */
	pids: number[]
	/** What every app process got, for a benchmark that writes rows (members, sessions) directly. */
	env: { DATABASE_URL: string; DATA_DIR: string; REDIS_URL?: string }
	alive: () => boolean
	stop: () => Promise<void>
}

type Child = { child: ChildProcess; exited: Promise<unknown> }

/** Resolves once the app process logs "server:listening"; rejects if it exits or stays silent. */
function listening({ child, exited }: Child): Promise<void> {
	return new Promise((resolve, reject) => {
		let output = ''
		const timer = setTimeout(() => reject(new Error(`an app process did not log "server:listening" within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS)
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString()
			if (output.includes('"server:listening"')) {
				clearTimeout(timer)
				resolve()
			}
		})
		void exited.then((how) => {
			clearTimeout(timer)
			reject(new Error(`an app process exited (${how}) before listening`))
		})
	})
}

const running = (c: Child) => c.child.exitCode === null && c.child.signalCode === null

// NOTE: a benchmark stopped midway must leave nothing running (app processes, nginx, PostgreSQL,
// Redis). Ctrl-C stops every deployment gently, then exits; on any other exit (an error, or
// scripts/lib.mjs exiting when a migration fails) the exit hook kills what is left.
const started = new Set<{ stop: () => Promise<void>; kill: () => void }>()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => void Promise.all([...started].map((d) => d.stop())).then(() => process.exit(signal === 'SIGINT' ? 130 : 143)))
}
process.on('exit', () => started.forEach((d) => d.kill()))

/**
 * Starts a deployment: its database (and Redis) migrated and seeded once, `processes` app
 * processes (`node --import tsx server.ts`, as production runs it, plus any nodeArgs a
 * benchmark needs to observe it) sharing DATABASE_URL, DATA_DIR, REDIS_URL and SESSION_SECRET,
 * and for a cluster nginx in front. Everything stops on stop(), on SIGINT/SIGTERM and when the
 * benchmark exits; if anything fails to start, what did start is stopped and this rejects.
 */
export async function startBenchDeployment(options: { name: string; mode: Mode; processes?: number; seedScripts?: string[]; nodeArgs?: string[] }): Promise<BenchDeployment> {
	const { name, mode } = options
	const processes = mode === 'cluster' ? (options.processes ?? 2) : 1
	const dir = path.join(TMP, 'bench', name)
	// Only the last run's files are kept (its logs and SQLite database), for a look after a failure.
	rmSync(dir, { recursive: true, force: true })
	mkdirSync(dir, { recursive: true })

	// What to stop, last started first. Each step is synchronous, so the exit hook can run it too.
	const undo: (() => void)[] = []
	const apps: Child[] = []
	let nginx: Child | undefined
	const killAll = () => {
		for (const step of undo.splice(0).reverse()) step()
	}
	let stopping: Promise<void> | undefined
	const stop = () =>
		(stopping ??= (async () => {
			// The app processes first and gently (they finish requests and close their sockets), then the rest.
			for (const app of apps) if (running(app)) app.child.kill('SIGTERM')
			const killer = setTimeout(() => apps.forEach((app) => app.child.kill('SIGKILL')), STOP_TIMEOUT_MS)
			await Promise.all(apps.map((app) => app.exited))
			clearTimeout(killer)
			killAll()
			await nginx?.exited
			started.delete(handle)
		})())
	const handle = { stop, kill: killAll }
	started.add(handle)

	try {
		if (mode !== 'sqlite') ensureInstalled('postgres', ...(mode === 'cluster' ? (['redis', 'nginx'] as const) : []))
		const env: BenchDeployment['env'] = { DATABASE_URL: `file:${path.join(dir, 'quanzi.db')}`, DATA_DIR: path.join(dir, 'data') }
		if (mode !== 'sqlite') {
			const postgres = await startPostgres({ port: await freePort(), durable: true })
			undo.push(postgres.stop)
			env.DATABASE_URL = createDatabase(postgres.url, 'quanzi')
		}
		if (mode === 'cluster') {
			const redis = await startRedis({ folder: path.join(dir, 'redis'), port: await freePort() })
			undo.push(redis.stop)
			env.REDIS_URL = redis.url
		}
		await applyMigrations(env.DATABASE_URL)
		for (const script of options.seedScripts ?? []) {
			const seeded = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env, LOG_REQUESTS: 'false' }, stdio: ['ignore', 'ignore', 'inherit'] })
			if (seeded.status !== 0) throw new Error(`${script} failed (exit ${seeded.status ?? seeded.signal})`)
		}

		// Nothing listens on them until the processes start, so a port could come back twice.
		const ports: number[] = []
		const needed = processes + (mode === 'cluster' ? 1 : 0)
		for (let tries = 0; ports.length < needed && tries < 10 * needed; tries++) {
			const port = await freePort()
			if (!ports.includes(port)) ports.push(port)
		}
		if (ports.length < needed) throw new Error('no free ports on 127.0.0.1')
		const proxyPort = mode === 'cluster' ? ports.pop() : undefined
		// NOTE: the socket handshake checks the Origin against PUBLIC_URL, so behind nginx it is nginx's URL.
		const publicUrl = (port: number) => `http://127.0.0.1:${proxyPort ?? port}`
		const sessionSecret = randomBytes(32).toString('hex')
		for (const [i, port] of ports.entries()) {
			const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArgs ?? []), 'server.ts'], {
				cwd: ROOT,
				env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: publicUrl(port), SESSION_SECRET: sessionSecret, LOG_REQUESTS: 'false' },
				stdio: ['ignore', 'pipe', 'pipe'],
			})
			const logStream = createWriteStream(path.join(dir, `app-${i + 1}.log`))
			child.stdout.pipe(logStream)
			child.stderr.pipe(logStream)
			const app = { child, exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal))) }
			apps.push(app)
			undo.push(() => void (running(app) && child.kill('SIGKILL')))
		}
		await Promise.all(apps.map(listening))
		if (proxyPort) {
			const proxy = startNginx(dir, proxyPort, ports)
			nginx = proxy
			undo.push(() => void (running(proxy) && proxy.child.kill('SIGQUIT')))
			const up = waitForPort(proxyPort, 10_000).then(() => true, () => false)
			if (!(await Promise.race([up, proxy.exited.then(() => false)]))) throw new Error('nginx did not start; see nginx-error.log and nginx-output.log')
		}
		return {
			url: publicUrl(ports[0]!),
			log: dir,
			pids: apps.map((app) => app.child.pid!),
			env,
			alive: () => apps.every(running) && (!nginx || running(nginx)),
			stop,
		}
	} catch (error) {
		await stop()
		throw new Error(`${mode}: ${(error as Error).message}; the logs are in ${path.relative(ROOT, dir)}`)
	}
}
