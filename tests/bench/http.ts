// npm run bench:http: throughput and latency of the production server on 127.0.0.1,
// each target next to /healthz (the cheapest route through the same stack) measured
// in the same run. Prints a table and rewrites the HTTP section of docs/perf.md.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../setup/paths.ts'
import { measureInRounds, warmUp, type Figures, type Target } from './load.ts'
import { gitRevision, machine, writeSection } from './perf-doc.ts'
import { startBenchServer, type BenchServer } from './production-server.ts'

const CONNECTIONS = 10
const WARMUP_S = 5
const ROUNDS = 5
const ROUND_S = 2 // 5 rounds × 2 s: 10 s measured per target
// What a browser sends; without Accept-Encoding, compression() would be skipped and the
// figures would leave out the cost real visitors cause.
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' }

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

/** One request per target first, so a wrong route fails in a second, not after the whole run. */
async function checkTargets(url: string, targets: Target[]) {
	for (const t of targets) {
		const res = await fetch(url + t.path, { headers: t.headers, redirect: 'manual' })
		await res.arrayBuffer()
		if (res.status !== 200) throw new Error(`GET ${t.path} answered ${res.status}, not 200`)
	}
}

function table(results: Figures[]): string {
	const base = results[0]!
	const ms = (value: number) => value.toFixed(1)
	const ratio = (value: number, of: number) => (of ? `${(value / of).toFixed(2)}×` : '–')
	return [
		'| target | req/s | req/s vs /healthz | p50 ms | p90 ms | p99 ms | p99 vs /healthz | max ms | KB/response | errors + non-2xx |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...results.map(
			(f) =>
				`| ${f.label} | ${f.rps.toFixed(0)} | ${ratio(f.rps, base.rps)} | ${ms(f.p50)} | ${ms(f.p90)} | ${ms(f.p99)} | ${ratio(f.p99, base.p99)} | ${ms(f.max)} | ${(f.bytesPerResponse / 1024).toFixed(1)} | ${f.errors} |`,
		),
	].join('\n')
}

async function run(server: BenchServer): Promise<Figures[]> {
	const asset = largestAsset()
	const targets: Target[] = [
		{ label: 'baseline: `/healthz` (JSON, one DB query)', path: '/healthz', headers: BROWSER },
		{ label: 'feed `/`: 20 posts with 3 photos each (Remix SSR, anonymous)', path: '/', headers: BROWSER },
		{ label: 'voting board `/vote`: 20 ideas with photos and counts (Remix SSR, anonymous)', path: '/vote', headers: BROWSER },
		{ label: 'one photo rendition `/media/…/w320.webp`', path: await firstRendition(server.url), headers: BROWSER },
		{ label: `static asset \`${asset.file}\` (${asset.kb} KB)`, path: `/assets/${asset.file}`, headers: BROWSER },
		{ label: 'same asset, no Accept-Encoding', path: `/assets/${asset.file}`, headers: { ...BROWSER, 'accept-encoding': 'identity' } },
	]
	await checkTargets(server.url, targets)
	console.log(`Warming up for ${WARMUP_S} s over all targets…`)
	await warmUp(server.url, targets, CONNECTIONS, WARMUP_S)
	return measureInRounds(server.url, targets, {
		connections: CONNECTIONS,
		rounds: ROUNDS,
		roundSeconds: ROUND_S,
		onRound: (round) => {
			if (!server.alive()) throw new Error('the server stopped during the run')
			console.log(`Round ${round}/${ROUNDS}: ${ROUND_S} s per target…`)
		},
	})
}

const server = await startBenchServer({ seedScripts: ['tests/bench/seed-feed.ts', 'tests/bench/seed-board.ts'] }).catch((error: Error) => {
	console.error(`✗ ${error.message}`)
	process.exit(1)
})
// NOTE: the server is a separate process; a benchmark stopped midway must not leave it
// running, nor write the figures of its last, cut-short round.
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		interrupted = true
		void server.stop().then(() => process.exit(signal === 'SIGINT' ? 130 : 143))
	})
}
try {
	const results = await run(server)
	if (interrupted) throw new Error('interrupted')
	const figures = table(results)
	console.log(`\n${figures}\n`)
	// Figures from a run with failed requests would mislead, so docs/perf.md keeps the last good ones.
	if (results.some((f) => f.errors > 0)) throw new Error('some requests failed or answered non-2xx (last column); docs/perf.md left as it was')
	writeSection(
		'http',
		`## HTTP (npm run bench:http)

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${gitRevision()}, on ${machine()}.

autocannon, in the benchmark's own process and so sharing the cores with the server,
against the production build on 127.0.0.1 with ${CONNECTIONS} keep-alive connections: one ${WARMUP_S} s
warm-up over all targets, then ${ROUNDS} rounds in which each target in turn gets ${ROUND_S} s
(${ROUNDS * ROUND_S} s per target in all, interleaved so background load falls on every row alike).
Requests carry a browser's \`Accept-Encoding: gzip, deflate, br\` unless the row says otherwise.
Latencies are of 2xx responses; KB/response includes headers.

${figures}`,
	)
	console.log('Written to docs/perf.md')
} catch (error) {
	console.error(`✗ ${(error as Error).message} (server log: ${path.relative(ROOT, server.log)})`)
	process.exitCode = 1
} finally {
	await server.stop()
}
