// npm run bench:live: one live room on the production server with N viewers over
// WebSockets, a share of them chatting and tapping likes; chat fan-out latency, likes
// counted per second and server memory per viewer, next to a bare Socket.IO server
// doing the same broadcasts (tests/bench/live-echo-server.ts) in the same run.
import { type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { ClientSpec, Command, Target } from './live-clients.ts'
import { cpuBetween, forkClients, idle, memory, prepareProbe, PROBE_ARGS, startEchoServer, type ClientProcess } from './live-processes.ts'
import { phaseFigures, printAndWrite, type Load, type PhaseRow, type SizeRow } from './live-report.ts'
import { startBenchServer, type BenchServer } from './production-server.ts'

// LIVE_BENCH_CLIENTS=100,300 for a quick look; such a run leaves docs/perf.md alone.
const STEPS = (process.env.LIVE_BENCH_CLIENTS ?? '500,1000,2000').split(',').map(Number)
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

/** The room, its pinned product, and members with sessions, written straight into the server's database. */
async function seedRoom(server: BenchServer, members: number) {
	Object.assign(process.env, server.env)
	const { connectDatabase, prisma } = await import('#app/lib/db.server.ts')
	const { sessionKey } = await import('#app/domain/accounts/session-store.server.ts')
	const { SESSION_COOKIE, SESSION_IDLE_DAYS } = await import('#app/domain/accounts/auth.server.ts')
	await connectDatabase()
	const host = await prisma.user.create({ data: { email: 'host@bench.quanzi.test', displayName: 'Host', passwordHash: 'unused', role: 'merchant' }, select: { id: true } })
	const product = await prisma.product.create({ data: { name: 'Glazed tea cup', sku: 'BENCH-LIVE-1', priceCents: 12900 }, select: { id: true } })
	const room = await prisma.liveRoom.create({
		data: {
			title: 'Bench evening',
			hostId: host.id,
			streamUrl: '/demo/live/index.m3u8',
			startsAt: new Date(),
			status: 'live',
			startedAt: new Date(),
			products: { create: { productId: product.id, position: 0 } },
			pins: { create: { productId: product.id } },
		},
		select: { id: true },
	})
	// Accounts older than the new-account window, like a room's regulars. No password hashing
	// (argon2 for thousands of rows would take minutes): the sessions are the rows lucia writes.
	const createdAt = new Date(Date.now() - 60 * 86_400_000)
	const ids = Array.from({ length: members }, (_, i) => `bench-viewer-${i}`)
	await prisma.user.createMany({ data: ids.map((id, i) => ({ id, email: `${id}@bench.quanzi.test`, displayName: `Viewer ${i}`, passwordHash: 'unused', createdAt })) })
	const tokens = ids.map(() => randomBytes(20).toString('hex'))
	const expiresAt = new Date(Date.now() + SESSION_IDLE_DAYS * 86_400_000)
	await prisma.session.createMany({ data: ids.map((userId, i) => ({ id: sessionKey(tokens[i]!), userId, expiresAt })) })
	await prisma.$disconnect()
	return { roomId: room.id, productId: product.id, cookies: tokens.map((token) => `${SESSION_COOKIE}=${token}`) }
}

type Server = { label: Target; url: string; pid: number; roomId: string; productId: string | null }

async function run(server: BenchServer, echo: { url: string; pid: number }, workers: ClientProcess[]) {
	console.log(`Writing ${Math.max(...STEPS)} members with sessions and a live room with a pinned product…`)
	const { roomId, productId, cookies } = await seedRoom(server, Math.max(...STEPS))
	const servers: Server[] = [
		{ label: 'baseline', url: echo.url, pid: echo.pid, roomId: 'bench', productId: null },
		{ label: 'quanzi', url: server.url, pid: server.pid, roomId, productId },
	]
	const pids = servers.map((s) => s.pid)
	const targets = await Promise.all(servers.map(async (s) => ({ ...s, idle: await memory(s.pid), connected: 0 })))
	const sizes: SizeRow[] = []
	const phases: PhaseRow[] = []
	const settle = async (after: string) => {
		if ((await idle(pids)) === null) console.warn(`  (the servers were still busy a minute after ${after})`)
	}

	for (const [step, clients] of STEPS.entries()) {
		// Alternate which server goes first, so neither always follows the other's load.
		for (const target of step % 2 ? [...targets].reverse() : targets) {
			if (!server.alive()) throw new Error('the Quanzi server stopped during the run')
			const specs: ClientSpec[] = []
			for (let i = target.connected; i < clients; i++) specs.push({ index: i, cookie: signedOut(i) ? null : cookies[i]!, taps: taps(i) })
			console.log(`${target.label}: ${target.connected}→${clients} viewers connect and join…`)
			const started = performance.now()
			const joined = await Promise.all(
				workers.map((w, k) => w.ask({ kind: 'connect', target: target.label, url: target.url, roomId: target.roomId, clients: specs.filter((s) => s.index % workers.length === k) })),
			)
			const joinSeconds = (performance.now() - started) / 1000
			const failures = joined.flatMap((r) => (r.kind === 'connected' ? r.failures : []))
			if (failures.length) throw new Error(`${failures.length} of ${specs.length} viewers could not join ${target.label}; first: ${failures.slice(0, 3).join('; ')}`)
			target.connected = clients
			await settle('the joins')
			sizes.push({ target: target.label, clients, joinsPerSecond: specs.length / joinSeconds, memory: await memory(target.pid), idle: target.idle })

			const chatters = Array.from({ length: clients }, (_, i) => i).filter(chats)
			const phase = async (load: Load, seconds: number) => {
				await settle('the last phase')
				const command: Command = {
					kind: 'run',
					target: target.label,
					startAt: Date.now() + 500,
					seconds,
					chatters,
					chatIntervalMs: Math.max(MIN_CHAT_INTERVAL_MS, (chatters.length / CHAT_RATE) * 1000),
					likes: load === 'chat + likes',
					productId: target.productId,
				}
				const serverCpu = cpuBetween(target.pid, command.startAt, command.startAt + seconds * 1000)
				const results = await Promise.all(workers.map((w) => w.ask(command)))
				return phaseFigures({ target: target.label, clients, load, seconds, results, serverCpuSeconds: await serverCpu })
			}
			if (step === 0) {
				console.log(`${target.label}: ${WARMUP_S} s warm-up…`)
				await phase('chat + likes', WARMUP_S)
			}
			for (const load of LOADS) {
				console.log(`${target.label}: ${PHASE_S} s of ${load} with ${clients} viewers…`)
				phases.push(await phase(load, PHASE_S))
			}
		}
	}
	return { sizes, phases }
}

prepareProbe()
const server = await startBenchServer({ name: 'live', nodeArgs: PROBE_ARGS }).catch((error: Error) => {
	console.error(`✗ ${error.message}`)
	process.exit(1)
})
const children: ChildProcess[] = []
// NOTE: the servers and the client processes are separate processes; a benchmark stopped
// midway must not leave them running, nor write the figures of a cut-short run.
const stopAll = async () => {
	for (const child of children) if (child.connected) child.disconnect()
	for (const child of children) child.kill()
	await server.stop()
}
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		interrupted = true
		void stopAll().then(() => process.exit(signal === 'SIGINT' ? 130 : 143))
	})
}
try {
	const echo = await startEchoServer()
	children.push(echo.child)
	const workers = Array.from({ length: CLIENT_PROCESSES }, forkClients)
	children.push(...workers.map((w) => w.child))
	const { sizes, phases } = await run(server, { url: echo.url, pid: echo.child.pid! }, workers)
	printAndWrite(sizes, phases, { custom: Boolean(process.env.LIVE_BENCH_CLIENTS), setup: { phaseSeconds: PHASE_S, chatRate: CHAT_RATE, clientProcesses: CLIENT_PROCESSES } })
} catch (error) {
	if (!interrupted) console.error(`✗ ${(error as Error).message} (server log: ${path.relative(process.cwd(), server.log)})`)
	process.exitCode = 1
} finally {
	await stopAll()
}
