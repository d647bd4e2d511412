// HTTP throughput and latency of the production server on loopback, with /healthz
// (the cheapest route through the same stack) as the baseline of the same run.
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import { startServer } from '../helpers/server.ts'
import { ROOT } from '../setup/paths.ts'
import setup from '../setup/global-setup.ts'
import { machine, writeSection } from './perf-doc.ts'

const CONNECTIONS = 10
const WARMUP_S = 5
const DURATION_S = 10

type Figures = { name: string; path: string; rps: number; p50: number; p90: number; p99: number; max: number; errors: number }

function largestAsset(): string {
	const dir = path.join(ROOT, 'build/client/assets')
	const js = readdirSync(dir).filter((f) => f.endsWith('.js'))
	return js.sort((a, b) => statSync(path.join(dir, b)).size - statSync(path.join(dir, a)).size)[0]!
}

async function measure(url: string, seconds: number) {
	return autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { 'Accept-Language': 'zh-CN' } })
}

setup() // the template database and the build, as the tests use them
const server = await startServer()
try {
	const targets = [
		{ name: 'baseline: /healthz (one DB query)', path: '/healthz' },
		{ name: 'home page / (SSR, anonymous)', path: '/' },
		{ name: `static asset (${Math.round(statSync(path.join(ROOT, 'build/client/assets', largestAsset())).size / 1024)} KB JS)`, path: `/assets/${largestAsset()}` },
	]
	const results: Figures[] = []
	for (const target of targets) {
		await measure(server.url + target.path, WARMUP_S)
		const r = await measure(server.url + target.path, DURATION_S)
		results.push({
			name: target.name,
			path: target.path,
			rps: r.requests.average,
			p50: r.latency.p50,
			p90: r.latency.p90,
			p99: r.latency.p99,
			max: r.latency.max,
			errors: r.errors + r.timeouts + r.non2xx,
		})
	}
	const base = results[0]!
	const rows = results.map(
		(f) => `| ${f.name} | ${f.rps.toFixed(0)} | ${(f.rps / base.rps).toFixed(2)}× | ${f.p50} | ${f.p90} | ${f.p99} | ${(f.p99 / base.p99).toFixed(1)}× | ${f.max} | ${f.errors} |`,
	)
	const table = [
		'| target | req/s | req/s vs baseline | p50 ms | p90 ms | p99 ms | p99 vs baseline | max ms | errors |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows,
	].join('\n')
	console.log(`\n${table}\n`)
	writeSection(
		'http',
		`## HTTP (npm run bench:http)

${new Date().toISOString().slice(0, 10)} on ${machine()}.
autocannon in the same machine against the production build on 127.0.0.1, ${CONNECTIONS} connections,
${WARMUP_S} s warm-up then ${DURATION_S} s measured per target; the load generator shares the 2 cores.

${table}`,
	)
	console.log('Written to docs/perf.md')
	if (results.some((f) => f.errors > 0)) {
		console.error('Some requests failed: see the errors column.')
		process.exitCode = 1
	}
} finally {
	await server.stop()
}
