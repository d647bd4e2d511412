// npm run bench:live: one live room with N viewers over WebSockets, a share of them chatting
// and tapping likes, on three deployments of Quanzi (one process on SQLite, one on PostgreSQL,
// a cluster behind nginx); chat fan-out latency, likes counted per second and server memory
// per viewer, next to a bare Socket.IO server doing the same broadcasts
// (tests/bench/live-echo-server.ts) in the same run.
import { spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../setup/paths.ts'
import type { ClientSpec, Command, Target } from './live-clients.ts'
import { cpuBetween, cpuSeconds, forkClients, idle, memory, prepareProbe, PROBE_ARGS, startEchoServer, type ClientProcess } from './live-processes.ts'
import { NAMES, phaseFigures, printAndWrite, type Load, type Memory, type PhaseRow, type SizeRow } from './live-report.ts'
import { startBenchDeployment, type BenchDeployment, type Mode } from './production-server.ts'
import type { LiveSeed } from './seed-live-room.ts'

// LIVE_BENCH_CLIENTS=100,300 for a quick look; such a run leaves docs/perf.md alone.
const STEPS = (process.env.LIVE_BENCH_CLIENTS ?? '500,1000,2000').split(',').map(Number)
/** The deployments measured: LIVE_BENCH_DEPLOYMENTS=sqlite,cluster for a quick look at some (docs/perf.md is then left alone). */
const MODES = (process.env.LIVE_BENCH_DEPLOYMENTS ?? 'sqlite,postgres,cluster').split(',') as Mode[]
const CLUSTER_PROCESSES = 2
const PHASE_S = 10
const WARMUP_S = 3
/**
 * Messages a second in the room, whatever its size: a busy sales room's chat scrolls at
 * about this pace, and deliveries then grow with N alone. Each chatter waits at least
 * MIN_CHAT_INTERVAL_MS between messages, well inside the flood limit (2 a second).
 */
const CHAT_RATE = 10
const MIN_CHAT_INTERVAL_MS = 1500
/** Who does what, by viewer index: 5 % chat, 20 % tap likes (in the chat + likes phase), 10 % are signed out. */
const chats = (i: number) => i % 20 === 0
const taps = (i: number) => i % 5 === 1
const signedOut = (i: number) => i % 10 === 9
/** Chat alone gives the fan-out cost; with likes, what a room at its busiest costs. */
const LOADS: Load[] = ['chat', 'chat + likes']
/** Client processes: one per core, so the viewers' own CPU is not what caps the figures. */
const CLIENT_PROCESSES = 2

if (STEPS.some((n) => !Number.isInteger(n) || n < 20 || n > 5000)) throw new Error('LIVE_BENCH_CLIENTS: whole numbers from 20 to 5000, comma-separated')
if (!MODES.length || MODES.some((m) => !['sqlite', 'postgres', 'cluster'].includes(m))) throw new Error('LIVE_BENCH_DEPLOYMENTS: sqlite, postgres and/or cluster, comma-separated')

/** The room, its pinned product, and members with sessions, written into the deployment's database by a process of its own. */
function seedRoom(deployment: BenchDeployment, members: number): LiveSeed {
	const out = path.join(deployment.log, 'live-seed.json')
	const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/seed-live-room.ts'], {
		cwd: ROOT,
		env: { ...process.env, ...deployment.env, LIVE_BENCH_MEMBERS: String(members), LIVE_BENCH_SEED_OUT: out },
		stdio: ['ignore', 'ignore', 'inherit'],
	})
	if (seeded.status !== 0) throw new Error(`seeding the live room failed (exit ${seeded.status ?? seeded.signal})`)
	return JSON.parse(readFileSync(out, 'utf8')) as LiveSeed
}

/** One measured server: the echo baseline, or a deployment (a cluster's figures are summed over its app processes). */
type Server = { target: Target; url: string; pids: number[]; roomId: string; productId: string | null; cookies: string[]; alive: () => boolean }

const sum = (memories: Memory[]): Memory => memories.reduce((all, m) => ({ rss: all.rss + m.rss, heapUsed: all.heapUsed + m.heapUsed, external: all.external + m.external }))
const memoryOf = async (pids: number[]) => sum(await Promise.all(pids.map(memory)))
const cpuOf = async (pids: number[], from: number, to: number) => (await Promise.all(pids.map((pid) => cpuBetween(pid, from, to)))).reduce((a, b) => a + b, 0)

