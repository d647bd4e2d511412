// npm run bench:soak: SOAK_MINUTES (10 by default) of mixed traffic against the production
// build on 127.0.0.1 (one process, SQLite): browsing, posting with photos, voting, chatting and
// tapping in a live room, drawing. Samples the server's RSS (/proc) and heap and event-loop delay
// (tests/bench/soak-sampler.ts, preloaded into it); exits non-zero on any error or a heap that
// keeps growing. A full-length run that passes rewrites the Soak section of docs/perf.md.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { TMP } from '../setup/paths.ts'
import { writeSection } from './perf-doc.ts'
import { startBenchDeployment, type BenchDeployment } from './production-server.ts'
import type { LiveSeed } from './seed-live-room.ts'
import type { SoakSeed } from './seed-soak.ts'
import { soakSection } from './soak-doc.ts'
import { memoryTable, minutesTable, requestsTable, verdict, type RssSample } from './soak-report.ts'
import type { Sample } from './soak-sampler.ts'
import { MEMBERS_NEEDED, startTraffic } from './soak-traffic.ts'

const FULL_MINUTES = 10
const MINUTES = Number(process.env.SOAK_MINUTES ?? FULL_MINUTES)
const SAMPLE_MS = 5000
if (!(MINUTES >= 0.5 && MINUTES <= 240)) throw new Error('SOAK_MINUTES: a number of minutes from 0.5 to 240')

const files = path.join(TMP, 'bench', 'soak-files')
rmSync(files, { recursive: true, force: true })
mkdirSync(files, { recursive: true })
// The seed scripts and the server inherit this process's environment.
Object.assign(process.env, {
	LIVE_BENCH_MEMBERS: String(MEMBERS_NEEDED),
	LIVE_BENCH_SEED_OUT: path.join(files, 'live-seed.json'),
	SOAK_SEED_OUT: path.join(files, 'soak-seed.json'),
	SOAK_SAMPLES: path.join(files, 'samples.jsonl'),
	SOAK_SAMPLE_MS: String(SAMPLE_MS),
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
const readSamples = (): Sample[] =>
	existsSync(process.env.SOAK_SAMPLES!) ? readFileSync(process.env.SOAK_SAMPLES!, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Sample) : []

async function soak(server: BenchDeployment) {
	const pid = server.pids[0]!
	const live = JSON.parse(readFileSync(process.env.LIVE_BENCH_SEED_OUT!, 'utf8')) as LiveSeed
	const seed = JSON.parse(readFileSync(process.env.SOAK_SEED_OUT!, 'utf8')) as SoakSeed
	// Settled after start-up and seeding, before any visitor.
	await sleep(SAMPLE_MS * 2)
	const idle = { rss: rssOf(pid), heap: readSamples().at(-1) }
	const runMs = MINUTES * 60_000
	process.kill(pid, 'SIGUSR2')
	const started = Date.now()
	const rss: RssSample[] = []
	const { traffic, done } = startTraffic({ ...seed, url: server.url, roomId: live.roomId, cookies: live.cookies, until: started + runMs })
	console.log(`Soaking for ${MINUTES} min…`)
	const sampler = setInterval(() => {
		if (!server.alive()) return
		const at = Date.now() - started
		rss.push({ at, rss: rssOf(pid) })
		if (Math.floor(at / 60_000) > Math.floor((at - SAMPLE_MS) / 60_000)) {
			const count = [...traffic.tallies.values()].reduce((all, t) => ({ n: all.n + t.count, errors: all.errors + t.errors }), { n: 0, errors: 0 })
			console.log(`  ${Math.round(at / 60_000)} min: ${count.n} requests and events, ${count.errors} errors, RSS ${(rss.at(-1)!.rss / 2 ** 20).toFixed(0)} MB`)
		}
	}, SAMPLE_MS)
	// Every loop stops at the deadline; a request still out then gets a minute to finish.
	let overrun: NodeJS.Timeout | undefined
	const late = new Promise<never>((_, reject) => (overrun = setTimeout(() => reject(new Error('the traffic did not stop within a minute of the deadline')), runMs + 60_000)))
	await Promise.race([done, late]).finally(() => clearTimeout(overrun))
	await sleep(SAMPLE_MS)
	clearInterval(sampler)
	if (!server.alive()) throw new Error('the server stopped during the soak')
	const heap = readSamples().filter((s) => s.run === 1)
	return { traffic, heap, rss, idle, runMs }
}

function report({ traffic, heap, rss, idle, runMs }: Awaited<ReturnType<typeof soak>>, serverErrors: number): boolean {
	const result = verdict(traffic.tallies, serverErrors, heap, rss, runMs)
	const requests = requestsTable(traffic.tallies, runMs)
	const memory = memoryTable(heap, rss, idle, runMs)
	const minutes = minutesTable(heap, rss)
	console.log(`\n${requests}\n\n${memory}\n\n${minutes}\n`)
	console.log(`Chat messages delivered to viewers: ${traffic.deliveries}. Heap growth ${result.heapGrowth.toFixed(2)}×, RSS growth ${result.rssGrowth.toFixed(2)}× (last third over first, after the warm-up).`)
	for (const failure of traffic.failures) console.error(`  ${failure}`)
	if (!result.ok) {
		console.error(`✗ the soak failed: ${result.reasons.join('; ')}; docs/perf.md left as it was`)
		return false
	}
	if (MINUTES !== FULL_MINUTES) {
		console.log(`✓ no errors, no growth; a ${MINUTES}-minute run leaves docs/perf.md alone`)
		return true
	}
	writeSection('soak', soakSection({ requests, memory, minutes, deliveries: traffic.deliveries, ...result, runMs }))
	console.log('✓ no errors, no growth. Written to docs/perf.md')
	return true
}

let server: BenchDeployment | undefined
try {
	console.log('Starting the production server on SQLite and seeding it (feed, board, live room, draw)…')
	server = await startBenchDeployment({
		name: 'soak',
		mode: 'sqlite',
		seedScripts: ['tests/bench/seed-feed.ts', 'tests/bench/seed-board.ts', 'tests/bench/seed-live-room.ts', 'tests/bench/seed-soak.ts'],
		nodeArgs: ['--import', path.join(import.meta.dirname, 'soak-sampler.ts')],
	})
	const figures = await soak(server)
	await server.stop()
	const log = readFileSync(path.join(server.log, 'app-1.log'), 'utf8')
	const serverErrors = log.split('\n').filter((line) => line.includes('"level":"error"'))
	for (const line of serverErrors.slice(0, 5)) console.error(`  server: ${line.slice(0, 300)}`)
	if (!report(figures, serverErrors.length)) process.exitCode = 1
} catch (error) {
	console.error(`✗ ${(error as Error).message} (logs in tests/.tmp/bench/soak)`)
	process.exitCode = 1
} finally {
	await server?.stop()
}
