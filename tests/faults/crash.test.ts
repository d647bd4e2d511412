import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSession } from '#app/domain/accounts/auth.server.ts'
import { createCampaign } from '#app/domain/lottery/campaigns.server.ts'
import { createMemberDay } from '#app/domain/member-days/days.server.ts'
import { packPool } from '#app/domain/member-days/pools.server.ts'
import { award } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// The server is killed (SIGKILL: no shutdown, no flush) in the middle of bursts that move value:
// prize draws and blind boxes over HTTP, flash-sale claims and first comments (a points award)
// over sockets. After a restart on the same database, port and data folder, the books agree:
// every balance is the sum of its ledger, each key paid once, prizes, boxes and units are either
// still in stock or held by exactly one record. Then every request that got no answer is sent
// again (a claim with its key): nothing pays twice. Twice, killed at different moments.

const MEMBERS = 10
const DRAW_COST = 10
const BOX_PRICE = 15
const PRIZE_POINTS = 5
const POOL = { boxes: 60, rare: 3 }
const SALE_STOCK = 60
// Killed once this many of a burst's 120 requests have been answered, so each kill lands mid-burst
// whatever the machine's speed: early (mostly socket claims done), then deep (pages too).
const KILL_AFTER_ANSWERS = [10, 45]

type Member = { id: string; cookie: string }
type Reply = { data?: unknown; error?: string }
type Attempt = { kind: 'draw' | 'box' | 'claim' | 'chat'; member: Member; key?: string; answered: boolean }

let server: RunningServer
const env = { DATABASE_URL: process.env.DATABASE_URL! }
const members: Member[] = []
let roomId: string
let saleId: string
let campaignId: string
let dayId: string
let poolId: string
let prizeTotals: Map<string, number>
const sockets: Socket[] = []

beforeAll(async () => {
	server = await startServer(env)
	const old = new Date(Date.now() - 60 * 86_400_000)
	for (let i = 0; i < MEMBERS; i++) {
		const user = await prisma.user.create({ data: { email: `crash-${i}@quanzi.test`, displayName: `Member ${i}`, passwordHash: 'not used here', createdAt: old }, select: { id: true } })
		const { setCookie } = await startSession(user.id)
		members.push({ id: user.id, cookie: setCookie.split(';')[0]! })
		expect(await award({ memberId: user.id, trigger: 'prize.points', points: 1_000, key: `crash-seed:${user.id}` })).toMatchObject({ ok: true })
	}
	const host = await prisma.user.create({ data: { email: 'crash-host@quanzi.test', displayName: 'Host', passwordHash: 'not used here', role: 'merchant' }, select: { id: true } })
	const product = await prisma.product.create({ data: { name: 'Glazed tea cup', sku: 'CRASH-1', priceCents: 12900 }, select: { id: true } })
	roomId = (await prisma.liveRoom.create({ data: { title: 'Crash evening', hostId: host.id, streamUrl: '/demo/live/index.m3u8', startsAt: new Date(), status: 'live', startedAt: new Date() }, select: { id: true } })).id
	saleId = (
		await prisma.flashSale.create({
			data: { roomId, productId: product.id, priceCents: 990, stock: SALE_STOCK, remaining: SALE_STOCK, perMember: 8, opensAt: new Date(Date.now() - 1_000), closesAt: new Date(Date.now() + 20 * 60_000), createdById: host.id },
			select: { id: true },
		})
	).id
	const campaign = await createCampaign({
		title: 'Crash draw',
		costPoints: DRAW_COST,
		perMemberLimit: 8,
		startsAt: new Date(Date.now() - 60_000),
		endsAt: new Date(Date.now() + 86_400_000),
		prizes: [
			{ name: 'Teapot', kind: 'physical', total: 10 },
			{ name: 'Five points', kind: 'points', points: PRIZE_POINTS, total: 30 },
			{ name: 'Thanks', kind: 'nothing', total: 40 },
		],
	})
	if (!campaign.ok) throw new Error(JSON.stringify(campaign.errors))
	campaignId = campaign.id
	prizeTotals = new Map((await prisma.prize.findMany({ where: { campaignId }, select: { id: true, total: true } })).map((p) => [p.id, p.total]))
	const day = await createMemberDay({ title: 'Crash day', startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 86_400_000) })
	if (!day.ok) throw new Error(JSON.stringify(day.errors))
	dayId = day.id
	const pool = await packPool({
		memberDayId: dayId,
		name: 'Lucky box',
		boxes: POOL.boxes,
		pricePoints: BOX_PRICE,
		perMemberLimit: 6,
		items: [
			{ name: 'Tablet', total: POOL.rare },
			{ name: 'Sticker', total: POOL.boxes - POOL.rare },
		],
	})
	if (!pool.ok) throw new Error(JSON.stringify(pool.errors))
	poolId = pool.id
}, 120_000)
afterAll(async () => {
	for (const s of sockets) s.disconnect()
	await server?.stop()
})

