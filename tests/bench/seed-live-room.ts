// Fills a bench:live deployment's database with what the room bench needs: a live room with a
// pinned product, and LIVE_BENCH_MEMBERS members with sessions, written straight into the
// database. Run by tests/bench/live.ts once the deployment is up, with its DATABASE_URL; writes
// the room, the product and the members' session cookies as JSON to LIVE_BENCH_SEED_OUT.
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { SESSION_COOKIE, SESSION_IDLE_DAYS } from '#app/domain/accounts/auth.server.ts'
import { sessionKey } from '#app/domain/accounts/session-store.server.ts'
import { connectDatabase, prisma } from '#app/lib/db.server.ts'

export type LiveSeed = { roomId: string; productId: string; cookies: string[] }

const members = Number(process.env.LIVE_BENCH_MEMBERS)
const out = process.env.LIVE_BENCH_SEED_OUT
if (!Number.isInteger(members) || members < 1 || !out) throw new Error('seed-live-room: set LIVE_BENCH_MEMBERS (a whole number) and LIVE_BENCH_SEED_OUT (a file)')

await connectDatabase()
try {
	const host = await prisma.user.create({ data: { email: 'host@bench.quanzi.test', displayName: 'Host', passwordHash: 'unused', role: 'merchant' }, select: { id: true } })
	const product = await prisma.product.create({ data: { name: 'Glazed tea cup', sku: 'BENCH-LIVE-1', priceCents: 12900 }, select: { id: true } })
	const room = await prisma.liveRoom.create({
		data: {
			title: 'Bench evening',
			hostId: host.id,
			streamUrl: '/demo/live/index.m3u8',
			startsAt: new Date(),
			status: 'live',
			startedAt: new Date(),
			products: { create: { productId: product.id, position: 0 } },
			pins: { create: { productId: product.id } },
		},
		select: { id: true },
	})
	// Accounts older than the new-account window, like a room's regulars. No password hashing
	// (argon2 for thousands of rows would take minutes): the sessions are the rows lucia writes.
	const createdAt = new Date(Date.now() - 60 * 86_400_000)
	const ids = Array.from({ length: members }, (_, i) => `bench-viewer-${i}`)
	await prisma.user.createMany({ data: ids.map((id, i) => ({ id, email: `${id}@bench.quanzi.test`, displayName: `Viewer ${i}`, passwordHash: 'unused', createdAt })) })
	const tokens = ids.map(() => randomBytes(20).toString('hex'))
	const expiresAt = new Date(Date.now() + SESSION_IDLE_DAYS * 86_400_000)
	await prisma.session.createMany({ data: ids.map((userId, i) => ({ id: sessionKey(tokens[i]!), userId, expiresAt })) })
	const seed: LiveSeed = { roomId: room.id, productId: product.id, cookies: tokens.map((token) => `${SESSION_COOKIE}=${token}`) }
	writeFileSync(out, JSON.stringify(seed))
} finally {
	await prisma.$disconnect()
}
