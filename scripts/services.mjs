// Private PostgreSQL and Redis servers on loopback, for `npm run test:scale` and the
// scale-out benchmarks. They live in a folder of their own and stop with the run.
//
//   node scripts/services.mjs [folder]   starts both, prints their URLs, stops on Ctrl-C
//
// Debian's packages provide the servers; when one is missing and this runs as root with
// apt-get, it is installed first (docs/deploy.md).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createConnection, createServer } from 'node:net'
import path from 'node:path'
import { root } from './lib.mjs'

const PACKAGES = { postgres: 'postgresql', redis: 'redis-server', nginx: 'nginx-light' }

/** The folder holding PostgreSQL's programs (the newest installed version), or undefined. */
function postgresBin() {
	const base = '/usr/lib/postgresql'
	if (!existsSync(base)) return undefined
	const versions = readdirSync(base)
		.filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a))
	return versions.length ? path.join(base, versions[0], 'bin') : undefined
}

/** Whether PostgreSQL's server programs are installed. */
export const postgresInstalled = () => Boolean(postgresBin())

function has(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0
}

/** Installs Debian's package for each missing server, when this process may. */
export function ensureInstalled(...servers) {
	const missing = servers.filter((s) => (s === 'postgres' ? !postgresBin() : !has(s === 'redis' ? 'redis-server' : s)))
	if (missing.length === 0) return
	if (process.getuid?.() !== 0 || !has('apt-get')) {
		const names = missing.map((s) => PACKAGES[s]).join(' ')
		throw new Error(`Missing ${missing.join(', ')}. Install Debian's packages (sudo apt-get install ${names}) and run again.`)
	}
	console.log(`Installing ${missing.map((s) => PACKAGES[s]).join(', ')} from Debian's packages…`)
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing.map((s) => PACKAGES[s])]]) {
		const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`)
	}
}

/** A port nothing listens on now, on loopback. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer()
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address()
			probe.close(() => resolve(port))
		})
		probe.on('error', reject)
	})
}

/** Resolves once something accepts connections on the port, or rejects after the timeout. */
export function waitForPort(port, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs
	return new Promise((resolve, reject) => {
		const attempt = () => {
			const socket = createConnection({ host: '127.0.0.1', port }, () => {
				socket.destroy()
				resolve()
			})
			socket.on('error', () => {
				socket.destroy()
				if (Date.now() > deadline) reject(new Error(`nothing listens on 127.0.0.1:${port}`))
				else setTimeout(attempt, 100)
			})
		}
		attempt()
	})
}

// PostgreSQL refuses to run as root; as root the cluster belongs to Debian's postgres user.
function asOwner(command, args) {
	return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

/**
 * Starts a throw-away PostgreSQL cluster on `port` (trust auth, loopback only, C collation so
 * text sorts byte-wise as on SQLite), in a new folder under the system's temporary folder
 * (PostgreSQL's own user must reach it) that stop() removes. `durable: false` turns fsync off:
 * for tests only. Returns the server URL (no database name) and stop().
 */
export async function startPostgres({ port, durable = true }) {
	ensureInstalled('postgres')
	const bin = postgresBin()
	const folder = mkdtempSync(path.join(tmpdir(), 'quanzi-postgres-'))
	if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres', folder])
	const run = (command, args) => {
		const [cmd, argv] = asOwner(path.join(bin, command), args)
		const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: '/' })
		if (result.status !== 0) throw new Error(`${command} failed:\n${result.stdout}${result.stderr}`)
	}
	const data = path.join(folder, 'data')
	run('initdb', ['-D', data, '-U', 'quanzi', '--auth=trust', '-E', 'UTF8', '--locale=C'])
	const options = [
		`-p ${port}`,
		`-k ${folder}`,
		"-c listen_addresses='127.0.0.1'",
		'-c max_connections=400',
		'-c shared_buffers=256MB',
		...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
	].join(' ')
	run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(folder, 'server.log'), '-w', 'start'])
	await waitForPort(port)
	return {
		url: `postgresql://quanzi@127.0.0.1:${port}`,
		stop: () => {
			try {
				run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
			} catch {
				// already stopped
			}
			rmSync(folder, { recursive: true, force: true })
		},
	}
}

/** Starts a Redis server on `port` that keeps nothing on disk. */
export async function startRedis({ folder, port }) {
	ensureInstalled('redis')
	mkdirSync(folder, { recursive: true })
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder], {
		stdio: ['ignore', 'ignore', 'inherit'],
	})
	await waitForPort(port)
	return {
		url: `redis://127.0.0.1:${port}`,
		stop: () => {
			child.kill('SIGTERM')
		},
	}
}

/** Creates a database on the server (dropping any of that name first). */
export function createDatabase(serverUrl, name) {
	const psql = path.join(postgresBin(), 'psql')
	for (const sql of [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `CREATE DATABASE "${name}"`]) {
		const result = spawnSync(psql, [`${serverUrl}/postgres`, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { encoding: 'utf8' })
		if (result.status !== 0) throw new Error(`${sql} failed: ${result.stderr}`)
	}
	return `${serverUrl}/${name}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const folder = path.resolve(process.argv[2] ?? path.join(root, 'tests/.tmp/services'))
	const postgres = await startPostgres({ port: 55432, durable: false })
	const redis = await startRedis({ folder: path.join(folder, 'redis'), port: 56379 })
	writeFileSync(path.join(folder, 'urls.json'), JSON.stringify({ postgres: postgres.url, redis: redis.url }))
	console.log(`PostgreSQL ${postgres.url}\nRedis ${redis.url}\nCtrl-C stops both.`)
	const stop = () => {
		postgres.stop()
		redis.stop()
		process.exit(0)
	}
	process.on('SIGINT', stop)
	process.on('SIGTERM', stop)
}
