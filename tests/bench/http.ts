// npm run bench:http: throughput and latency of the production server on 127.0.0.1 in three
// deployments (one process on SQLite, one on PostgreSQL, a cluster behind nginx), each target
// next to a bare Remix route (tests/bench/bare-remix-server.ts: the same build's Remix and
// React rendering a one-paragraph document, no loader, no database) measured in the same rounds.
// Prints the tables and rewrites the HTTP section of docs/perf.md.
import { fork, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT, TMP } from '../setup/paths.ts'
import { cpuSeconds } from './live-processes.ts'
import { measureInRounds, warmUp, type Figures, type Target } from './load.ts'
import { httpSection } from './http-doc.ts'
import { writeSection } from './perf-doc.ts'
import { startBenchDeployment, type BenchDeployment, type Mode } from './production-server.ts'
import type { LiveSeed } from './seed-live-room.ts'

const CONNECTIONS = 10
const WARMUP_S = 5
// 5 rounds × 2 s: 10 s measured per target and deployment; with 11 targets, and three
// deployments' seeding and start-up (30–60 s each), the whole run takes about 10 minutes.
const ROUNDS = 5
const ROUND_S = 2
const CLUSTER_PROCESSES = 2
// What a browser sends; without Accept-Encoding, compression() would be skipped and the
// figures would leave out the cost real visitors cause.
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' }

const ALL_DEPLOYMENTS: { mode: Mode; title: string; short: string }[] = [
	{ mode: 'sqlite', title: 'One process, SQLite', short: 'SQLite' },
	{ mode: 'postgres', title: 'One process, PostgreSQL', short: 'PostgreSQL' },
	{ mode: 'cluster', title: `${CLUSTER_PROCESSES} processes, PostgreSQL + Redis, behind nginx`, short: 'cluster' },
]
/** HTTP_BENCH_DEPLOYMENTS=sqlite for a quick look at some deployments; such a run leaves docs/perf.md alone. */
const MODES = (process.env.HTTP_BENCH_DEPLOYMENTS ?? 'sqlite,postgres,cluster').split(',')
const DEPLOYMENTS = ALL_DEPLOYMENTS.filter((d) => MODES.includes(d.mode))
if (!DEPLOYMENTS.length || MODES.length !== DEPLOYMENTS.length) throw new Error('HTTP_BENCH_DEPLOYMENTS: sqlite, postgres and/or cluster, comma-separated')
type Running = (typeof DEPLOYMENTS)[number] & { server: BenchDeployment; targets: Target[] }

// The live room page needs a live room: seed-live-room.ts makes one (with one member, unused here).
const LIVE_SEED = path.join(TMP, 'bench', 'http-live-seed.json')
Object.assign(process.env, { LIVE_BENCH_MEMBERS: '1', LIVE_BENCH_SEED_OUT: LIVE_SEED })

/** The baseline server, in a process of its own so it does not share autocannon's event loop. */
function startBareRemix(): Promise<{ child: ChildProcess; url: string }> {
	const child = fork(path.join(import.meta.dirname, 'bare-remix-server.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, NODE_ENV: 'production' } })
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the bare Remix server did not start within 30 s')), 30_000)
		child.once('message', (message: { port: number }) => (clearTimeout(timer), resolve({ child, url: `http://127.0.0.1:${message.port}` })))
		child.once('exit', (code) => reject(new Error(`the bare Remix server exited (${code})`)))
	})
}

/** The largest hashed JS file of the build: the asset that costs the most to serve. */
function largestAsset(): { file: string; kb: number } {
	const dir = path.join(ROOT, 'build/client/assets')
	const [largest] = readdirSync(dir)
		.filter((f) => f.endsWith('.js'))
		.map((file) => ({ file, size: statSync(path.join(dir, file)).size }))
		.sort((a, b) => b.size - a.size)
	if (!largest) throw new Error('No .js file in build/client/assets: is the build complete?')
	return { file: largest.file, kb: Math.round(largest.size / 1024) }
}

/** The path of the first 320 px photo the feed page links to. */
async function firstRendition(url: string): Promise<string> {
	const html = await (await fetch(url + '/')).text()
	const match = /\/media\/[A-Za-z0-9_-]+\/w320\.webp/.exec(html)
	if (!match) throw new Error('the feed page links to no photo: did the feed seed run?')
	return match[0]
}

