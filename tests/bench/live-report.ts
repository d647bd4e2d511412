// bench:live's figures: rows per server and room size from the client processes'
// reports, printed as tables and written to docs/perf.md.
import type { PhaseResult, Report, Target } from './live-clients.ts'
import { gitRevision, machine, writeSection } from './perf-doc.ts'

/** process.memoryUsage() of a server, in bytes. */
export type Memory = { rss: number; heapUsed: number; external: number }
export type Load = 'chat' | 'chat + likes'

/** A room size on one server: how fast viewers got in, and its memory once they were all in (after a full collection). */
export type SizeRow = { target: Target; clients: number; joinsPerSecond: number; memory: Memory; idle: Memory }

export type PhaseRow = {
	target: Target
	clients: number
	load: Load
	messagesPerSecond: number
	deliveriesPerSecond: number
	/** Deliveries seen over those due: every message not refused, to every viewer in the room. */
	delivered: number
	p50: number
	p99: number
	max: number
	ackP99: number
	tapsPerSecond: number
	likesPerSecond: number
	totalsPerSecond: number
	/** Cores busy on average during the phase: 1 is one core. */
	serverCores: number
	clientCores: number
	trouble: string[]
}

/** The value at or above p % of a sorted array's values. */
const percentile = (sorted: Float64Array, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN)
function sortedConcat(arrays: Float64Array[]): Float64Array {
	const all = new Float64Array(arrays.reduce((n, a) => n + a.length, 0))
	arrays.reduce((at, a) => (all.set(a, at), at + a.length), 0)
	return all.sort()
}
const tally = (records: Record<string, number>[]) =>
	records.reduce<Record<string, number>>((all, r) => (Object.entries(r).forEach(([k, n]) => (all[k] = (all[k] ?? 0) + n)), all), {})