async function run(servers: Server[], workers: ClientProcess[]) {
	const allPids = servers.flatMap((s) => s.pids)
	const targets = await Promise.all(servers.map(async (s) => ({ ...s, idle: await memoryOf(s.pids), connected: 0 })))
	// How evenly nginx spread the cluster's viewers shows in the CPU each app process used.
	const clusterPids = servers.find((s) => s.target === 'cluster')?.pids ?? []
	const clusterCpuBefore = clusterPids.map(cpuSeconds)
	const sizes: SizeRow[] = []
	const phases: PhaseRow[] = []
	const settle = async (after: string) => {
		if ((await idle(allPids)) === null) console.warn(`  (the servers were still busy a minute after ${after})`)
	}

	for (const [step, clients] of STEPS.entries()) {
		// Alternate the order at each size, so no server always follows the same one's load.
		for (const target of step % 2 ? [...targets].reverse() : targets) {
			if (!target.alive()) throw new Error(`${NAMES[target.target]} stopped during the run`)
			const name = NAMES[target.target]
			const specs: ClientSpec[] = []
			for (let i = target.connected; i < clients; i++) specs.push({ index: i, cookie: signedOut(i) ? null : target.cookies[i]!, taps: taps(i) })
			console.log(`${name}: ${target.connected}→${clients} viewers connect and join…`)
			const started = performance.now()
			const joined = await Promise.all(
				workers.map((w, k) => w.ask({ kind: 'connect', target: target.target, url: target.url, roomId: target.roomId, clients: specs.filter((s) => s.index % workers.length === k) })),
			)
			const joinSeconds = (performance.now() - started) / 1000
			const failures = joined.flatMap((r) => (r.kind === 'connected' ? r.failures : []))
			if (failures.length) throw new Error(`${failures.length} of ${specs.length} viewers could not join ${name}; first: ${failures.slice(0, 3).join('; ')}`)
			target.connected = clients
			await settle('the joins')
			sizes.push({ target: target.target, clients, joinsPerSecond: specs.length / joinSeconds, memory: await memoryOf(target.pids), idle: target.idle })

			const chatters = Array.from({ length: clients }, (_, i) => i).filter(chats)
			const phase = async (load: Load, seconds: number) => {
				await settle('the last phase')
				const command: Command = {
					kind: 'run',
					target: target.target,
					startAt: Date.now() + 500,
					seconds,
					chatters,
					chatIntervalMs: Math.max(MIN_CHAT_INTERVAL_MS, (chatters.length / CHAT_RATE) * 1000),
					likes: load === 'chat + likes',
					productId: target.productId,
				}
				const serverCpu = cpuOf(target.pids, command.startAt, command.startAt + seconds * 1000)
				const results = await Promise.all(workers.map((w) => w.ask(command)))
				return phaseFigures({ target: target.target, clients, load, seconds, results, serverCpuSeconds: await serverCpu })
			}
			if (step === 0) {
				console.log(`${name}: ${WARMUP_S} s warm-up…`)
				await phase('chat + likes', WARMUP_S)
			}
			for (const load of LOADS) {
				console.log(`${name}: ${PHASE_S} s of ${load} with ${clients} viewers…`)
				phases.push(await phase(load, PHASE_S))
			}
		}
	}
	return { sizes, phases, clusterCpu: clusterPids.map((pid, i) => cpuSeconds(pid) - clusterCpuBefore[i]!) }
}

prepareProbe()
const deployments: BenchDeployment[] = []
const children: ChildProcess[] = []
// NOTE: the client processes and the echo server end when this process closes their IPC
// channel or dies; the deployments stop themselves on a signal (production-server.ts).
const stopAll = async () => {
	for (const child of children) if (child.connected) child.disconnect()
	for (const child of children) child.kill()
	await Promise.all(deployments.map((d) => d.stop()))
}
try {
	const members = Math.max(...STEPS)
	const servers: Server[] = []
	for (const mode of MODES) {
		console.log(`Starting ${NAMES[mode]}, then writing ${members} members with sessions and a live room with a pinned product…`)
		const deployment = await startBenchDeployment({ name: `live-${mode}`, mode, processes: CLUSTER_PROCESSES, nodeArgs: PROBE_ARGS })
		deployments.push(deployment)
		const { roomId, productId, cookies } = seedRoom(deployment, members)
		servers.push({ target: mode, url: deployment.url, pids: deployment.pids, roomId, productId, cookies, alive: deployment.alive })
	}
	const echo = await startEchoServer()
	children.push(echo.child)
	// The baseline ignores cookies; its viewers send the same ones, so every server gets the same bytes.
	servers.unshift({ target: 'baseline', url: echo.url, pids: [echo.child.pid!], roomId: 'bench', productId: null, cookies: servers[0]!.cookies, alive: () => echo.child.exitCode === null })
	const workers = Array.from({ length: CLIENT_PROCESSES }, forkClients)
	children.push(...workers.map((w) => w.child))
	const { sizes, phases, clusterCpu } = await run(servers, workers)
	const custom = Boolean(process.env.LIVE_BENCH_CLIENTS || process.env.LIVE_BENCH_DEPLOYMENTS)
	printAndWrite(sizes, phases, { custom, setup: { phaseSeconds: PHASE_S, chatRate: CHAT_RATE, clientProcesses: CLIENT_PROCESSES, clusterProcesses: CLUSTER_PROCESSES, clusterCpu, steps: STEPS } })
} catch (error) {
	console.error(`✗ ${(error as Error).message} (logs in tests/.tmp/bench/live-*)`)
	process.exitCode = 1
} finally {
	await stopAll()
}
