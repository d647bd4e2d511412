import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { freshDatabaseUrl } from '../setup/databases.ts'
import { ROOT, TMP } from '../setup/paths.ts'

export type RunningServer = {
	url: string
	port: number
	databaseUrl: string
	dataDir: string
	process: ChildProcess
	output: () => string
	stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer()
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address()
			probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
		})
	})
}

/**
 * Starts the real server (the production build, as `npm start` runs it) on a free
 * port with its own copy of the migrated database, and waits until it listens.
 * Several processes of one deployment share a database: pass `databaseUrl` (and `dataDir`)
 * of the first to the others; a restart of one passes its `port` too.
 */
export async function startServer(env: Record<string, string> = {}, shared: { databaseUrl?: string; dataDir?: string; port?: number } = {}): Promise<RunningServer> {
	const port = shared.port ?? (await freePort())
	mkdirSync(TMP, { recursive: true })
	const dataDir = shared.dataDir ?? path.join(TMP, `data-${randomUUID()}`)
	const databaseUrl = shared.databaseUrl ?? (await freshDatabaseUrl('server'))
	const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
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
			...env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let output = ''
	child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
	child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000)
		const check = () => {
			if (output.includes('"server:listening"')) {
				clearTimeout(timer)
				resolve()
			}
		}
		child.stdout!.on('data', check)
		void exited.then((code) => {
			clearTimeout(timer)
			reject(new Error(`server exited with ${code}:\n${output}`))
		})
	})
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		databaseUrl,
		dataDir,
		process: child,
		output: () => output,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null) child.kill(signal)
			return exited
		},
	}
}

/** Runs the server with the given environment and returns how it exited (for config errors). */
export function runServerExpectingExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
			cwd: ROOT,
			env: { ...process.env, NODE_ENV: 'production', ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		})
		let output = ''
		child.stdout.on('data', (d: Buffer) => (output += d.toString()))
		child.stderr.on('data', (d: Buffer) => (output += d.toString()))
		const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
		child.on('exit', (code) => {
			clearTimeout(timer)
			resolve({ code, output })
		})
	})
}
