import { createHmac, randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { io as connect, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSession } from '#app/domain/accounts/auth.server.ts'
import { createGroup } from '#app/domain/groups/groups.server.ts'
import { createInvite, joinByInvite } from '#app/domain/groups/members.server.ts'
import { localDiskStore } from '#app/domain/media/storage.server.ts'
import { createCampaign } from '#app/domain/lottery/campaigns.server.ts'
import { createMemberDay } from '#app/domain/member-days/days.server.ts'
import { announceOpenedDays } from '#app/domain/member-days/announce.server.ts'
import { openBlindBox } from '#app/domain/member-days/open-box.server.ts'
import { packPool } from '#app/domain/member-days/pools.server.ts'
import { runMembershipJobs } from '#app/domain/membership/membership-jobs.server.ts'
import { getWebhookSecret } from '#app/domain/membership/orders-secret.server.ts'
import { addComment } from '#app/domain/posts/engagement.server.ts'
import { createPost, loadAuthor } from '#app/domain/posts/posts.server.ts'
import { PostFormSchema } from '#app/domain/posts/schemas.ts'
import { SegmentRulesSchema } from '#app/domain/segments/rules.ts'
import { prisma } from '#app/lib/db.server.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'
import { ROOT, TMP } from '#tests/setup/paths.ts'
import { ACCESS_TABLE, refusalFor, ROLES, rowName, type AccessRow, type HttpRow, type Refusal, type Role, type SocketRow } from './access-table.ts'

// Walks tests/security/access-table.ts against the real server: each row as every role it does not
// allow (expecting its refusal, with the rows it could touch unchanged), as each role it allows (a GET
// answers), and, where it takes ids, as a member with another member's ids of the same role (IDOR).
// The world is written directly before the server starts, so its caches (segments, rooms) hold it.

const ROUTES_DIR = path.join(ROOT, 'app/routes')
const REALTIME_DIR = path.join(ROOT, 'app/realtime')
const REPORT = path.join(ROOT, 'tests/.tmp/security-access.json')
const SIGNED: Exclude<Role, 'anonymous'>[] = ['customer', 'superuser', 'leader', 'merchant']

describe('the access table lists everything', () => {
	const httpRows = ACCESS_TABLE.filter((r): r is HttpRow => r.kind === 'http')
	test('every route file, with its loader as a GET row and its action as POST rows', () => {
		const missing: string[] = []
		for (const file of readdirSync(ROUTES_DIR)) {
			const source = readFileSync(path.join(ROUTES_DIR, file), 'utf8')
			const rows = httpRows.filter((r) => r.source === file)
			if (/export (async )?function loader\b/.test(source) && !rows.some((r) => r.method === 'GET')) missing.push(`${file}: GET`)
			if (/export (async )?function action\b/.test(source) && !rows.some((r) => r.method === 'POST')) missing.push(`${file}: POST`)
		}
		expect(missing).toEqual([])
		const files = new Set(readdirSync(ROUTES_DIR))
		expect(httpRows.filter((r) => r.source !== 'server.ts' && !files.has(r.source)).map(rowName)).toEqual([])
	})

	test("every path server.ts serves itself", () => {
		const served = [...readFileSync(path.join(ROOT, 'server.ts'), 'utf8').matchAll(/app\.(?:get|use|all|post)\(\s*'(\/[^'*]*)'/g)].map((m) => m[1]!)
		expect(served.length).toBeGreaterThan(0)
		const listed = httpRows.filter((r) => r.source === 'server.ts' || r.source === 'api.orders.ts').map((r) => r.path)
		expect(served.filter((p) => !listed.some((l) => l === p || l.startsWith(`${p}/`)))).toEqual([])
	})

	test('every Socket.IO event a client may emit', () => {
		const handlers = readdirSync(REALTIME_DIR).filter((f) => /handlers\.server\.ts$|^socket-server\.server\.ts$/.test(f))
		const events = new Set<string>()
		for (const file of handlers) {
			const source = readFileSync(path.join(REALTIME_DIR, file), 'utf8')
			// socket.on('x', …) and the live handlers' own on('x', …); not io.on, domainEvents.on or httpServer.on.
			for (const m of source.matchAll(/(?:\bsocket\.on|(?<![.\w])on)\(\s*'([a-z]+(?::[a-z]+)?)'/g)) events.add(m[1]!)
			for (const m of source.matchAll(/^\t'([a-z]+:[a-z]+)': z\./gm)) events.add(m[1]!)
		}
		const contract = readFileSync(path.join(REALTIME_DIR, 'events.ts'), 'utf8')
		const declared = /interface ClientToServerEvents \{([\s\S]*?)\n\}/.exec(contract)![1]!
		for (const m of declared.matchAll(/^\t'([a-z:]+)':/gm)) events.add(m[1]!)
		expect(events.size).toBeGreaterThan(10)
		const listed = new Set(ACCESS_TABLE.filter((r): r is SocketRow => r.kind === 'socket').map((r) => r.event))
		expect([...events].filter((e) => !listed.has(e)).sort()).toEqual([])
	})

	test('each row names real tables, and no row is open to nobody without saying how it is used', () => {
		const models = new Set(Object.keys(prisma).filter((k) => !k.startsWith('$') && !k.startsWith('_')))
		expect(ACCESS_TABLE.flatMap((r) => r.touches.filter((t) => !models.has(t)).map((t) => `${rowName(r)}: ${t}`))).toEqual([])
		expect(ACCESS_TABLE.filter((r) => r.allowed.length === 0 && !r.note).map(rowName)).toEqual([])
	})
})

type Scope = Record<string, string>
type Person = { id: string; cookie: string }
let server: RunningServer
const people = {} as Record<Exclude<Role, 'anonymous'>, { actor: Person; victim: Person }>
const own = new Map<string, Scope>()
let shared: Scope

const iso = (ms: number) => new Date(Date.now() + ms)
const HOUR = 3600_000
const photo = Buffer.from('RIFF0000WEBPVP8 fake rendition')

async function person(role: string, region: string | null = null): Promise<Person> {
	const user = await prisma.user.create({
		data: { email: `acc-${randomUUID()}@quanzi.test`, displayName: `Member ${randomUUID().slice(0, 4)}`, passwordHash: 'not used here', role, region, createdAt: iso(-90 * 24 * HOUR) },
		select: { id: true },
	})
	const { setCookie } = await startSession(user.id)
	return { id: user.id, cookie: setCookie.split(';')[0]! }
}

/** What each member owns: a post, a comment, a child, a prize, a box, a notification, an order, a suggestion. */
async function ownThings(who: Person, sequence: number, world: { publicPost: string; campaign: { id: string; prizeId: string }; pool: { id: string; itemId: string } }): Promise<Scope> {
	const author = (await loadAuthor(who.id))!
	const posted = await createPost(author, PostFormSchema.parse({ kind: 'show', body: `My own tea notes ${sequence}` }), [])
	const commented = await addComment(author, world.publicPost, `My own comment ${sequence}`)
	if (!posted.ok || !commented.ok) throw new Error('could not post')
	const child = await prisma.child.create({ data: { userId: who.id, birthYear: 2021, birthMonth: 3, consentAt: new Date() }, select: { id: true } })
	const win = await prisma.draw.create({
		data: { campaignId: world.campaign.id, userId: who.id, number: 1, sequence, poolBefore: 'fixture', prizeId: world.campaign.prizeId },
		select: { id: true },
	})
	const opening = await prisma.blindBoxOpening.create({
		data: { poolId: world.pool.id, userId: who.id, number: sequence, sequence, poolBefore: 'fixture', itemId: world.pool.itemId, pricePoints: 0, priceCents: 0, shareCode: randomUUID().replaceAll('-', '').slice(0, 8) },
		select: { id: true },
	})
	const notification = await prisma.notification.create({ data: { userId: who.id, kind: 'prizeWon', params: JSON.stringify({ prize: 'Cup', campaign: 'Spring' }), link: '/me/prizes' }, select: { id: true } })
	const claimCode = randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()
	await prisma.shopOrder.create({ data: { externalId: `ext-${randomUUID()}`, memberId: who.id, claimCode, totalCents: 5000, placedAt: iso(-HOUR), linkedAt: new Date() } })
	const suggestion = await prisma.candidate.create({ data: { title: `My idea ${sequence}`, description: 'A blue teapot', proposedById: who.id, review: 'pending', variants: 'Blue' }, select: { id: true } })
	return {
		self: who.id, post: posted.id, comment: commented.id, child: child.id, drawWin: win.id, opening: opening.id,
		notification: notification.id, claimCode, pendingCandidate: suggestion.id,
	}
}

/** A leader's invite-only group, with a member, a post holding a photo, an invite, a deal, and a room of their own to host. */
async function leaderThings(leader: Person, member: Person, product: string, store: ReturnType<typeof localDiskStore>): Promise<Scope> {
	const made = await createGroup({ id: leader.id, role: 'superuser' }, { name: `Tea circle ${randomUUID().slice(0, 4)}`, description: 'Private tasting notes', visibility: 'invite', memberCap: 20 }, [])
	if (!made.ok) throw new Error(made.error)
	const invite = await createInvite({ id: leader.id, role: 'superuser' }, made.id)
	if (!invite.ok) throw new Error(invite.error)
	if (!(await joinByInvite(invite.token, { id: member.id, role: 'customer' })).ok) throw new Error('could not join')
	const groupPost = await createPost((await loadAuthor(leader.id))!, PostFormSchema.parse({ kind: 'show', body: 'Members only', groupId: made.id }), [])
	if (!groupPost.ok) throw new Error(groupPost.error)
	const mediaId = randomUUID().replaceAll('-', '')
	await prisma.media.create({ data: { id: mediaId, uploaderId: leader.id, postId: groupPost.id, kind: 'image', format: 'jpeg', status: 'ready', bytes: photo.length } })
	await store.put(`${mediaId}/w320.webp`, photo)
	const [room, inviteRow, deal, hostRoom] = await Promise.all([
		prisma.liveRoom.findUniqueOrThrow({ where: { groupId: made.id }, select: { id: true } }),
		prisma.groupInvite.findUniqueOrThrow({ where: { token: invite.token }, select: { id: true } }),
		prisma.groupDeal.create({ data: { groupId: made.id, productId: product, createdById: leader.id, priceCents: 9900, target: 2, cap: 5, deadline: iso(48 * HOUR) }, select: { id: true } }),
		prisma.liveRoom.create({ data: { title: 'My own evening', hostId: leader.id, streamUrl: '/demo/live/index.m3u8', startsAt: iso(24 * HOUR) }, select: { id: true } }),
	])
	return {
		group: made.id, groupRoom: room.id, groupMedia: mediaId, groupPost: groupPost.id, groupMember: member.id, invite: inviteRow.id,
		ownInviteToken: invite.token, groupDeal: deal.id, hostRoom: hostRoom.id,
	}
}

async function buildWorld(dataDir: string) {
	const store = localDiskStore(path.join(dataDir, 'media'))
	const insiders = await prisma.segment.create({ data: { name: 'Insideville fans', rules: JSON.stringify(SegmentRulesSchema.parse({ regions: ['Insideville'] })) }, select: { id: true } })
	for (const role of SIGNED) {
		const dbRole = role === 'leader' ? 'superuser' : role
		people[role] = { actor: await person(dbRole), victim: await person(dbRole, 'Insideville') }
	}
	const author = await person('customer')
	const merchant = people.merchant.actor
	const product = (await prisma.product.create({ data: { name: 'Celadon cup', sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents: 12900 }, select: { id: true } })).id
	const publicPost = await createPost((await loadAuthor(author.id))!, PostFormSchema.parse({ kind: 'show', body: 'Everyone may read this' }), [])
	if (!publicPost.ok) throw new Error(publicPost.error)

	const campaignInput = (title: string) => ({ title, costPoints: 0, perMemberLimit: 5, startsAt: iso(-HOUR), endsAt: iso(48 * HOUR), prizes: [{ name: 'Teapot', kind: 'physical' as const, total: 100 }] })
	const [campaign, dayCampaign] = [await createCampaign(campaignInput('Spring draw')), await createCampaign(campaignInput('Insiders draw'))]
	const openDay = await createMemberDay({ title: 'Everyone day', description: '', startsAt: iso(-HOUR), endsAt: iso(24 * HOUR), surprise: false, segmentId: null, dailyCapPoints: null })
	const insidersDay = await createMemberDay({ title: 'Insiders day', description: '', startsAt: iso(-HOUR), endsAt: iso(24 * HOUR), surprise: false, segmentId: insiders.id, dailyCapPoints: null })
	if (!campaign.ok || !dayCampaign.ok || !openDay.ok || !insidersDay.ok) throw new Error('could not make draws and days')
	await prisma.campaign.update({ where: { id: dayCampaign.id }, data: { memberDayId: insidersDay.id } })
	const pool = async (memberDayId: string) => {
		const packed = await packPool({ memberDayId, name: 'Lucky box', boxes: 20, pricePoints: 0, priceCents: 0, perMemberLimit: 3, guaranteeEvery: null, guaranteePosition: null, items: [{ name: 'Sticker', total: 20 }] })
		if (!packed.ok) throw new Error(JSON.stringify(packed.errors))
		return { id: packed.id, itemId: (await prisma.blindBoxItem.findFirstOrThrow({ where: { poolId: packed.id }, select: { id: true } })).id }
	}
	const [openPool, insidersPool] = [await pool(openDay.id), await pool(insidersDay.id)]
	const prizeOf = async (id: string) => ({ id, prizeId: (await prisma.prize.findFirstOrThrow({ where: { campaignId: id }, select: { id: true } })).id })
	const world = { publicPost: publicPost.id, campaign: await prizeOf(campaign.id), pool: openPool }

	// One real opening to share (the fairness check re-computes it); the others are written directly, after it.
	const sharedBox = await openBlindBox(openPool.id, author.id)
	if (!sharedBox.ok) throw new Error(sharedBox.error)
	const boxCode = (await prisma.blindBoxOpening.findFirstOrThrow({ where: { userId: author.id }, select: { shareCode: true } })).shareCode
	const liveRoom = (segmentId: string | null) =>
		prisma.liveRoom.create({
			data: { title: 'Tea evening', hostId: merchant.id, streamUrl: '/demo/live/index.m3u8', startsAt: iso(-HOUR), status: 'live', startedAt: iso(-HOUR), segmentId },
			select: { id: true },
		})
	const [room, segmentRoom] = [await liveRoom(null), await liveRoom(insiders.id)]
	// Each member's own day, pool, draw and segment room are ones open to them; the other member of
	// the same role lives in Insideville, so theirs are the Insideville ones (for the IDOR attempts).
	let sequence = 100
	const authorThings = await ownThings(author, sequence++, world)
	for (const role of SIGNED) {
		const { actor, victim } = people[role]
		own.set(actor.id, { ...(await ownThings(actor, sequence++, world)), day: openDay.id, dayPool: openPool.id, dayCampaign: campaign.id, segmentRoom: room.id })
		const victimWorld = { ...world, campaign: await prizeOf(dayCampaign.id), pool: insidersPool }
		own.set(victim.id, { ...(await ownThings(victim, sequence++, victimWorld)), day: insidersDay.id, dayPool: insidersPool.id, dayCampaign: dayCampaign.id, segmentRoom: segmentRoom.id })
	}
	const leaders = [people.leader.actor, people.leader.victim]
	for (const leader of leaders) Object.assign(own.get(leader.id)!, await leaderThings(leader, await person('customer'), product, store))
	await prisma.setting.create({ data: { key: 'live.hosts', value: JSON.stringify(leaders.map((l) => l.id)) } })
	// The server's periodic jobs notify members of opened days (and more) soon after it starts; done
	// here first (they are keyed, so a repeat adds nothing), they cannot change rows in the middle of the walk.
	await announceOpenedDays()
	await runMembershipJobs()

	const [message, sale, shopDeal, candidate] = await Promise.all([
		prisma.liveMessage.create({ data: { roomId: room.id, userId: author.id, body: 'Lovely glaze' }, select: { id: true } }),
		prisma.flashSale.create({ data: { roomId: room.id, productId: product, priceCents: 100, stock: 5, remaining: 5, perMember: 1, opensAt: iso(-60_000), closesAt: iso(HOUR), createdById: merchant.id }, select: { id: true } }),
		prisma.groupDeal.create({ data: { productId: product, createdById: merchant.id, priceCents: 9900, target: 2, cap: 50, deadline: iso(48 * HOUR) }, select: { id: true } }),
		prisma.candidate.create({ data: { title: 'A celadon teapot', description: 'Please', proposedById: author.id, review: 'approved' }, select: { id: true } }),
	])
	const asset = readdirSync(path.join(ROOT, 'build/client/assets')).find((f) => f.endsWith('.js'))!
	const otherLeader = own.get(people.leader.victim.id)!
	shared = {
		...authorThings, ...pick(otherLeader, ['group', 'groupRoom', 'groupMedia', 'groupPost', 'groupMember', 'invite', 'groupDeal', 'hostRoom']),
		// An invite to a group the viewer is not in yet (to their own, the link just leads home to it).
		inviteToken: otherLeader.ownInviteToken!,
		publicPost: publicPost.id, product, member: author.id, referralCode: 'nobody12', shareCode: 'nobody12', deal: shopDeal.id, campaign: campaign.id, dayCampaign: dayCampaign.id,
		boxCode, segmentRoom: segmentRoom.id, day: insidersDay.id, dayPool: insidersPool.id, candidate: candidate.id, room: room.id, liveMessage: String(message.id), sale: sale.id, segment: insiders.id, asset,
	}
}
const pick = (scope: Scope, keys: string[]) => Object.fromEntries(keys.map((k) => [k, scope[k]!]))

/** Fills `{name}` placeholders from a member's own world, then the shared one; `{own:name}` is always the caller's own. */
function fill(template: string, scope: Scope): string {
	return template.replace(/\{([\w:]+)\}/g, (_, name: string) => {
		const value = scope[name] ?? shared[name]
		if (value === undefined) throw new Error(`no value for {${name}}`)
		return value
	})
}
function fillPayload(payload: Record<string, unknown>, scope: Scope): Record<string, unknown> {
	return Object.fromEntries(Object.entries(payload).map(([k, v]) => {
		if (typeof v !== 'string') return [k, v]
		const filled = fill(v, scope)
		// Chat message ids are numbers.
		return [k, v === '{liveMessage}' ? Number(filled) : filled]
	}))
}

const cookieOf = (role: Role, who: 'actor' | 'victim' = 'actor') => (role === 'anonymous' ? undefined : people[role][who].cookie)
function scopeOf(role: Role, who: 'actor' | 'victim' = 'actor'): Scope {
	if (role === 'anonymous') return {}
	const mine = Object.fromEntries(Object.entries(own.get(people[role].actor.id)!).map(([k, v]) => [`own:${k}`, v]))
	return { ...own.get(people[role][who].id)!, ...mine }
}

type Outcome = { status: number; location: string | null; error?: string; data?: boolean }

async function sendHttp(row: HttpRow, scope: Scope, cookie: string | undefined, pathOverride?: string): Promise<Outcome> {
	const url = server.url + fill(pathOverride ?? row.path, scope)
	const headers: Record<string, string> = { 'Accept-Language': 'en', ...(cookie ? { Cookie: cookie } : {}) }
	let init: RequestInit = { headers, redirect: 'manual' }
	if (row.method === 'POST') {
		const fields = Object.entries(row.form ?? {}).map(([k, v]) => [k, fill(v, scope)] as const)
		if (row.multipart) {
			const body = new FormData()
			for (const [k, v] of fields) body.append(k, v)
			init = { method: 'POST', headers: { ...headers, Origin: server.url }, body, redirect: 'manual' }
		} else {
			init = { method: 'POST', headers: { ...headers, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields.map(([k, v]) => [k, v])), redirect: 'manual' }
		}
	}
	const response = await fetch(url, init)
	await response.arrayBuffer()
	return { status: response.status, location: response.headers.get('location') }
}

const openSockets: Socket[] = []
async function socketAs(cookie: string | undefined): Promise<Socket> {
	const s = connect(server.url, { transports: ['websocket'], extraHeaders: { Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) }, reconnection: false, forceNew: true })
	openSockets.push(s)
	await new Promise<void>((resolve, reject) => {
		s.once('connect', () => resolve())
		s.once('connect_error', reject)
	})
	return s
}

async function sendSocket(row: SocketRow, scope: Scope, cookie: string | undefined, override?: { payload?: Record<string, unknown>; join?: string }): Promise<Outcome> {
	const s = await socketAs(cookie)
	const payloadOverride = override?.payload
	const join = override?.join ?? row.join
	try {
		if (join) {
			const joined = (await s.timeout(5000).emitWithAck('live:join', { roomId: fill(join, scope) })) as { error?: string }
			if (joined.error) return { status: 0, location: null, error: `could not join first: ${joined.error}` }
		}
		const errors: string[] = []
		s.on('live:error', (e: { message: string }) => errors.push(e.message))
		const payload = fillPayload(payloadOverride ?? row.payload, scope)
		if (row.noAck) {
			s.emit(row.event, payload)
			await new Promise((resolve) => setTimeout(resolve, 300))
			return { status: 0, location: null, error: errors[0] }
		}
		const reply = (Object.keys(payload).length === 0 ? await s.timeout(5000).emitWithAck(row.event) : await s.timeout(5000).emitWithAck(row.event, payload)) as { error?: string; data?: unknown }
		return { status: 0, location: null, error: reply.error, data: 'data' in reply }
	} finally {
		s.disconnect()
	}
}

/** The request as sent, ids filled in, for the report. */
function targetOf(row: AccessRow, scope: Scope, override?: { path?: string; payload?: Record<string, unknown> }): string {
	if (row.kind === 'socket') return `${row.event} ${JSON.stringify(fillPayload(override?.payload ?? row.payload, scope))}`
	const form = row.method === 'POST' && row.form ? ` ${JSON.stringify(Object.fromEntries(Object.entries(row.form).map(([k, v]) => [k, fill(v, scope)])))}` : ''
	return `${row.method} ${fill(override?.path ?? row.path, scope)}${form}`
}

const send = (row: AccessRow, scope: Scope, cookie: string | undefined, override?: { path?: string; payload?: Record<string, unknown>; join?: string }) =>
	row.kind === 'http' ? sendHttp(row, scope, cookie, override?.path) : sendSocket(row, scope, cookie, override)

/** Whether an outcome is the refusal expected ('ignored' takes anything but a server error). */
function matches(outcome: Outcome, expected: Refusal | 'ignored'): boolean {
	if (expected === 'ignored') return outcome.status < 500 && !outcome.error?.startsWith('could not join')
	if (expected === 'error') return Boolean(outcome.error) && !outcome.error!.startsWith('could not join')
	const toLogin = (outcome.status === 302 || outcome.status === 303) && Boolean(outcome.location?.startsWith('/login'))
	if (expected === 'login') return toLogin
	if (expected === 302) return outcome.status === 302 && !toLogin
	return outcome.status === expected
}
const describeOutcome = (o: Outcome) => (o.error !== undefined || o.data !== undefined ? (o.error ? `error ${o.error}` : 'data') : `${o.status}${o.location ? ` → ${o.location}` : ''}`)

/** The rows of the tables a row could touch, as JSON; with `only`, just the rows that mention that member. */
async function snapshot(models: readonly string[], only?: string): Promise<string> {
	const delegates = prisma as unknown as Record<string, { findMany: () => Promise<Record<string, unknown>[]> }>
	const tables = await Promise.all(
		models.map(async (model) => {
			const rows = (await delegates[model]!.findMany()).filter((row) => !only || Object.values(row).includes(only))
			return rows.map((row) => JSON.stringify(row)).sort()
		}),
	)
	return JSON.stringify(tables)
}

type Attempt = { as: Role; kind: 'refused' | 'idor' | 'allowed'; target: string; expected: string; got: string; pass: boolean }
const results: { row: string; source: string; allowed: readonly Role[]; attempts: Attempt[]; unchanged: boolean }[] = []

describe('the walk, against the real server', () => {
	beforeAll(async () => {
		const dataDir = path.join(TMP, `data-${randomUUID()}`)
		await buildWorld(dataDir)
		server = await startServer({}, { databaseUrl: process.env.DATABASE_URL, dataDir })
	}, 120_000)
	afterAll(async () => {
		for (const s of openSockets) s.disconnect()
		await server?.stop()
		mkdirSync(path.dirname(REPORT), { recursive: true })
		writeFileSync(REPORT, `${JSON.stringify({ walkedAt: new Date().toISOString(), rows: results }, null, '\t')}\n`)
	})

	test('each allowed role gets in: every page answers, safe socket events answer with data, a signed order delivery is taken', async () => {
		const failures: string[] = []
		const rows = ACCESS_TABLE.filter((r) => (r.kind === 'http' ? r.method === 'GET' || r.signed : Boolean(r.safe)))
		for (const row of rows) {
			const attempts = await Promise.all(
				row.allowed.map(async (role): Promise<Attempt> => {
					const got = await send(row, scopeOf(role), cookieOf(role))
					const expected = row.kind === 'http' ? (row.ok ?? 200) : 'data'
					const pass = row.kind === 'http' ? got.status === expected : got.data === true
					return { as: role, kind: 'allowed', target: targetOf(row, scopeOf(role)), expected: String(expected), got: describeOutcome(got), pass }
				}),
			)
			if (row.kind === 'http' && row.signed) attempts.push(await signedDelivery())
			record(row, attempts, true)
			failures.push(...attempts.filter((a) => !a.pass).map((a) => `${rowName(row)} as ${a.as}: expected ${a.expected}, got ${a.got}`))
		}
		expect(failures).toEqual([])
	}, 120_000)

	test('every other role is refused, and a member with another member’s ids too, with nothing changed', async () => {
		const failures: string[] = []
		for (const row of ACCESS_TABLE) {
			const refused = ROLES.filter((role) => !row.allowed.includes(role))
			const idorRoles = row.idor ? (row.idor.roles ?? SIGNED.filter((r) => row.allowed.includes(r))) : []
			const victims = idorRoles.map((role) => (role === 'anonymous' ? '' : people[role].victim.id))
			const before = await snapshot(row.touches)
			const victimRowsBefore = row.idor?.expect === 'ignored' ? await Promise.all(victims.map((v) => snapshot(row.touches, v))) : []
			const attempts = await Promise.all([
				...refused.map(async (role): Promise<Attempt> => {
					const expected = refusalFor(row, role)
					const got = await send(row, scopeOf(role), cookieOf(role))
					return { as: role, kind: 'refused', target: targetOf(row, scopeOf(role)), expected: String(expected), got: describeOutcome(got), pass: matches(got, expected) }
				}),
				...idorRoles.map(async (role): Promise<Attempt> => {
					const got = await send(row, scopeOf(role, 'victim'), cookieOf(role), row.idor)
					return { as: role, kind: 'idor', target: targetOf(row, scopeOf(role, 'victim'), row.idor), expected: String(row.idor!.expect), got: describeOutcome(got), pass: matches(got, row.idor!.expect) }
				}),
			])
			let unchanged: boolean
			if (row.idor?.expect === 'ignored') {
				// The caller's own rows may change (that is the form's purpose); the other member's never.
				const after = await Promise.all(victims.map((v) => snapshot(row.touches, v)))
				unchanged = JSON.stringify(after) === JSON.stringify(victimRowsBefore)
			} else {
				unchanged = (await snapshot(row.touches)) === before
			}
			record(row, attempts, unchanged)
			failures.push(...attempts.filter((a) => !a.pass).map((a) => `${rowName(row)} as ${a.as}${a.kind === 'idor' ? ' with another member’s ids' : ''}: expected ${a.expected}, got ${a.got}`))
			if (!unchanged) failures.push(`${rowName(row)}: rows of ${row.touches.join(', ')} changed after refused attempts`)
		}
		expect(failures).toEqual([])
	}, 150_000)
})

function record(row: AccessRow, attempts: Attempt[], unchanged: boolean) {
	const name = rowName(row)
	const kept = results.find((r) => r.row === name && r.source === row.source)
	if (kept) {
		kept.attempts.push(...attempts)
		kept.unchanged &&= unchanged
	} else results.push({ row: name, source: row.source, allowed: row.allowed, attempts, unchanged })
}

/** The order webhook's one allowed caller: the shop, signing with the shared secret. */
async function signedDelivery(): Promise<Attempt> {
	const body = JSON.stringify({ orders: [{ id: `acc-${randomUUID()}`, placedAt: new Date().toISOString(), totalCents: 1000, lines: [] }] })
	const timestamp = Math.floor(Date.now() / 1000)
	const signature = createHmac('sha256', await getWebhookSecret()).update(`${timestamp}.${body}`).digest('hex')
	const response = await fetch(`${server.url}/api/orders`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'X-Quanzi-Timestamp': String(timestamp), 'X-Quanzi-Signature': `sha256=${signature}` },
		body,
	})
	await response.arrayBuffer()
	return { as: 'anonymous', kind: 'allowed', target: 'POST /api/orders (signed)', expected: 'signed by the shop: 200', got: String(response.status), pass: response.status === 200 }
}
