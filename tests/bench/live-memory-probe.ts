// Preloaded by bench:live into both servers it measures (with --expose-gc): on SIGUSR2,
// a full garbage collection, then process.memoryUsage() written to
// $LIVE_BENCH_PROBE_DIR/memory-<pid>.json. Without the collection, RSS and heap carry
// whatever garbage the last join or phase left, and memory per viewer came out negative.
import { renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const dir = process.env.LIVE_BENCH_PROBE_DIR
const gc = (globalThis as { gc?: () => void }).gc
if (!dir || !gc) throw new Error('live-memory-probe: run with --expose-gc and LIVE_BENCH_PROBE_DIR set')

process.on('SIGUSR2', () => {
	gc()
	const file = path.join(dir, `memory-${process.pid}.json`)
	// Written aside and renamed, so the benchmark never reads half a file.
	writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()))
	renameSync(`${file}.tmp`, file)
})
