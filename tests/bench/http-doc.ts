// The HTTP section of docs/perf.md: how bench:http measured, then its tables.
import { gitRevision, machine } from './perf-doc.ts'

type Run = {
	titles: string[]
	clusterProcesses: number
	/** CPU seconds each of the cluster's app processes used while measured. */
	spread: number[]
	connections: number
	warmUpSeconds: number
	rounds: number
	roundSeconds: number
	sections: string[]
	versus: string
}

export function httpSection(r: Run): string {
	const [sqlite, postgres, cluster] = r.titles
	return `## HTTP (npm run bench:http)

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${gitRevision()}, on ${machine()}.

The production build on 127.0.0.1 in three deployments, all running during the whole run:

- **${sqlite}**: \`server.ts\` on a SQLite file (WAL), as Quanzi runs by default.
- **${postgres}**: the same process on a private PostgreSQL server on the same
  machine (Debian's package, fsync on), with the app's default pool of 10 connections.
- **${cluster}**: ${r.clusterProcesses} app processes sharing that kind of database, a Redis
  server and the session secret, behind nginx (one worker) configured by
  [docs/deploy/nginx.conf](deploy/nginx.conf). The template's sticky line \`ip_hash\`
  (sticky by client address, the recipe for real visitors) would send all of a loopback
  benchmark's load to one process, every client being 127.0.0.1; the generated configuration
  swaps it for \`hash $remote_addr$remote_port consistent\` (sticky per TCP connection), so
  autocannon's keep-alive connections spread over both processes (in this run they used
  ${r.spread.map((s) => `${s.toFixed(0)}`).join(' and ')} CPU seconds while measured).

Two app processes on a 2-core machine that also runs the load generator, nginx and the database
have no idle core to gain: the cluster's rows show the cost of the extra hop and of sharing the
cores, not what two processes do on machines of their own.

**The baseline is a bare Remix route**, served by \`tests/bench/bare-remix-server.ts\` in a process
of its own: Quanzi's production build (its \`entry.server\`, the same React, Remix,
\`@remix-run/express\` and \`compression\` as \`server.ts\`) with the routes swapped, in that
process only, for one root route rendering a one-paragraph document, with no loader, session,
database or layout. So a page's ratio is what Quanzi's own work (middleware, session, loaders,
queries, the layout) costs over Remix rendering a document on this machine. No route was added
to the app for it; \`/healthz\` stays as a row (Express alone, no Remix, one database query).
The same baseline server is measured in every table, in the same rounds as that deployment's
rows, and is not behind nginx.

Each deployment has its database seeded alike (20 feed posts with 3 photos each, all about one
product, one of them its review; a voting round of 20 ideas; a live room with a pinned product).
Pages are fetched signed out. autocannon, in the benchmark's own process and so sharing the
2 cores with the servers, with ${r.connections} keep-alive connections: a ${r.warmUpSeconds} s warm-up over all targets
per deployment, then ${r.rounds} rounds in which each target in turn gets ${r.roundSeconds} s on each deployment
(${r.rounds * r.roundSeconds} s per target and deployment in all, interleaved so background load falls on every row
alike). Requests carry a browser's \`Accept-Encoding: gzip, deflate, br\` unless the row says
otherwise. Latencies are of 2xx responses; KB/response includes headers. Each table's ratios are
against the bare Remix route measured with it; the last table sets each deployment against the
one on SQLite (the bare route's row there shows the run's noise, the server being the same).

${r.sections.join('\n\n')}

### The deployments over one process on SQLite, same target, same run

${r.versus}`
}
