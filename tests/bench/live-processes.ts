// bench:live's other processes: the client processes (tests/bench/live-clients.ts), the
// bare Socket.IO baseline (live-echo-server.ts), and what /proc and the memory probe
// (live-memory-probe.ts) tell about a server process.
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { TMP } from '../setup/paths.ts'
import type { Command, Report } from './live-clients.ts'
import type { Memory } from './live-report.ts'

const PROBE_DIR = path.join(TMP, 'bench', 'live-memory')
/** Node arguments for a measured server: a full collection and a memory report on SIGUSR2. */
export const PROBE_ARGS = ['--expose-gc', '--import', path.join(import.meta.dirname, 'live-memory-probe.ts')]
/** A server counts as idle below this share of a core (its own timers, heartbeats). */
const IDLE_CORES = 0.1
const IDLE_WAIT_MAX_MS = 60_000

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sets up the probe's directory; call before starting the servers, which inherit the environment. */
export function prepareProbe(): void {
	mkdirSync(PROBE_DIR, { recursive: true })
	process.env.LIVE_BENCH_PROBE_DIR = PROBE_DIR
}

export type ClientProcess = { child: ChildProcess; ask: (command: Command) => Promise<Report> }

export function forkClients(): ClientProcess {
	const child = fork(path.join(import.meta.dirname, 'live-clients.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced' })
	let waiting: { resolve: (report: Report) => void; reject: (error: Error) => void } | null = null
	child.on('message', (report: Report) => {
		const pending = waiting
		waiting = null
		if (report.kind === 'failed') pending?.reject(new Error(`a client process failed: ${report.message}`))
		else pending?.resolve(report)
	})
	child.on('exit', (code) => waiting?.reject(new Error(`a client process exited (${code})`)))
	return { child, ask: (command) => new Promise((resolve, reject) => ((waiting = { resolve, reject }), child.send(command))) }
}

export function startEchoServer(): Promise<{ child: ChildProcess; url: string }> {
	const child = fork(path.join(import.meta.dirname, 'live-echo-server.ts'), [], { execArgv: ['--import', 'tsx', ...PROBE_ARGS] })
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the echo server did not start within 30 s')), 30_000)
		child.once('message', (message: { port: number }) => (clearTimeout(timer), resolve({ child, url: `http://127.0.0.1:${message.port}` })))
		child.once('exit', (code) => reject(new Error(`the echo server exited (${code})`)))
	})
}

/** CPU seconds the process has used (/proc/<pid>/stat utime + stime, in USER_HZ ticks: 100 a second on Linux). */
export function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
	return (Number(fields[11]) + Number(fields[12])) / 100
}

/** CPU seconds the process uses between two times (epoch ms). */
export async function cpuBetween(pid: number, from: number, to: number): Promise<number> {
	await sleep(from - Date.now())
	const before = cpuSeconds(pid)
	await sleep(to - Date.now())
	return cpuSeconds(pid) - before
}

/** The server's memory right after a full garbage collection. */
export async function memory(pid: number): Promise<Memory> {
	const file = path.join(PROBE_DIR, `memory-${pid}.json`)
	rmSync(file, { force: true })
	process.kill(pid, 'SIGUSR2')
	for (const until = Date.now() + 10_000; Date.now() < until; await sleep(50)) {
		if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Memory
	}
	throw new Error(`process ${pid} reported no memory within 10 s`)
}

/**
 * Waits until every process is idle for a second: a server that fell behind works through
 * its backlog after the clients stop, and that work must not land on the next measurement.
 * Returns the seconds waited, or null when it never got there.
 */
export async function idle(pids: number[]): Promise<number | null> {
	const started = Date.now()
	while (Date.now() - started < IDLE_WAIT_MAX_MS) {
		const before = pids.map(cpuSeconds)
		await sleep(1000)
		if (pids.every((pid, i) => cpuSeconds(pid) - before[i]! < IDLE_CORES)) return (Date.now() - started) / 1000
	}
	return null
}