export function phaseFigures(m: { target: Target; clients: number; load: Load; seconds: number; results: Report[]; serverCpuSeconds: number }): PhaseRow {
	const parts = m.results.filter((r): r is Extract<Report, { kind: 'result' }> => r.kind === 'result') as PhaseResult[]
	const latencies = sortedConcat(parts.map((p) => p.latencies))
	const acks = sortedConcat(parts.map((p) => p.acks))
	const sum = (pick: (p: PhaseResult) => number) => parts.reduce((total, p) => total + pick(p), 0)
	const refused = tally(parts.map((p) => p.refused))
	// A message answered with a refusal is never broadcast; one not answered in time may still be.
	const due = (sum((p) => p.sent) - Object.values(refused).reduce((n, count) => n + count, 0)) * m.clients
	// Every client process's first socket sees the same totals; the first one's are enough.
	const listener = parts[0]!
	return {
		target: m.target,
		clients: m.clients,
		load: m.load,
		messagesPerSecond: sum((p) => p.sent) / m.seconds,
		deliveriesPerSecond: latencies.length / m.seconds,
		delivered: due ? latencies.length / due : NaN,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		max: latencies.at(-1) ?? NaN,
		ackP99: percentile(acks, 99),
		tapsPerSecond: sum((p) => p.tapsSent) / m.seconds,
		likesPerSecond: (listener.likesAfter - listener.likesBefore) / m.seconds,
		totalsPerSecond: listener.totalsBroadcasts / m.seconds,
		serverCores: m.serverCpuSeconds / m.seconds,
		clientCores: sum((p) => p.cpuMs) / 1000 / m.seconds,
		trouble: [
			...Object.entries(refused).map(([why, n]) => `${n} refused (${why})`),
			...(sum((p) => p.unanswered) ? [`${sum((p) => p.unanswered)} not answered within 10 s`] : []),
			...Object.entries(tally(parts.map((p) => p.disconnects))).map(([why, n]) => `${n} disconnected (${why})`),
			...(sum((p) => p.liveErrors) ? [`${sum((p) => p.liveErrors)} live:error`] : []),
		],
	}
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–')
const ratio = (value: number, of: number) => (Number.isFinite(value) && Number.isFinite(of) && of > 0 ? `${(value / of).toFixed(2)}×` : '–')
export const NAMES: Record<Target, string> = {
	baseline: 'baseline: bare Socket.IO',
	sqlite: 'Quanzi, SQLite',
	postgres: 'Quanzi, PostgreSQL',
	cluster: 'Quanzi cluster (PostgreSQL, Redis, nginx)',
}
const ORDER = Object.keys(NAMES) as Target[]
const MB = 2 ** 20
const heap = (m: Memory) => m.heapUsed + m.external
const perViewer = (r: SizeRow) => (heap(r.memory) - heap(r.idle)) / 1024 / r.clients

/** By room size, the baseline first, chat before chat + likes (the run itself alternates the servers). */
const byRoom = <T extends { target: Target; clients: number; load?: Load }>(rows: T[]) =>
	[...rows].sort((a, b) => a.clients - b.clients || (a.load ?? '').localeCompare(b.load ?? '') || ORDER.indexOf(a.target) - ORDER.indexOf(b.target))

function tables(unsortedSizes: SizeRow[], unsortedPhases: PhaseRow[]): string {
	const [sizes, phases] = [byRoom(unsortedSizes), byRoom(unsortedPhases)]
	/** The baseline's row for the same room size (and load). */
	const baselineOf = <T extends { target: Target; clients: number; load?: Load }>(rows: T[], r: T) =>
		r.target === 'baseline' ? undefined : rows.find((x) => x.target === 'baseline' && x.clients === r.clients && x.load === r.load)
	const memory = [
		'| viewers | server | joins/s | joins/s vs baseline | RSS MB | heap + external MB | KB per viewer | KB per viewer vs baseline |',
		'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...sizes.map((r) => {
			const b = baselineOf(sizes, r)
			return `| ${r.clients} | ${NAMES[r.target]} | ${fixed(r.joinsPerSecond, 0)} | ${b ? ratio(r.joinsPerSecond, b.joinsPerSecond) : ''} | ${fixed(r.memory.rss / MB, 0)} | ${fixed(heap(r.memory) / MB, 0)} | ${fixed(perViewer(r))} | ${b ? ratio(perViewer(r), perViewer(b)) : ''} |`
		}),
	]
	const traffic = [
		'| viewers | load | server | chat msg/s | deliveries/s | delivered | fan-out p50 ms | p99 ms | max ms | send→ack p99 ms | taps sent/s | likes counted/s | like:totals/s | server cores | client cores | refused, dropped |',
		'| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
		...phases.map(
			(r) =>
				`| ${r.clients} | ${r.load} | ${NAMES[r.target]} | ${fixed(r.messagesPerSecond)} | ${fixed(r.deliveriesPerSecond, 0)} | ${fixed(r.delivered * 100, 1)} % | ${fixed(r.p50)} | ${fixed(r.p99)} | ${fixed(r.max)} | ${fixed(r.ackP99)} | ${fixed(r.tapsPerSecond, 0)} | ${r.load === 'chat' ? '–' : fixed(r.likesPerSecond, 0)} | ${r.load === 'chat' ? '–' : fixed(r.totalsPerSecond, 1)} | ${fixed(r.serverCores, 2)} | ${fixed(r.clientCores, 2)} | ${r.trouble.join('; ') || 'none'} |`,
		),
	]
	const versus = [
		'| viewers | load | deployment | fan-out p50 | fan-out p99 | send→ack p99 | server cores | likes counted/s |',
		'| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
		...phases.flatMap((q) => {
			const b = baselineOf(phases, q)
			if (!b) return []
			return [`| ${q.clients} | ${q.load} | ${NAMES[q.target]} | ${ratio(q.p50, b.p50)} | ${ratio(q.p99, b.p99)} | ${ratio(q.ackP99, b.ackP99)} | ${ratio(q.serverCores, b.serverCores)} | ${q.load === 'chat' ? '–' : ratio(q.likesPerSecond, b.likesPerSecond)} |`]
		}),
	]
	return `${memory.join('\n')}\n\n${traffic.join('\n')}\n\nEach deployment over the baseline, same room size and load, same run:\n\n${versus.join('\n')}`
}