function post(pathname: string, member: Member, fields: Record<string, string>): Promise<Response> {
	return fetch(server.url + pathname, {
		method: 'POST',
		redirect: 'manual',
		headers: { Cookie: member.cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
		body: new URLSearchParams(fields),
	})
}

/** A member's socket in the room (the server answers claims and chat only from sockets that joined). */
async function joinedSocket(member: Member): Promise<Socket> {
	const socket = connect(server.url, { transports: ['websocket'], extraHeaders: { Origin: server.url, Cookie: member.cookie }, reconnection: false, forceNew: true })
	sockets.push(socket)
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve)
		socket.once('connect_error', reject)
	})
	const reply = (await socket.timeout(10_000).emitWithAck('live:join', { roomId })) as Reply
	if (reply.error) throw new Error(`join refused: ${reply.error}`)
	return socket
}

/** Sends one request and records whether its answer (any answer) came back before the kill. */
function fire(attempt: Attempt, send: () => Promise<unknown>): Promise<void> {
	return send().then(
		() => void (attempt.answered = true),
		() => undefined,
	)
}

function sendAttempt(attempt: Attempt, socket: Socket | undefined): Promise<unknown> {
	switch (attempt.kind) {
		case 'draw':
			return post(`/draws/${campaignId}`, attempt.member, {}).then((r) => r.text())
		case 'box':
			return post(`/days/${dayId}`, attempt.member, { poolId }).then((r) => r.text())
		case 'claim':
			return socket!.timeout(15_000).emitWithAck('sale:claim', { roomId, saleId, quantity: 1, key: attempt.key })
		case 'chat':
			return socket!.timeout(15_000).emitWithAck('chat:send', { roomId, body: `hello ${attempt.key}` })
	}
}

/** One burst: every member draws, opens boxes, claims and chats at once; the server dies once `killAfter` answers are in. */
async function burstAndKill(round: number, killAfter: number): Promise<Attempt[]> {
	const byMember = new Map(await Promise.all(members.map(async (m) => [m.id, await joinedSocket(m)] as const)))
	const attempts: Attempt[] = members.flatMap((member) => [
		...Array.from({ length: 4 }, (): Attempt => ({ kind: 'draw', member, answered: false })),
		...Array.from({ length: 3 }, (): Attempt => ({ kind: 'box', member, answered: false })),
		...Array.from({ length: 4 }, (_, k): Attempt => ({ kind: 'claim', member, key: `round-${round}-claim-${k}`, answered: false })),
		{ kind: 'chat', member, key: `round-${round}`, answered: false },
	])
	const sent = attempts.map((a) => fire(a, () => sendAttempt(a, byMember.get(a.member.id))))
	const deadline = Date.now() + 30_000
	while (attempts.filter((a) => a.answered).length < killAfter && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2))
	await server.stop('SIGKILL')
	await Promise.all(sent)
	for (const s of byMember.values()) s.disconnect()
	server = await startServer(env, { databaseUrl: server.databaseUrl, dataDir: server.dataDir, port: server.port })
	return attempts
}

