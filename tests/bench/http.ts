// npm run bench:http: throughput and latency of the production server on 127.0.0.1 in three
// deployments (one process on SQLite, one on PostgreSQL, a cluster behind nginx), each target
// next to that deployment's /healthz (the cheapest route through the same stack) measured in
// the same run. Prints the tables and rewrites the HTTP section of docs/perf.md.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../setup/paths.ts'
import { cpuSeconds } from './live-processes.ts'
import { measureInRounds, warmUp, type Figures, type Target } from './load.ts'
import { gitRevision, machine, writeSection } from './perf-doc.ts'
import { startBenchDeployment, type BenchDeployment, type Mode } from './production-server.ts'

const CONNECTIONS = 10
const WARMUP_S = 5
// 5 rounds × 2 s: 10 s measured per target and deployment; with three deployments' seeding
// and start-up (20–30 s each) the whole run takes about 5 minutes.
const ROUNDS = 5
const ROUND_S = 2
const CLUSTER_PROCESSES = 2
// What a browser sends; without Accept-Encoding, compression() would be skipped and the
// figures would leave out the cost real visitors cause.
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' }

const DEPLOYMENTS: { mode: Mode; title: string; short: string }[] = [
	{ mode: 'sqlite', title: 'One process, SQLite', short: 'SQLite' },
	{ mode: 'postgres', title: 'One process, PostgreSQL', short: 'PostgreSQL' },
	{ mode: 'cluster', title: `${CLUSTER_PROCESSES} processes, PostgreSQL + Redis, behind nginx`, short: 'cluster' },
]
type Running = (typeof DEPLOYMENTS)[number] & { server: BenchDeployment; targets: Target[] }

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

/** The same targets on every deployment, in the same order (the tables pair them by position). */
async function targetsOf(url: string): Promise<Target[]> {
	const asset = largestAsset()
	return [
		{ label: 'baseline: `/healthz` (JSON, one DB query)', url, path: '/healthz', headers: BROWSER },
		{ label: 'feed `/`: 20 posts with 3 photos each (Remix SSR, anonymous)', url, path: '/', headers: BROWSER },
		{ label: 'voting board `/vote`: 20 ideas with photos and counts (Remix SSR, anonymous)', url, path: '/vote', headers: BROWSER },
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
		'| target | req/s | req/s vs /healthz | p50 ms | p90 ms | p99 ms | p99 vs /healthz | max ms | KB/response | errors + non-2xx |',
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
async function start(running: Running[]): Promise<void> {
	for (const deployment of DEPLOYMENTS) {
		const { mode, title } = deployment
		console.log(`Starting ${title} and seeding its database…`)
		const began = performance.now()
		const seedScripts = ['tests/bench/seed-feed.ts', 'tests/bench/seed-board.ts']
		const server = await startBenchDeployment({ name: `http-${mode}`, mode, processes: CLUSTER_PROCESSES, seedScripts })
		// Pushed before its targets are read, so a failure there still stops it below.
		running.push({ ...deployment, server, targets: [] })
		running.at(-1)!.targets = await targetsOf(server.url)
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
	const versus = comparison(deployments, results)
	console.log(`\n${sections.join('\n\n')}\n\n${versus}\n`)
	// Figures from a run with failed requests would mislead, so docs/perf.md keeps the last good ones.
	if (results.flat().some((f) => f.errors > 0)) throw new Error('some requests failed or answered non-2xx (last column); docs/perf.md left as it was')
	writeSection(
		'http',
		`## HTTP (npm run bench:http)

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${gitRevision()}, on ${machine()}.

The production build on 127.0.0.1 in three deployments, all running during the whole run:

- **${DEPLOYMENTS[0]!.title}**: \`server.ts\` on a SQLite file (WAL), as Quanzi runs by default.
- **${DEPLOYMENTS[1]!.title}**: the same process on a private PostgreSQL server on the same
  machine (Debian's package, fsync on), with the app's default pool of 10 connections.
- **${DEPLOYMENTS[2]!.title}**: ${CLUSTER_PROCESSES} app processes sharing that kind of database, a Redis
  server and the session secret, behind nginx (one worker) configured by
  [docs/deploy/nginx.conf](deploy/nginx.conf). The template's sticky line \`ip_hash\`
  (sticky by client address, the recipe for real visitors) would send all of a loopback
  benchmark's load to one process, every client being 127.0.0.1; the generated configuration
  swaps it for \`hash $remote_addr$remote_port consistent\` (sticky per TCP connection), so
  autocannon's keep-alive connections spread over both processes (in this run they used
  ${spread.map((s) => `${s.toFixed(0)}`).join(' and ')} CPU seconds while measured).

Two app processes on a 2-core machine that also runs the load generator, nginx and the database
have no idle core to gain: the cluster's rows show the cost of the extra hop and of sharing the
cores, not what two processes do on machines of their own.

Each deployment has its database seeded alike (20 feed posts with 3 photos each, a voting round
of 20 ideas). autocannon, in the benchmark's own process and so sharing the 2 cores with the
servers, with ${CONNECTIONS} keep-alive connections: a ${WARMUP_S} s warm-up over all targets per deployment, then
${ROUNDS} rounds in which each target in turn gets ${ROUND_S} s on each deployment (${ROUNDS * ROUND_S} s per target and
deployment in all, interleaved so background load falls on every row alike). Requests carry a
browser's \`Accept-Encoding: gzip, deflate, br\` unless the row says otherwise. Latencies are of
2xx responses; KB/response includes headers. Each table's ratios are against that deployment's
own \`/healthz\`; the last table sets each deployment against the one on SQLite.

${sections.join('\n\n')}

### The deployments over one process on SQLite, same target, same run

${versus}`,
	)
	console.log('Written to docs/perf.md')
}

const deployments: Running[] = []
try {
	await start(deployments)
	write(deployments, await run(deployments))
} catch (error) {
	console.error(`✗ ${(error as Error).message} (logs in tests/.tmp/bench/http-*)`)
	process.exitCode = 1
} finally {
	await Promise.all(deployments.map((d) => d.server.stop()))
}