/** The product the feed's posts are about (seed-feed.ts's "Bench tea"), as the home page links it. */
async function productPath(url: string): Promise<string> {
	const html = await (await fetch(url + '/')).text()
	const match = /\/products\/[A-Za-z0-9_-]+(?=")/.exec(html)
	if (!match) throw new Error('the home page links to no product: did the feed seed run?')
	return match[0]
}

/** The same targets on every deployment, in the same order (the tables pair them by position). */
async function targetsOf(url: string, bareUrl: string): Promise<Target[]> {
	const asset = largestAsset()
	const live = JSON.parse(readFileSync(LIVE_SEED, 'utf8')) as LiveSeed
	return [
		{ label: 'baseline: bare Remix route (one-paragraph document, no loader)', url: bareUrl, path: '/', headers: BROWSER },
		{ label: '`/healthz` (Express only: JSON, one DB query)', url, path: '/healthz', headers: BROWSER },
		{ label: 'home `/`: the feed, 20 posts with 3 photos each, with the welcome', url, path: '/', headers: BROWSER },
		{ label: 'feed, photos tab `/?tab=media`', url, path: '/?tab=media', headers: BROWSER },
		{ label: 'product page `/products/…`: rating summary and reviews', url, path: await productPath(url), headers: BROWSER },
		{ label: 'voting board `/vote`: 20 ideas with photos and counts', url, path: '/vote', headers: BROWSER },
		{ label: 'live room page `/live/…`: a live room with a pinned product', url, path: `/live/${live.roomId}`, headers: BROWSER },
		{ label: 'one photo rendition `/media/…/w320.webp`', url, path: await firstRendition(url), headers: BROWSER },
		{ label: `static asset \`${asset.file}\` (${asset.kb} KB)`, url, path: `/assets/${asset.file}`, headers: BROWSER },
		{ label: 'same asset, no Accept-Encoding', url, path: `/assets/${asset.file}`, headers: { ...BROWSER, 'accept-encoding': 'identity' } },
	]
}

/** One request per target first, so a wrong route fails in a second, not after the whole run. */
async function checkTargets(targets: Target[]) {
	for (const t of targets) {
		const res = await fetch(t.url + t.path, { headers: t.headers, redirect: 'manual' })
		await res.arrayBuffer()
		if (res.status !== 200) throw new Error(`GET ${t.url}${t.path} answered ${res.status}, not 200`)
	}
}

const ms = (value: number) => value.toFixed(1)
const ratio = (value: number, of: number) => (of ? `${(value / of).toFixed(2)}×` : '–')

function table(results: Figures[]): string {
	const base = results[0]!
	return [
		'| target | req/s | req/s vs bare Remix | p50 ms | p90 ms | p99 ms | p99 vs bare Remix | max ms | KB/response | errors + non-2xx |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...results.map(
			(f) =>
				`| ${f.label} | ${f.rps.toFixed(0)} | ${ratio(f.rps, base.rps)} | ${ms(f.p50)} | ${ms(f.p90)} | ${ms(f.p99)} | ${ratio(f.p99, base.p99)} | ${ms(f.max)} | ${(f.bytesPerResponse / 1024).toFixed(1)} | ${f.errors} |`,
		),
	].join('\n')
}

/** Each target's req/s and p99 in every deployment, over the same on one process with SQLite. */
function comparison(deployments: Running[], results: Figures[][]): string {
	const [sqlite, ...others] = results
	const heads = others.map((_, i) => deployments[i + 1]!.short)
	return [
		`| target | ${heads.map((h) => `req/s ${h} vs SQLite`).join(' | ')} | ${heads.map((h) => `p99 ${h} vs SQLite`).join(' | ')} |`,
		`| --- | ${heads.map(() => '---:').join(' | ')} | ${heads.map(() => '---:').join(' | ')} |`,
		...sqlite!.map(
			(f, t) => `| ${f.label} | ${others.map((o) => ratio(o[t]!.rps, f.rps)).join(' | ')} | ${others.map((o) => ratio(o[t]!.p99, f.p99)).join(' | ')} |`,
		),
	].join('\n')
}

