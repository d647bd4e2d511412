import { randomUUID } from 'node:crypto'
import { describe, expect, test, vi } from 'vitest'
import { getRoomForEdit } from '#app/domain/live/room-cards.server.ts'
import { canScheduleRooms, setLiveHosts } from '#app/domain/live/room-hosts.server.ts'
import type { RoomInput } from '#app/domain/live/room-schema.ts'
import { getRoomCard, listRooms, scheduleRoom, setSubscription, updateRoom } from '#app/domain/live/rooms.server.ts'
import { roomSummary } from '#app/domain/live/summary.server.ts'
import { COUNTED_ONLY_POSITION } from '#app/domain/live/views.ts'
import type { PreparedMedia } from '#app/domain/media/ingest.server.ts'
import { canViewMedia } from '#app/domain/posts/media-access.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member, photo, product } from '../posts/fixtures.ts'

// NOTE: the environment is parsed once, as the app's modules load, so it is set before any import.
vi.hoisted(() => {
	process.env.LIVE_STREAM_ORIGINS = 'https://stream.example.net'
})

const NOW = new Date()
const HOUR = 3_600_000
/** A datetime-local value, which the console reads as UTC. */
const local = (date: Date) => date.toISOString().slice(0, 16)
const tomorrow = new Date(Math.ceil((NOW.getTime() + 24 * HOUR) / 60_000) * 60_000)

async function merchant() {
	return member({ role: 'merchant', name: 'Shop' })
}
async function superuser(name = 'Aunt Wen') {
	const user = await member({ name })
	await prisma.user.update({ where: { id: user.id }, data: { role: 'superuser' } })
	return { ...user, role: 'superuser' }
}
const input = (extra: Partial<RoomInput> = {}): RoomInput => ({ title: 'Spring tea tasting', startsAt: local(tomorrow), streamUrl: 'https://stream.example.net/live/spring.m3u8', ...extra })
const emailOf = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email
const cover = (): PreparedMedia => photo(0) as PreparedMedia

async function scheduled(extra: Partial<RoomInput> = {}) {
	const staff = await merchant()
	const result = await scheduleRoom(staff, input(extra), null, NOW)
	if (!result.ok) throw new Error(JSON.stringify(result))
	return { staff, id: result.id }
}

