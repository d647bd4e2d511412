// Photo processing: 12-megapixel phone photos per second through processImage (header
// check, one decode, 320 and 1080 px WebP, placeholder, stored atomically) next to plain
// sharp making the same two WebP sizes from the same files, in interleaved rounds, one
// photo at a time and one per core.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { TMP } from '../setup/paths.ts'
import { noisyJpeg } from '../unit/media/fixtures.ts'
import { machine, writeSection } from './perf-doc.ts'

const PHOTOS = 12
const ROUNDS = 5
const [WIDTH, HEIGHT] = [4000, 3000]

const dir = path.join(TMP, 'bench', `media-${Date.now()}`)
mkdirSync(dir, { recursive: true })
process.env.DATA_DIR = dir

const { processImage } = await import('#app/domain/media/images.server.ts')
const { localDiskStore } = await import('#app/domain/media/storage.server.ts')

console.log(`Making ${PHOTOS} distinct ${WIDTH}×${HEIGHT} JPEGs…`)
const files: string[] = []
for (let i = 0; i < PHOTOS; i++) {
	const file = path.join(dir, `photo-${i}.jpg`)
	writeFileSync(file, await noisyJpeg(WIDTH, HEIGHT))
	files.push(file)
}
const store = localDiskStore(path.join(dir, 'store'))
const plainDir = path.join(dir, 'plain')
mkdirSync(plainDir, { recursive: true })

const pipelines = {
	processImage: async (file: string, i: number) => {
		await processImage({ path: file, name: path.basename(file), format: 'jpeg' }, `bench${i}`, store)
	},
	'plain sharp': async (file: string, i: number) => {
		await Promise.all([320, 1080].map((width) => sharp(file).resize({ width }).webp().toFile(path.join(plainDir, `${i}-w${width}.webp`))))
	},
}
type Name = keyof typeof pipelines
const names = Object.keys(pipelines) as Name[]
// One photo at a time (one member's upload on an idle server), then one per core (a busy server).
const CONCURRENCY = [1, availableParallelism()]

async function round(name: Name, concurrency: number): Promise<number> {
	const started = performance.now()
	let next = 0
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			for (let i = next++; i < PHOTOS; i = next++) await pipelines[name](files[i]!, i)
		}),
	)
	return PHOTOS / ((performance.now() - started) / 1000)
}

const rows = CONCURRENCY.flatMap((concurrency) => names.map((name) => ({ name, concurrency, rates: [] as number[] })))
for (const row of rows) await round(row.name, row.concurrency) // warm-up: libvips caches, thread pool, page cache
for (let r = 0; r < ROUNDS; r++) {
	// Alternate the order, so background load and thermal drift hit every row alike.
	for (const row of r % 2 ? [...rows].reverse() : rows) row.rates.push(await round(row.name, row.concurrency))
}
rmSync(dir, { recursive: true, force: true })

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const baseline = (concurrency: number) => median(rows.find((r) => r.name === 'plain sharp' && r.concurrency === concurrency)!.rates)
const table = [
	'| pipeline | photos at once | photos/s (median) | ms per photo | every round, photos/s | vs plain sharp |',
	'| --- | ---: | ---: | ---: | --- | ---: |',
	...rows.map(({ name, concurrency, rates }) => {
		const m = median(rates)
		const perPhoto = (1000 * concurrency) / m
		return `| ${name} | ${concurrency} | ${m.toFixed(2)} | ${perPhoto.toFixed(0)} | ${rates.map((x) => x.toFixed(2)).join(', ')} | ${(m / baseline(concurrency)).toFixed(2)}× |`
	}),
].join('\n')
console.log(`\n${table}\n`)
writeSection(
	'media',
	`## Photo processing (npm run bench:media)

${new Date().toISOString().slice(0, 10)} on ${machine()}.
${PHOTOS} distinct ${WIDTH}×${HEIGHT} JPEGs (smooth colour fields plus sensor-like noise, about 3 MB each),
${ROUNDS} interleaved rounds after a warm-up. processImage checks the header, applies EXIF orientation,
strips metadata, decodes once to 1080 px and makes both WebP renditions and the 16 px placeholder from
those pixels, writing through the media store. Plain sharp decodes each file twice (320 and 1080 px WebP,
side by side) and writes the two files; both use sharp's default WebP settings. sharp gives each image one
libvips thread on glibc Linux, so with one photo at a time plain sharp's second decode runs on the idle
core; with one photo per core every core is busy and the single decode pays off.

${table}`,
)
console.log('Written to docs/perf.md')
