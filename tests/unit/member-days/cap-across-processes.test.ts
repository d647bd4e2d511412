import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { getBalance } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { ROOT } from '#tests/setup/paths.ts'
import { day, memberWith, pool } from './helpers.ts'

// The daily spending cap spans a day's pools and holds when two app processes sell at once:
// each process queues its own openings, so only the guard in SQL stands between them.

function appProcess(memberId: string, count: number, poolIds: string[]): Promise<string[]> {
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'open-child.ts'), memberId, String(count), ...poolIds], {
		cwd: ROOT,
		env: process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	let out = ''
	let errors = ''
	child.stdout.on('data', (d: Buffer) => (out += d.toString()))
	child.stderr.on('data', (d: Buffer) => (errors += d.toString()))
	return new Promise((resolve, reject) => {
		child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`app process exited ${code}:\n${errors}`))))
	})
}

describe('the daily cap across processes', () => {
	test('two processes opening boxes for one member in two pools of a capped day stop exactly at the cap', async () => {
		const memberDayId = await day({ dailyCapPoints: 50 })
		const pools = [await pool(memberDayId), await pool(memberDayId, { name: 'Second box' })]
		const m = await memberWith(1000)
		const answers = (await Promise.all([appProcess(m, 12, pools), appProcess(m, 12, pools)])).flat()
		// 10 points a box, 50 a day: five boxes, whichever process and pool sold them.
		expect(answers.filter((a) => a === 'ok')).toHaveLength(5)
		expect(new Set(answers.filter((a) => a !== 'ok'))).toEqual(new Set(['days.error.dailyCap']))
		expect(await prisma.blindBoxOpening.count({ where: { userId: m } })).toBe(5)
		expect(await getBalance(m)).toBe(950)
		expect(await prisma.blindBoxSpend.findMany({ where: { memberId: m }, select: { remaining: true } })).toEqual([{ remaining: 0 }])
	}, 60_000)
})