describe('scheduling a room', () => {
	test.each([
		['title', { title: ' ' }, 'liveConsole.error.titleRequired'],
		['title', { title: 'x'.repeat(81) }, 'liveConsole.error.titleTooLong'],
		['description', { description: 'x'.repeat(1001) }, 'liveConsole.error.descriptionTooLong'],
		['startsAt', { startsAt: '' }, 'liveConsole.error.startsAtRequired'],
		['startsAt', { startsAt: 'tomorrow at 8' }, 'liveConsole.error.startsAt'],
		['startsAt', { startsAt: local(new Date(NOW.getTime() - HOUR)) }, 'liveConsole.error.startsAtPast'],
		['startsAt', { startsAt: local(new Date(NOW.getTime() + 400 * 24 * HOUR)) }, 'liveConsole.error.startsAtFar'],
		['streamUrl', { streamUrl: '' }, 'liveConsole.error.streamRequired'],
		['streamUrl', { streamUrl: 'javascript:alert(1)//x.m3u8' }, 'live.stream.invalid'],
		['streamUrl', { streamUrl: 'https://elsewhere.example/live.m3u8' }, 'live.stream.origin'],
		['streamUrl', { streamUrl: 'https://stream.example.net/live/page.html' }, 'live.stream.kind'],
		['productIds', { productIds: Array.from({ length: 21 }, (_, i) => `p${i}`) }, 'liveConsole.error.tooManyProducts'],
		['productIds', { productIds: ['no-such-product'] }, 'liveConsole.error.productUnavailable'],
		['moderators', { moderators: 'not-an-email' }, 'liveConsole.error.moderatorEmail'],
	] as const)('%s: %j is refused with %s, and nothing is saved', async (field, extra, error) => {
		const staff = await merchant()
		const before = await prisma.liveRoom.count()
		const result = await scheduleRoom(staff, input(extra as Partial<RoomInput>), null, NOW)
		expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { [field]: error } })
		expect(await prisma.liveRoom.count()).toBe(before)
	})

	test('an unknown moderator email is named in its error; a draft product and a customer host are refused', async () => {
		const staff = await merchant()
		const customer = await member()
		const draft = await prisma.product.create({ data: { name: 'Draft pot', sku: `D-${randomUUID().slice(0, 8)}`, priceCents: 100, status: 'draft' }, select: { id: true } })
		const result = await scheduleRoom(staff, input({ moderators: `${await emailOf(customer.id)}\nNobody@Example.test`, productIds: [draft.id], hostId: customer.id }), null, NOW)
		expect(result).toMatchObject({
			ok: false,
			fieldErrors: { moderators: 'liveConsole.error.moderatorUnknown', productIds: 'liveConsole.error.productUnavailable', hostId: 'liveConsole.error.host' },
			fieldParams: { moderators: { email: 'nobody@example.test' } },
		})
	})

	test('products keep the order given, moderators are saved, the time is read as UTC, and the change is audited', async () => {
		const staff = await merchant()
		const [a, b, c] = [await product('Cup'), await product('Pot'), await product('Tin')]
		const [mod1, mod2] = [await member(), await member()]
		const day = new Date(NOW.getTime() + 2 * 24 * HOUR).toISOString().slice(0, 10)
		const moderators = `${(await emailOf(mod1.id)).toUpperCase()}, ${await emailOf(mod2.id)}`
		const result = await scheduleRoom(staff, input({ startsAt: `${day}T20:00`, productIds: [c.id, a.id, b.id, a.id], moderators }), cover(), NOW)
		expect(result.ok).toBe(true)
		const id = result.ok ? result.id : ''
		const room = await prisma.liveRoom.findUniqueOrThrow({ where: { id }, select: { startsAt: true, hostId: true, status: true, products: { orderBy: { position: 'asc' }, select: { productId: true } }, moderators: { select: { userId: true } } } })
		expect(room.startsAt.toISOString()).toBe(`${day}T20:00:00.000Z`)
		expect(room).toMatchObject({ hostId: staff.id, status: 'scheduled' })
		expect(room.products.map((p) => p.productId)).toEqual([c.id, a.id, b.id])
		expect(room.moderators.map((m) => m.userId).sort()).toEqual([mod1.id, mod2.id].sort())
		expect(await prisma.auditLog.count({ where: { targetType: 'room', targetId: id, action: 'room.schedule', actorId: staff.id } })).toBe(1)
		const media = await prisma.media.findFirstOrThrow({ where: { roomId: id }, select: { id: true } })
		// A room's cover is public, like the list that shows it.
		expect(await canViewMedia(media.id, null)).toBe(true)
		expect((await getRoomCard(id, null))?.cover?.id).toBe(media.id)
	})

	test('a super-user needs the merchant’s leave, then always hosts their own rooms', async () => {
		const staff = await merchant()
		const wen = await superuser()
		expect(await scheduleRoom(wen, input(), null, NOW)).toMatchObject({ ok: false, status: 403, formError: 'liveConsole.error.notAllowed' })
		expect(await canScheduleRooms(wen)).toBe(false)
		await setLiveHosts(staff.id, [wen.id, staff.id])
		expect(await canScheduleRooms(wen)).toBe(true)
		const result = await scheduleRoom(wen, input({ hostId: staff.id }), null, NOW)
		expect(result.ok).toBe(true)
		const id = result.ok ? result.id : ''
		expect((await prisma.liveRoom.findUniqueOrThrow({ where: { id }, select: { hostId: true } })).hostId).toBe(wen.id)
		expect(await prisma.auditLog.count({ where: { action: 'live.hostAllowed', targetId: wen.id } })).toBe(1)
		// Another super-user's room is not theirs to edit; the merchant's console sees it.
		const other = await superuser('Uncle Li')
		const theirs = await scheduleRoom(staff, input({ hostId: other.id }), null, NOW)
		expect(theirs.ok).toBe(true)
		if (theirs.ok) {
			expect(await updateRoom(wen, theirs.id, input({ title: 'Mine now' }), null, NOW)).toMatchObject({ ok: false, status: 403 })
			expect(await getRoomForEdit(theirs.id, wen)).toBeNull()
		}
		await setLiveHosts(staff.id, [])
		expect(await scheduleRoom(wen, input(), null, NOW)).toMatchObject({ ok: false, status: 403 })
	})
})

