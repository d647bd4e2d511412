// Load generation with autocannon, measured in interleaved rounds: on a shared machine
// the background load changes minute to minute, and measuring targets one after
// another would charge one target for a noisy minute the baseline never saw.
import autocannon from 'autocannon'

/** A request to measure: `url` is the server (or proxy) it goes to, `path` what it asks for. */
export type Target = { label: string; url: string; path: string; headers?: Record<string, string> }
export type Figures = Target & { rps: number; p50: number; p90: number; p99: number; max: number; bytesPerResponse: number; errors: number }

type Tally = { seconds: number; latencies: number[]; bytes: number; errors: number }

/** One autocannon run; latencies come from its response events, in fractional ms. */
function hit(target: Target, connections: number, seconds: number, tally: Tally): Promise<void> {
	return new Promise((resolve, reject) => {
		const instance = autocannon({ url: target.url + target.path, connections, duration: seconds, headers: target.headers }, (error, result) => {
			if (error) return reject(error)
			tally.seconds += result.duration
			// autocannon counts timeouts among its errors already.
			tally.errors += result.errors + result.non2xx
			resolve()
		})
		instance.on('response', (_client, status, bytes, ms) => {
			if (status < 200 || status > 299) return
			tally.latencies.push(ms)
			tally.bytes += bytes
		})
	})
}

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return 0
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Every target for `rounds` × `roundSeconds`, the targets taking turns within each round. */
export async function measureInRounds(targets: Target[], options: { connections: number; rounds: number; roundSeconds: number; onRound?: (round: number) => void }): Promise<Figures[]> {
	const tallies: Tally[] = targets.map(() => ({ seconds: 0, latencies: [], bytes: 0, errors: 0 }))
	for (let round = 1; round <= options.rounds; round++) {
		options.onRound?.(round)
		for (const [i, target] of targets.entries()) await hit(target, options.connections, options.roundSeconds, tallies[i]!)
	}
	return targets.map((target, i) => {
		const { seconds, latencies, bytes, errors } = tallies[i]!
		const sorted = latencies.sort((a, b) => a - b)
		return {
			...target,
			rps: seconds ? sorted.length / seconds : 0,
			p50: percentile(sorted, 50),
			p90: percentile(sorted, 90),
			p99: percentile(sorted, 99),
			max: sorted.at(-1) ?? 0,
			bytesPerResponse: sorted.length ? bytes / sorted.length : 0,
			errors,
		}
	})
}

/** Runs every target of one server in turn for `seconds` in all (JIT, caches, keep-alive sockets), figures discarded. */
export async function warmUp(url: string, targets: Target[], connections: number, seconds: number): Promise<void> {
	await autocannon({
		url,
		connections,
		duration: seconds,
		requests: targets.map((t) => ({ method: 'GET', path: t.path, headers: t.headers })),
	})
}