export function printAndWrite(
	sizes: SizeRow[],
	phases: PhaseRow[],
	options: { custom: boolean; setup: { phaseSeconds: number; chatRate: number; clientProcesses: number; clusterProcesses: number; clusterCpu: number[]; steps: number[] } },
): void {
	const figures = tables(sizes, phases)
	console.log(`\n${figures}\n`)
	if (options.custom) return console.log('LIVE_BENCH_CLIENTS or LIVE_BENCH_DEPLOYMENTS was set: docs/perf.md left as it was.')
	const { phaseSeconds, chatRate, clientProcesses, clusterProcesses, clusterCpu, steps } = options.setup
	writeSection(
		'live',
		`## Live rooms over Socket.IO (npm run bench:live)

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${gitRevision()}, on ${machine()}.

One live room with a pinned product on three deployments of the production server, all
running during the whole run, and the same traffic against a bare Socket.IO 4 server in its own
process as the baseline (\`tests/bench/live-echo-server.ts\`: no session check, no database, no
Remix; it broadcasts each message and sums taps into a total broadcast every 250 ms):

- **${NAMES.sqlite}**: one app process on its own SQLite file.
- **${NAMES.postgres}**: one app process on a private PostgreSQL server on the same machine
  (Debian's package, fsync on).
- **${NAMES.cluster}**: ${clusterProcesses} app processes on one PostgreSQL database, sharing
  Socket.IO rooms, like totals and limits through a Redis server, behind nginx (one worker)
  configured by [docs/deploy/nginx.conf](deploy/nginx.conf). Viewers connect through nginx
  and are spread over the processes, so a message sent on one process reaches viewers on the
  other through Redis, and the fan-out counts every viewer's delivery. The template's sticky
  line \`ip_hash\` (sticky by client address, the recipe for real visitors, whose polling
  fallback needs every request of a session on one process) would put every viewer on one
  process here, all being 127.0.0.1; the generated configuration swaps it for
  \`hash $remote_addr$remote_port consistent\` (sticky per TCP connection: the viewers use
  the WebSocket transport only, where one session is one connection); over this run the app
  processes used ${clusterCpu.map((s) => s.toFixed(0)).join(' and ')} CPU seconds. Memory and cores are summed over the app
  processes; nginx, PostgreSQL and Redis are not counted.

Viewers connect over WebSocket from ${clientProcesses} client processes on the same 2 cores as the servers, join
the room and send a heartbeat every 10 s as the room page does; 90 % are signed-in members
(sessions written to the database), 10 % signed out. The room grows step by step
(${steps.join(', ')} viewers). A step's viewers stay for the next, so at the last size every server
holds its ${Math.max(...steps)} viewers and their heartbeats at once; the servers take turns at each size, each
phase starting once all of them are idle. The whole run takes about 10 minutes.
At each size, ${phaseSeconds} s of **chat**: 5 % of viewers chat, ${chatRate} messages a second in all,
each chatter at most one message every 1.5 s (inside the flood limit); then ${phaseSeconds} s of
**chat + likes**: the same chat while 20 % of viewers tap, in bursts of 1–6 taps every
300 ms as the page batches them, every other burst "want it" on the pinned product.

- Fan-out: from a chatter's \`chat:send\` to the \`chat:message\` arriving at each viewer in
  the room (the sender included), over every delivery; send→ack is what the chatter waits
  for. The send time travels in the message; every process reads the same system clock.
- Delivered: deliveries seen (until none came for 0.5 s, at most 10 s after the phase) over the
  messages not refused × the viewers in the room.
- Likes counted/s: the rise of the room's total in \`like:totals\` from the phase's start to
  0.5 s after its end (two broadcast ticks); like:totals/s, how often it came during the phase.
- Joins/s: a step's new viewers connecting and joining, 25 at a time per client process.
- Memory: each server's \`process.memoryUsage()\` right after a full garbage collection
  (\`--expose-gc\`, triggered by \`tests/bench/live-memory-probe.ts\`) once the step's viewers
  are all in. KB per viewer is heap + external (Buffers) over the same before the first
  viewer came. RSS is shown but not divided: after startup it falls by tens of MB on its
  own over a minute (the allocator hands pages back late), as much as 2,000 viewers add.
- Cores: CPU time the process used during the phase over its length (2 is the whole machine).
  It includes the kernel's time writing to the sockets and the garbage collector's threads;
  the server's JavaScript runs on one event loop, so near 1 core or above that loop is likely saturated,
  and fan-out many times the baseline's is then time spent waiting in its queue. Client cores
  show what the viewers themselves took from the shared machine.

${figures}`,
	)
	console.log('Written to docs/perf.md')
}
