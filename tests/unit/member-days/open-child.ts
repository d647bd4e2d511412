// One app process of the cross-process test in cap-across-processes.test.ts: opens `count`
// boxes at once for one member, alternating between the pools given, and prints the answers.
import { openBlindBox } from '#app/domain/member-days/open-box.server.ts'
import { connectDatabase, prisma } from '#app/lib/db.server.ts'

const [memberId, count, ...poolIds] = process.argv.slice(2)
await connectDatabase()
const results = await Promise.all(Array.from({ length: Number(count) }, (_, i) => openBlindBox(poolIds[i % poolIds.length]!, memberId!)))
process.stdout.write(JSON.stringify(results.map((r) => (r.ok ? 'ok' : r.error))))
await prisma.$disconnect()
process.exit(0)