/** Starts the deployments one after another into `running`, so a failure midway still stops those that started. */
async function start(running: Running[], bareUrl: string): Promise<void> {
	for (const deployment of DEPLOYMENTS) {
		const { mode, title } = deployment
		console.log(`Starting ${title} and seeding its database…`)
		const began = performance.now()
		const seedScripts = ['tests/bench/seed-feed.ts', 'tests/bench/seed-board.ts', 'tests/bench/seed-live-room.ts']
		const server = await startBenchDeployment({ name: `http-${mode}`, mode, processes: CLUSTER_PROCESSES, seedScripts })
		// Pushed before its targets are read, so a failure there still stops it below.
		running.push({ ...deployment, server, targets: [] })
		running.at(-1)!.targets = await targetsOf(server.url, bareUrl)
		console.log(`  ready in ${((performance.now() - began) / 1000).toFixed(0)} s`)
	}
}

/** Each deployment's figures, and the CPU seconds each of the cluster's app processes used in the measured rounds (how evenly nginx spread the load). */
async function run(deployments: Running[]): Promise<{ results: Figures[][]; spread: number[] }> {
	for (const d of deployments) await checkTargets(d.targets)
	for (const d of deployments) {
		console.log(`Warming up ${d.title} for ${WARMUP_S} s over all targets…`)
		await warmUp(d.server.url, d.targets, CONNECTIONS, WARMUP_S)
	}
	// The baseline's own server (every deployment's first target), warmed up once.
	const [bare] = deployments[0]!.targets
	console.log(`Warming up the bare Remix route for ${WARMUP_S} s…`)
	await warmUp(bare!.url, [bare!], CONNECTIONS, WARMUP_S)
	// Within a round each target is measured on every deployment in turn, so a noisy moment
	// falls on the deployments alike.
	const order = deployments[0]!.targets.flatMap((_, t) => deployments.map((d) => d.targets[t]!))
	const clusterPids = deployments.find((d) => d.mode === 'cluster')?.server.pids ?? []
	const cpuBefore = clusterPids.map(cpuSeconds)
	const figures = await measureInRounds(order, {
		connections: CONNECTIONS,
		rounds: ROUNDS,
		roundSeconds: ROUND_S,
		onRound: (round) => {
			const stopped = deployments.find((d) => !d.server.alive())
			if (stopped) throw new Error(`${stopped.title} stopped during the run`)
			console.log(`Round ${round}/${ROUNDS}: ${ROUND_S} s per target and deployment…`)
		},
	})
	return {
		results: deployments.map((_, k) => figures.filter((_, i) => i % deployments.length === k)),
		spread: clusterPids.map((pid, i) => cpuSeconds(pid) - cpuBefore[i]!),
	}
}

function write(deployments: Running[], { results, spread }: { results: Figures[][]; spread: number[] }) {
	const sections = deployments.map((d, k) => `### ${d.title}\n\n${table(results[k]!)}`)
	const versus = deployments.length > 1 ? comparison(deployments, results) : ''
	console.log(`\n${sections.join('\n\n')}\n\n${versus}\n`)
	// Figures from a run with failed requests would mislead, so docs/perf.md keeps the last good ones.
	if (results.flat().some((f) => f.errors > 0)) throw new Error('some requests failed or answered non-2xx (last column); docs/perf.md left as it was')
	if (deployments.length < ALL_DEPLOYMENTS.length) return console.log('A run on some of the deployments leaves docs/perf.md alone')
	const titles = ALL_DEPLOYMENTS.map((d) => d.title)
	writeSection('http', httpSection({ titles, clusterProcesses: CLUSTER_PROCESSES, spread, connections: CONNECTIONS, warmUpSeconds: WARMUP_S, rounds: ROUNDS, roundSeconds: ROUND_S, sections, versus }))
	console.log('Written to docs/perf.md')
}

const deployments: Running[] = []
let bare: ChildProcess | undefined
try {
	const baseline = await startBareRemix()
	bare = baseline.child
	await start(deployments, baseline.url)
	write(deployments, await run(deployments))
} catch (error) {
	console.error(`✗ ${(error as Error).message} (logs in tests/.tmp/bench/http-*)`)
	process.exitCode = 1
} finally {
	bare?.disconnect()
	await Promise.all(deployments.map((d) => d.server.stop()))
}