/** What the database says, checked whole: ledgers, keys, prizes, boxes, units. */
async function expectConsistent() {
	const ids = members.map((m) => m.id)
	const [balances, sums, entries, keys] = await Promise.all([
		prisma.pointsBalance.findMany({ where: { userId: { in: ids } }, select: { userId: true, balance: true } }),
		prisma.pointsEntry.groupBy({ by: ['userId'], where: { userId: { in: ids } }, _sum: { amount: true } }),
		prisma.pointsEntry.count({ where: { userId: { in: ids } } }),
		prisma.pointsEntry.groupBy({ by: ['key'], where: { userId: { in: ids } }, _count: { _all: true } }),
	])
	const sumOf = new Map(sums.map((s) => [s.userId, s._sum.amount ?? 0]))
	for (const b of balances) expect(b.balance, `balance of ${b.userId}`).toBe(sumOf.get(b.userId))
	expect(balances.every((b) => b.balance >= 0)).toBe(true)
	expect(keys.length, 'no ledger key twice').toBe(entries)

	// Draws: each prize is in stock or won by one draw; each draw paid its cost once, each points prize was paid once.
	const [prizes, draws, drawSpends, prizePayments] = await Promise.all([
		prisma.prize.findMany({ where: { campaignId }, select: { id: true, kind: true, remaining: true } }),
		prisma.draw.findMany({ where: { campaignId }, select: { id: true, userId: true, prizeId: true } }),
		prisma.pointsEntry.findMany({ where: { reason: 'spend:draw', sourceRef: campaignId }, select: { amount: true } }),
		prisma.pointsEntry.findMany({ where: { reason: 'prize.points', sourceRef: campaignId }, select: { amount: true } }),
	])
	for (const p of prizes) {
		const won = draws.filter((d) => d.prizeId === p.id).length
		expect(p.remaining, `prize ${p.kind}`).toBeGreaterThanOrEqual(0)
		expect(p.remaining + won, `prize ${p.kind}: stock + awarded = initial`).toBe(prizeTotals.get(p.id))
	}
	expect(drawSpends.length).toBe(draws.length)
	expect(drawSpends.every((e) => e.amount === -DRAW_COST)).toBe(true)
	const pointsPrize = prizes.find((p) => p.kind === 'points')!.id
	expect(prizePayments.length).toBe(draws.filter((d) => d.prizeId === pointsPrize).length)
	for (const m of members) expect(draws.filter((d) => d.userId === m.id).length).toBeLessThanOrEqual(8)

	// Blind boxes: every box is still packed or opened once, and each opening was paid once.
	const [pool, items, openings, boxSpends] = await Promise.all([
		prisma.blindBoxPool.findUniqueOrThrow({ where: { id: poolId }, select: { remaining: true, total: true } }),
		prisma.blindBoxItem.findMany({ where: { poolId }, select: { id: true, total: true, remaining: true } }),
		prisma.blindBoxOpening.findMany({ where: { poolId }, select: { itemId: true, userId: true } }),
		prisma.pointsEntry.count({ where: { reason: 'spend:blindbox', sourceRef: poolId } }),
	])
	expect(pool.remaining + openings.length).toBe(pool.total)
	for (const item of items) expect(item.remaining + openings.filter((o) => o.itemId === item.id).length).toBe(item.total)
	expect(boxSpends).toBe(openings.length)

	// Flash sale: units in stock plus units claimed is the stock; tallies agree with the claims.
	const [sale, claims, tallies] = await Promise.all([
		prisma.flashSale.findUniqueOrThrow({ where: { id: saleId }, select: { remaining: true, stock: true } }),
		prisma.flashClaim.findMany({ where: { saleId }, select: { memberId: true, key: true, quantity: true } }),
		prisma.flashTally.findMany({ where: { saleId }, select: { memberId: true, claimed: true } }),
	])
	const claimed = claims.reduce((sum, c) => sum + c.quantity, 0)
	expect(sale.remaining).toBeGreaterThanOrEqual(0)
	expect(sale.remaining + claimed).toBe(sale.stock)
	expect(tallies.reduce((sum, t) => sum + t.claimed, 0)).toBe(claimed)
	expect(new Set(claims.map((c) => c.key)).size).toBe(claims.length)
	return { claims, draws: draws.length, openings: openings.length }
}

describe('crash safety', () => {
	test('SIGKILL mid-burst, twice: the books agree after each restart, and retries pay once', { timeout: 170_000 }, async () => {
		for (const [round, killAfter] of KILL_AFTER_ANSWERS.entries()) {
			const attempts = await burstAndKill(round, killAfter)
			const before = await expectConsistent()

			// Every request that got no answer is sent again, a claim with its own key.
			const unanswered = attempts.filter((a) => !a.answered)
			// The kill landed mid-burst: some answers were in, some requests were cut off.
			expect(attempts.filter((a) => a.answered).length).toBeGreaterThanOrEqual(killAfter)
			expect(unanswered.length).toBeGreaterThan(0)
			const retrySockets = new Map<string, Socket>()
			for (const a of unanswered) if ((a.kind === 'claim' || a.kind === 'chat') && !retrySockets.has(a.member.id)) retrySockets.set(a.member.id, await joinedSocket(a.member))
			const replies = await Promise.all(unanswered.map((a) => sendAttempt(a, retrySockets.get(a.member.id))))
			for (const s of retrySockets.values()) s.disconnect()
			const after = await expectConsistent()

			// A claim saved before the kill is answered as the same claim, not paid again.
			for (const [i, a] of unanswered.entries()) {
				if (a.kind !== 'claim') continue
				const claimKey = `${a.member.id}:${a.key}`
				const savedBefore = before.claims.some((c) => c.key === claimKey)
				const reply = replies[i] as Reply & { data?: { claimed: number } }
				expect(after.claims.filter((c) => c.key === claimKey).length).toBeLessThanOrEqual(1)
				if (savedBefore) expect(reply.data, `claim ${claimKey} answered as saved`).toBeDefined()
			}
			expect(after.claims.length - before.claims.length).toBeLessThanOrEqual(unanswered.filter((a) => a.kind === 'claim').length)
		}
		// The bursts did move value: boxes opened, prizes drawn, units claimed.
		const final = await expectConsistent()
		expect(final.draws).toBeGreaterThan(0)
		expect(final.openings).toBeGreaterThan(0)
		expect(final.claims.length).toBeGreaterThan(0)
		// Each member's first comment in the room paid once, however often it was retried.
		const comments = await prisma.pointsEntry.groupBy({ by: ['userId'], where: { reason: 'live.firstComment' }, _count: { _all: true } })
		expect(comments.every((c) => c._count._all === 1)).toBe(true)
	})
})