describe('changing a room', () => {
	test('a scheduled room changes in full; a new cover replaces the old', async () => {
		const { staff, id } = await scheduled()
		const first = cover()
		await updateRoom(staff, id, input(), first, NOW)
		const later = new Date(tomorrow.getTime() + 2 * HOUR)
		const second = cover()
		expect(await updateRoom(staff, id, input({ title: 'Later tasting', startsAt: local(later), streamUrl: '/demo/live/index.m3u8' }), second, NOW)).toEqual({ ok: true, id })
		expect(await prisma.liveRoom.findUniqueOrThrow({ where: { id }, select: { title: true, startsAt: true, streamUrl: true } })).toEqual({ title: 'Later tasting', startsAt: later, streamUrl: '/demo/live/index.m3u8' })
		expect((await prisma.media.findMany({ where: { roomId: id }, select: { id: true } })).map((m) => m.id)).toEqual([second.id])
	})

	test('a live room keeps its time and stream but changes title and products, keeping their want-it counts; an ended one is read-only', async () => {
		const [cup, pot, tin] = [await product('Cup'), await product('Pot'), await product('Tin')]
		const { staff, id } = await scheduled({ productIds: [cup.id, pot.id] })
		await prisma.liveRoom.update({ where: { id }, data: { status: 'live', startedAt: NOW } })
		await prisma.liveRoomProduct.update({ where: { roomId_productId: { roomId: id, productId: pot.id } }, data: { wantCount: 42 } })
		expect(await updateRoom(staff, id, { title: 'Live!', startsAt: local(new Date(tomorrow.getTime() + HOUR)), streamUrl: '/demo/other.m3u8' }, null, NOW)).toMatchObject({
			ok: false,
			fieldErrors: { startsAt: 'liveConsole.error.locked', streamUrl: 'liveConsole.error.locked' },
		})
		expect(await updateRoom(staff, id, { title: 'Live!', productIds: [tin.id, pot.id] }, null, NOW)).toEqual({ ok: true, id })
		const room = await prisma.liveRoom.findUniqueOrThrow({ where: { id }, select: { title: true, startsAt: true, products: { orderBy: { position: 'asc' }, select: { productId: true, wantCount: true } } } })
		expect(room.title).toBe('Live!')
		expect(room.startsAt.toISOString()).toBe(`${local(tomorrow)}:00.000Z`)
		expect(room.products).toEqual([{ productId: tin.id, wantCount: 0 }, { productId: pot.id, wantCount: 42 }])
		// Taken off the list, a product with taps keeps them for the summary but leaves the card.
		expect(await updateRoom(staff, id, { title: 'Live!', productIds: [tin.id] }, null, NOW)).toEqual({ ok: true, id })
		expect(await prisma.liveRoomProduct.findMany({ where: { roomId: id }, orderBy: { position: 'asc' }, select: { productId: true, position: true, wantCount: true } })).toEqual([
			{ productId: tin.id, position: 0, wantCount: 0 },
			{ productId: pot.id, position: COUNTED_ONLY_POSITION, wantCount: 42 },
		])
		expect((await getRoomCard(id, null))?.products.map((p) => p.id)).toEqual([tin.id])
		await prisma.liveRoom.update({ where: { id }, data: { status: 'ended', endedAt: NOW } })
		expect(await updateRoom(staff, id, { title: 'After' }, null, NOW)).toMatchObject({ ok: false, status: 409, formError: 'liveConsole.error.ended' })
		expect(await updateRoom(staff, 'nope', { title: 'x' }, null, NOW)).toMatchObject({ ok: false, status: 404 })
	})
})

