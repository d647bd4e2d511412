// Points, draws and blind boxes on SQLite, in process: awards/s, draws/s and boxes opened/s with
// latency percentiles,
// next to a plain one-row insert (a notification) measured in the same run as the baseline.
import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import setup from '../setup/global-setup.ts'
import { TEMPLATE_DB, TMP } from '../setup/paths.ts'
import { gitRevision, machine, writeSection } from './perf-doc.ts'

const OPERATIONS = 2000
const CONCURRENCY = 50

setup()
const dir = path.join(TMP, 'bench')
mkdirSync(dir, { recursive: true })
const dbFile = path.join(dir, `points-${Date.now()}.db`)
copyFileSync(TEMPLATE_DB, dbFile)
process.env.DATABASE_URL = `file:${dbFile}`
process.env.DATA_DIR = dir

const { connectDatabase, prisma } = await import('#app/lib/db.server.ts')
const { createUser } = await import('#app/domain/accounts/accounts.server.ts')
const { award } = await import('#app/domain/points/ledger.server.ts')
const { createCampaign } = await import('#app/domain/lottery/campaigns.server.ts')
const { draw } = await import('#app/domain/lottery/draws.server.ts')
const { createMemberDay } = await import('#app/domain/member-days/days.server.ts')
const { packPool } = await import('#app/domain/member-days/pools.server.ts')
const { openBlindBox } = await import('#app/domain/member-days/open-box.server.ts')
await connectDatabase()

/** Runs `count` operations, `concurrency` at a time; returns ops/s and latency percentiles. */
async function measure(count: number, concurrency: number, operation: (i: number) => Promise<unknown>) {
	const latencies: number[] = []
	let next = 0
	const started = performance.now()
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) {
				const i = next++
				const t = performance.now()
				await operation(i)
				latencies.push(performance.now() - t)
			}
		}),
	)
	const seconds = (performance.now() - started) / 1000
	latencies.sort((a, b) => a - b)
	const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
	return { perSecond: count / seconds, p50: at(0.5), p99: at(0.99), max: latencies.at(-1)! }
}

const members = await Promise.all(Array.from({ length: 100 }, async (_, i) => (await createUser({ email: `bench-${i}@quanzi.test`, displayName: 'B', password: 'bench password' }))!.id))
for (const m of members) await award({ memberId: m, trigger: 'prize.points', key: `seed:${m}`, points: 1_000_000 })
const created = await createCampaign({
	title: 'Bench draw', costPoints: 10, perMemberLimit: 1000, startsAt: new Date(Date.now() - 1000), endsAt: new Date(Date.now() + 3600_000),
	prizes: [{ name: 'Points', kind: 'points', points: 5, total: OPERATIONS / 2 }, { name: 'Sample', kind: 'physical', total: OPERATIONS / 2 }],
})
if (!created.ok) throw new Error('campaign')

/** A pool on an open member day for everyone: a few top items, some gift sets, the rest samples. */
async function blindBoxPool(boxes: number): Promise<string> {
	const day = await createMemberDay({ title: 'Bench day', startsAt: new Date(Date.now() - 1000), endsAt: new Date(Date.now() + 3600_000) })
	if (!day.ok) throw new Error('member day')
	const items = [{ name: 'Tablet', total: 3 }, { name: 'Gift set', total: boxes / 10 }, { name: 'Tea sample', total: boxes - 3 - boxes / 10 }]
	const pool = await packPool({ memberDayId: day.id, name: 'Bench box', boxes, pricePoints: 10, perMemberLimit: 1000, items })
	if (!pool.ok) throw new Error('pool')
	return pool.id
}
const roomyPool = await blindBoxPool(OPERATIONS)
const contestedPool = await blindBoxPool(OPERATIONS / 2)
let contestedSold = 0

const rows = [
	['baseline: plain insert (a notification)', await measure(OPERATIONS, CONCURRENCY, (i) => prisma.notification.create({ data: { userId: members[i % 100]!, kind: 'welcome' }, select: { id: true } }))],
	['award (idempotency key + balance, one batch)', await measure(OPERATIONS, CONCURRENCY, (i) => award({ memberId: members[i % 100]!, trigger: 'post.featured', key: `bench:${randomUUID()}` }))],
	['duplicate award (same key again)', await measure(OPERATIONS, CONCURRENCY, () => award({ memberId: members[0]!, trigger: 'post.featured', key: `bench:dup` }))],
	['draw (cost, pool, record, prize; one at a time per campaign)', await measure(OPERATIONS, CONCURRENCY, (i) => draw(created.id, members[i % 100]!))],
	['blind box (price, pool, record, notification; one at a time per member day)', await measure(OPERATIONS, CONCURRENCY, (i) => openBlindBox(roomyPool, members[i % 100]!))],
	[
		`blind box, ${OPERATIONS} buyers for ${OPERATIONS / 2} boxes (half told "sold out")`,
		await measure(OPERATIONS, CONCURRENCY, async (i) => void ((await openBlindBox(contestedPool, members[i % 100]!)).ok && contestedSold++)),
	],
] as const
// A benchmark that oversold would be measuring the wrong thing.
const sold = await prisma.blindBoxOpening.count({ where: { poolId: { in: [roomyPool, contestedPool] } } })
if (contestedSold !== OPERATIONS / 2 || sold !== OPERATIONS * 1.5) throw new Error(`blind boxes: ${contestedSold} of ${OPERATIONS / 2} sold in the contested pool, ${sold} openings in all`)
await prisma.$disconnect()

const base = rows[0][1]
const table = [
	'| operation | ops/s | vs baseline | p50 ms | p99 ms | max ms |',
	'| --- | ---: | ---: | ---: | ---: | ---: |',
	...rows.map(([name, r]) => `| ${name} | ${r.perSecond.toFixed(0)} | ${(r.perSecond / base.perSecond).toFixed(2)}× | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`),
].join('\n')
console.log(`\n${table}\n`)
writeSection(
	'points',
	`## Points, draws and blind boxes (npm run bench:points)

${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${gitRevision()}, on ${machine()}.
In process on a SQLite file (WAL), ${OPERATIONS} operations per row, ${CONCURRENCY} in flight, 100 members.
Latency is per operation as the caller sees it, queueing included.

${table}`,
)
console.log('Written to docs/perf.md')
