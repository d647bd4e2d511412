// The Soak section of docs/perf.md: how the run went and how to read it.
import { gitRevision, machine } from './perf-doc.ts'
import { MAX_GROWTH, warmUpMs } from './soak-report.ts'

type Figures = { requests: string; memory: string; minutes: string; deliveries: number; heapGrowth: number; rssGrowth: number; runMs: number }

export function soakSection(f: Figures): string {
	const minutes = f.runMs / 60_000
	return `## Soak (npm run bench:soak)

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${gitRevision()}, on ${machine()}.

${minutes} minutes of mixed traffic from one script (\`tests/bench/soak.ts\`, visitors in
\`soak-traffic.ts\`) against the production build, one process on a SQLite file on 127.0.0.1,
seeded as bench:http's deployments are (20 photo posts, a voting round of 20 ideas) plus a live
room, 40 members with sessions and points, and a prize draw whose pool the run cannot empty:

- browsing: 4 visitors (2 signed in) going round home, the feed's photos tab, a post, the
  product page, the voting board, an idea, the live room page and the draw page, each page's
  first photo fetched after it, 250 ms between pages;
- posting: a post with 2 photos (800×600 JPEGs made with sharp) every 6 s, from 5 members in turn;
- voting: 2 members voting for an idea and taking the vote back, one request a second each;
- drawing: 2 loops, one draw every 1.5 s each, from 5 members in turn;
- a live room over Socket.IO: 20 members watching the whole run with heartbeats, 5 of them
  chatting (a message every 4 s each) and 5 tapping likes (a burst a second each); and a
  visitor opening the room for 3 s and leaving, over and over (one in three signed out), so
  sockets come and go.

Each answer is checked: pages 200, a post 302 to the new post, a vote, withdrawal or draw 200,
socket acks without an error. Errors must be 0, and the server must log none. Latencies are
as the script saw them, to the last byte, with the script on the same 2 cores.

Memory: RSS read from \`/proc/<pid>/status\` every 5 s; inside the server,
\`tests/bench/soak-sampler.ts\` (preloaded with \`node --import\`; the app has no route for
this) reads heap used from \`process.memoryUsage()\`, the heap each full (mark-compact) garbage
collection leaves from a \`perf_hooks\` observer of V8's collections, and event-loop delay from
\`perf_hooks.monitorEventLoopDelay\` (10 ms resolution). No collection is forced, so heap used
is a saw-tooth of garbage swinging by a hundred MB or more; what the full collections leave is
what stays alive, and that is the measure of growth. **The run fails** on any error, or when the
mean heap left by full collections over the last third of the run is more than ${MAX_GROWTH}× the same
over the first third, counted after a warm-up of ${(warmUpMs(f.runMs) / 1000).toFixed(0)} s (JIT, caches and pools filling).
In this run: ${f.heapGrowth.toFixed(2)}×; RSS, last third's mean over the first's, ${f.rssGrowth.toFixed(2)}× (reported, not a
criterion: the allocator hands pages back late).
Chat messages delivered to the viewers: ${f.deliveries}.

${f.requests}

${f.memory}

Event-loop delay per minute (the sampler's minutes, counted from the traffic's start), with the
memory at each minute's end. The histogram times a 10 ms timer, so an idle loop reads about 10 ms:
the delay is what lies above that.

${f.minutes}`
}
