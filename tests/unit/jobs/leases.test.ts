import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { releaseLease, takeLease } from '#app/lib/job-lease.server.ts'
import { ROOT, TMP } from '#tests/setup/paths.ts'

const T0 = new Date('2026-12-04T08:00:00Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const TTL = 60_000

const leaseOf = (name: string) => prisma.jobLease.findUnique({ where: { name }, select: { holder: true, expiresAt: true } })

describe('takeLease', () => {
	test('of 20 holders asking at once exactly one gets it', async () => {
		const holders = Array.from({ length: 20 }, (_, i) => `holder-${i}`)
		const got = await Promise.all(holders.map((holder) => takeLease('race', holder, TTL, T0)))
		const winners = holders.filter((_, i) => got[i])
		expect(winners).toHaveLength(1)
		expect(await leaseOf('race')).toEqual({ holder: winners[0], expiresAt: at(TTL) })

		// Once the row exists the guarded update decides alone: again exactly one, after expiry.
		const again = await Promise.all(holders.map((holder) => takeLease('race', holder, TTL, at(TTL + 1))))
		expect(again.filter(Boolean)).toHaveLength(1)
	})

	test('the holder renews it; another takes it only after it expired', async () => {
		expect(await takeLease('renew', 'a', TTL, T0)).toBe(true)
		expect(await takeLease('renew', 'a', TTL, at(30_000))).toBe(true)
		expect(await leaseOf('renew')).toEqual({ holder: 'a', expiresAt: at(90_000) })
		// Past the first expiry, but the renewal holds.
		expect(await takeLease('renew', 'b', TTL, at(TTL + 1))).toBe(false)
		expect(await takeLease('renew', 'b', TTL, at(90_000))).toBe(false)
		expect(await takeLease('renew', 'b', TTL, at(90_001))).toBe(true)
		expect(await leaseOf('renew')).toEqual({ holder: 'b', expiresAt: at(150_001) })
		// The old holder cannot renew what it lost.
		expect(await takeLease('renew', 'a', TTL, at(90_002))).toBe(false)
	})

	test('a release lets another take it at once; only the holder can release', async () => {
		expect(await takeLease('release', 'a', TTL, T0)).toBe(true)
		await releaseLease('release', 'b')
		expect(await takeLease('release', 'b', TTL, at(1))).toBe(false)
		await releaseLease('release', 'a')
		expect(await takeLease('release', 'b', TTL, at(2))).toBe(true)
		expect(await leaseOf('release')).toEqual({ holder: 'b', expiresAt: at(TTL + 2) })
	})
})

type Run = { name: string; pid: number; start: number; end: number }

/** Runs tests/unit/jobs/periodic-child.ts as its own process against this file's database. */
function appProcess(runsFile: string, lifeMs: number, intervalMs: number, jobs: string[]): Promise<void> {
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'periodic-child.ts'), runsFile, String(lifeMs), String(intervalMs), ...jobs], {
		cwd: ROOT,
		env: process.env,
		stdio: ['ignore', 'ignore', 'pipe'],
	})
	let errors = ''
	child.stderr.on('data', (d: Buffer) => (errors += d.toString()))
	return new Promise((resolve, reject) => {
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`app process exited ${code}:\n${errors}`))))
	})
}

describe('startPeriodic across processes', () => {
	test('two processes on one database run each job once per interval, never at the same time; the second takes over when the first stops', async () => {
		// Generous timings: vitest runs other files on the same two cores meanwhile.
		const INTERVAL = 1000
		const runsFile = path.join(TMP, `runs-${randomUUID()}.jsonl`)
		// `short` runs for under a third of its interval; `long` runs past two, so its lease must be kept alive while it runs.
		const jobs = ['short:300', 'long:2400']
		const first = appProcess(runsFile, 7_000, INTERVAL, jobs)
		// The second starts once the first holds the jobs, and outlives it.
		while (!existsSync(runsFile)) await sleep(50)
		await Promise.all([first, appProcess(runsFile, 10_000, INTERVAL, jobs)])
		const runs = readFileSync(runsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Run)

		for (const name of ['short', 'long']) {
			const ofJob = runs.filter((r) => r.name === name).sort((a, b) => a.start - b.start)
			for (let i = 1; i < ofJob.length; i++) {
				expect(ofJob[i]!.start, `${name} run ${i} starts before run ${i - 1} ends`).toBeGreaterThanOrEqual(ofJob[i - 1]!.end)
			}
			// About one run per interval in all; two processes each running the job would make about twice as many.
			// (A run starts a moment after its lease is taken, the first of a process later, so the span is not exact.)
			const intervals = (ofJob.at(-1)!.start - ofJob[0]!.start) / INTERVAL
			expect(ofJob.length, `${name} runs over ${intervals.toFixed(1)} intervals`).toBeLessThanOrEqual(Math.floor(intervals) + 2)
			// The first process ran the job until it stopped, then the second took it over once the lease (two intervals) expired.
			const [firstPid, secondPid] = [ofJob[0]!.pid, ofJob.at(-1)!.pid]
			expect(secondPid, name).not.toBe(firstPid)
			const handover = ofJob.findIndex((r) => r.pid === secondPid)
			expect(ofJob.slice(handover).every((r) => r.pid === secondPid), `${name} went back to the first process`).toBe(true)
			expect(ofJob[handover]!.start - ofJob[handover - 1]!.end, `${name} handover`).toBeLessThan(3 * INTERVAL + 1000)
			expect(handover, `${name} runs before the handover`).toBeGreaterThanOrEqual(name === 'short' ? 3 : 2)
		}
	}, 45_000)
})