describe('subscriptions', () => {
	test('subscribing is idempotent, even when 20 taps race; unsubscribing too', async () => {
		const { id } = await scheduled()
		const fan = await member()
		const results = await Promise.all(Array.from({ length: 20 }, () => setSubscription(id, fan.id, true)))
		expect(results.every((r) => r.ok && r.subscribed && r.subscribers === 1)).toBe(true)
		expect(await prisma.liveSubscription.count({ where: { roomId: id } })).toBe(1)
		expect((await getRoomCard(id, fan))?.subscribed).toBe(true)
		expect(await setSubscription(id, fan.id, false)).toEqual({ ok: true, subscribed: false, subscribers: 0 })
		expect(await setSubscription(id, fan.id, false)).toEqual({ ok: true, subscribed: false, subscribers: 0 })
	})

	test('an ended room and an unknown room are refused', async () => {
		const { id } = await scheduled()
		const fan = await member()
		await prisma.liveRoom.update({ where: { id }, data: { status: 'ended', endedAt: NOW } })
		expect(await setSubscription(id, fan.id, true)).toEqual({ ok: false, status: 409, error: 'liveList.error.ended' })
		expect(await setSubscription('nope', fan.id, true)).toEqual({ ok: false, status: 404, error: 'liveList.error.notFound' })
		expect(await prisma.liveSubscription.count({ where: { userId: fan.id } })).toBe(0)
	})
})

describe('the public list', () => {
	test('tabs: live now, upcoming soonest first with subscriptions, past newest first a page at a time', async () => {
		await prisma.liveRoom.deleteMany()
		const staff = await merchant()
		const fan = await member()
		const make = (title: string, data: { status: string; startsAt: Date; startedAt?: Date; endedAt?: Date }) =>
			prisma.liveRoom.create({ data: { title, hostId: staff.id, streamUrl: '/demo/live/index.m3u8', ...data }, select: { id: true } })
		const live = await make('On air', { status: 'live', startsAt: NOW, startedAt: NOW })
		const later = await make('Later', { status: 'scheduled', startsAt: new Date(NOW.getTime() + 48 * HOUR) })
		const soon = await make('Soon', { status: 'scheduled', startsAt: new Date(NOW.getTime() + 2 * HOUR) })
		const past = await Promise.all(Array.from({ length: 5 }, (_, i) => make(`Past ${i}`, { status: 'ended', startsAt: new Date(NOW.getTime() - (i + 2) * 24 * HOUR), endedAt: new Date(NOW.getTime() - (i + 1) * 24 * HOUR) })))
		await setSubscription(soon.id, fan.id, true)
		await setSubscription(soon.id, staff.id, true)

		expect((await listRooms(fan, { tab: 'live' })).items.map((r) => r.id)).toEqual([live.id])
		const upcoming = await listRooms(fan, { tab: 'upcoming' })
		expect(upcoming.items.map((r) => [r.id, r.subscribed, r.subscribers])).toEqual([[soon.id, true, 2], [later.id, false, 0]])
		expect((await listRooms(null, { tab: 'upcoming' })).items.map((r) => r.subscribed)).toEqual([false, false])

		const first = await listRooms(null, { tab: 'past', take: 2 })
		const second = await listRooms(null, { tab: 'past', take: 2, cursor: first.nextCursor })
		const third = await listRooms(null, { tab: 'past', take: 2, cursor: second.nextCursor })
		expect([...first.items, ...second.items, ...third.items].map((r) => r.id)).toEqual(past.map((p) => p.id))
		expect(third.nextCursor).toBeNull()
		// A page never grows past the hard maximum, whatever is asked for.
		await Promise.all(Array.from({ length: 50 }, (_, i) => make(`Old ${i}`, { status: 'ended', startsAt: new Date(0), endedAt: new Date(i * 1000) })))
		const huge = await listRooms(null, { tab: 'past', take: 10_000 })
		expect(huge.items).toHaveLength(50)
		expect(huge.nextCursor).not.toBeNull()
	})
})

