// One app process of the cross-process test in leases.test.ts: starts the jobs named in
// argv on startPeriodic, records every run as a JSON line in the file argv[2], and exits
// after argv[3] ms, once no run is under way.
import { appendFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { connectDatabase, prisma } from '#app/lib/db.server.ts'
import { startPeriodic } from '#app/lib/periodic.server.ts'

const [runsFile, lifeMs, intervalMs, ...jobs] = process.argv.slice(2)
let busy = 0

await connectDatabase()
for (const job of jobs) {
	// "short:100": the job `short`, whose runs take 100 ms.
	const [name, runMs] = job.split(':')
	startPeriodic(name!, { intervalMs: Number(intervalMs), firstDelayMs: 0 }, async () => {
		busy++
		const start = Date.now()
		await sleep(Number(runMs))
		appendFileSync(runsFile!, `${JSON.stringify({ name, pid: process.pid, start, end: Date.now() })}\n`)
		busy--
	})
}
await sleep(Number(lifeMs))
while (busy > 0) await sleep(20)
await prisma.$disconnect()
process.exit(0)
