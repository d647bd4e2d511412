// npm run bench:http: throughput and latency of the production server on 127.0.0.1,
// each target next to /healthz (the cheapest route through the same stack) measured
// in the same run. Prints a table and rewrites the HTTP section of docs/perf.md.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import { ROOT } from '../setup/paths.ts'
import { gitRevision, machine, writeSection } from './perf-doc.ts'
import { startBenchServer, type BenchServer } from './production-server.ts'

const CONNECTIONS = 10
const WARMUP_S = 5
const DURATION_S = 10
// What a browser sends; without Accept-Encoding, compression() would be skipped and the
// figures would leave out the cost real visitors cause.
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' }

type Target = { label: string; path: string; headers?: Record<string, string> }
type Figures = Target & { rps: number; p50: number; p90: number; p99: number; max: number; bytes: number; errors: number }

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

/** One request per target first, so a wrong route fails in a second, not after a 10 s run. */
async function checkTargets(url: string, targets: Target[]) {
	for (const t of targets) {
		const res = await fetch(url + t.path, { headers: { ...BROWSER_HEADERS, ...t.headers }, redirect: 'manual' })
		await res.arrayBuffer()
		if (res.status !== 200) throw new Error(`GET ${t.path} answered ${res.status}, not 200`)
	}
}

async function measure(url: string, target: Target): Promise<Figures> {
	const r = await autocannon({ url: url + target.path, connections: CONNECTIONS, duration: DURATION_S, headers: { ...BROWSER_HEADERS, ...target.headers } })
	return {
		...target,
		rps: r.requests.average,
		p50: r.latency.p50,
		p90: r.latency.p90,
		p99: r.latency.p99,
		max: r.latency.max,
		bytes: r.requests.total ? r.throughput.total / r.requests.total : 0,
		// autocannon counts timeouts among its errors already.
		errors: r.errors + r.non2xx,
	}
}

function table(results: Figures[]): string {
	const base = results[0]!
	const ratio = (value: number, of: number) => (of ? `${(value / of).toFixed(2)}×` : '–')
	return [
		'| target | req/s | req/s vs /healthz | p50 ms | p90 ms | p99 ms | p99 vs /healthz | max ms | KB/response | errors + non-2xx |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...results.map(
			(f) =>
				`| ${f.label} | ${f.rps.toFixed(0)} | ${ratio(f.rps, base.rps)} | ${f.p50} | ${f.p90} | ${f.p99} | ${ratio(f.p99, base.p99)} | ${f.max} | ${(f.bytes / 1024).toFixed(1)} | ${f.errors} |`,
		),
	].join('\n')
}

async function run(server: BenchServer): Promise<Figures[]> {
	const asset = largestAsset()
	const targets: Target[] = [
		{ label: 'baseline: `/healthz` (JSON, one DB query)', path: '/healthz' },
		{ label: 'home page `/` (Remix SSR, anonymous)', path: '/' },
		{ label: `static asset \`${asset.file}\` (${asset.kb} KB)`, path: `/assets/${asset.file}` },
		{ label: 'same asset, no Accept-Encoding', path: `/assets/${asset.file}`, headers: { 'accept-encoding': 'identity' } },
	]
	await checkTargets(server.url, targets)
	console.log(`Warming up for ${WARMUP_S} s over all targets…`)
	await autocannon({
		url: server.url,
		connections: CONNECTIONS,
		duration: WARMUP_S,
		requests: targets.map((t) => ({ method: 'GET', path: t.path, headers: { ...BROWSER_HEADERS, ...t.headers } })),
	})
	const results: Figures[] = []
	for (const target of targets) {
		console.log(`Measuring ${target.path} for ${DURATION_S} s…`)
		results.push(await measure(server.url, target))
	}
	return results
}

const server = await startBenchServer().catch((error: Error) => {
	console.error(`✗ ${error.message}`)
	process.exit(1)
})
// NOTE: the server is a separate process; a benchmark stopped midway must not leave it running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => void server.stop().then(() => process.exit(signal === 'SIGINT' ? 130 : 143)))
}
try {
	const results = await run(server)
	const figures = table(results)
	console.log(`\n${figures}\n`)
	writeSection(
		'http',
		`## HTTP (npm run bench:http)

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${gitRevision()}, on ${machine()}.

autocannon (in the benchmark's own process, sharing the cores with the server) against
the production build on 127.0.0.1: ${CONNECTIONS} connections, one ${WARMUP_S} s warm-up over all
targets, then ${DURATION_S} s per target, one after another. Requests carry a browser's
\`Accept-Encoding: gzip, deflate, br\` unless the row says otherwise. Latencies are whole
milliseconds (autocannon's resolution); KB/response includes headers.

${figures}`,
	)
	console.log('Written to docs/perf.md')
	if (results.some((f) => f.errors > 0)) {
		console.error('✗ Some requests failed or answered non-2xx: see the last column.')
		process.exitCode = 1
	}
} catch (error) {
	console.error(`✗ ${(error as Error).message} (server log: ${path.relative(ROOT, server.log)})`)
	process.exitCode = 1
} finally {
	await server.stop()
}