describe('the summary', () => {
	test('figures and the forecast come from the rows: claims plus half the members who wanted it and claimed none', async () => {
		const staff = await merchant()
		const [cup, pot, tin] = [await product('Cup'), await product('Pot'), await product('Tin')]
		const fans = await Promise.all(Array.from({ length: 6 }, () => member()))
		const start = new Date(NOW.getTime() - 2 * HOUR)
		const room = await prisma.liveRoom.create({
			data: {
				title: 'Done', hostId: staff.id, streamUrl: '/demo/live/replay.mp4', status: 'ended', startsAt: start, startedAt: start, endedAt: new Date(start.getTime() + HOUR),
				peakViewers: 87, likeCount: 1200,
				products: { create: [{ productId: cup.id, position: 0, wantCount: 300 }, { productId: pot.id, position: 1, wantCount: 12 }] },
			},
			select: { id: true },
		})
		const roomId = room.id
		await prisma.liveMessage.createMany({ data: [...Array.from({ length: 7 }, (_, i) => ({ roomId, userId: fans[i % 6]!.id, body: `hi ${i}` })), { roomId, userId: fans[0]!.id, body: 'spam', deletedAt: NOW, deletedById: staff.id }] })
		// The tin was pinned (twice) without being featured: its taps are counted on a row that is not featured.
		await prisma.liveRoomProduct.create({ data: { roomId, productId: tin.id, position: COUNTED_ONLY_POSITION, wantCount: 9 } })
		await prisma.livePin.createMany({ data: [{ roomId, productId: tin.id, pinnedAt: start, unpinnedAt: new Date(start.getTime() + 60_000) }, { roomId, productId: tin.id, pinnedAt: new Date(start.getTime() + 120_000) }, { roomId, productId: cup.id }] })
		// Five members wanted the cup; fans 0 and 1 claimed some; three wanted and claimed none.
		await prisma.liveWant.createMany({ data: [...fans.slice(0, 5).map((f) => ({ roomId, productId: cup.id, userId: f.id, taps: 10 })), { roomId, productId: tin.id, userId: fans[5]!.id, taps: 7 }, { roomId, productId: pot.id, userId: fans[5]!.id, taps: 0 }] })
		const sale = await prisma.flashSale.create({
			data: { roomId, productId: cup.id, priceCents: 5000, stock: 10, remaining: 6, perMember: 3, opensAt: start, closesAt: new Date(start.getTime() + 300_000), createdById: staff.id },
			select: { id: true },
		})
		await prisma.flashTally.createMany({ data: [{ saleId: sale.id, memberId: fans[0]!.id, claimed: 3, maxClaim: 3 }, { saleId: sale.id, memberId: fans[1]!.id, claimed: 1, maxClaim: 3 }] })
		// Someone who claimed without tapping counts as a claimer, not as a wanter.
		const quiet = await member()
		await prisma.flashSale.create({
			data: { roomId, productId: pot.id, priceCents: 9000, stock: 2, remaining: 1, perMember: 1, opensAt: start, closesAt: start, stoppedAt: start, createdById: staff.id, tallies: { create: [{ memberId: quiet.id, claimed: 1, maxClaim: 1 }] } },
		})

		const summary = (await roomSummary(roomId))!
		expect(summary.room).toMatchObject({ peakViewers: 87, likeCount: 1200, status: 'ended' })
		expect(summary.messages).toEqual({ kept: 7, deleted: 1 })
		const byId = Object.fromEntries(summary.products.map((p) => [p.id, p]))
		expect(summary.products.map((p) => p.id)).toEqual([cup.id, pot.id, tin.id])
		expect(byId[cup.id]).toMatchObject({ featured: true, pinned: true, wantTaps: 300, wantMembers: 5, claimedUnits: 4, claimers: 2, idleWanters: 3, forecast: 4 + 2 })
		expect(byId[pot.id]).toMatchObject({ featured: true, pinned: false, wantTaps: 12, wantMembers: 0, claimedUnits: 1, claimers: 1, idleWanters: 0, forecast: 1 })
		expect(byId[tin.id]).toMatchObject({ featured: false, pinned: true, wantTaps: 9, wantMembers: 1, claimedUnits: 0, claimers: 0, idleWanters: 1, forecast: 1 })
		expect(summary.sales.map((s) => [s.productId, s.stock, s.claimed, s.claimers])).toEqual([[cup.id, 10, 4, 2], [pot.id, 2, 1, 1]])
		expect(await roomSummary('nope')).toBeNull()
	})
})
