import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { roomAccess } from '#app/domain/live/access.server.ts'
import { setPin } from '#app/domain/live/pins.server.ts'
import { claimUnits, startSale } from '#app/domain/live/sales.server.ts'
import { createCampaign, getCampaign, listOpenCampaigns } from '#app/domain/lottery/campaigns.server.ts'
import { draw } from '#app/domain/lottery/draws.server.ts'
import { canSeeDayActivity, dayActivities, linkCampaign, linkFlashSale, memberDayGate } from '#app/domain/member-days/activities.server.ts'
import { getBalance } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { DAY, day, HOUR, memberWith, regionSegment } from './helpers.ts'

// A member day's draws and flash sales: its audience's only, and only while it is open; a refusal
// writes nothing; an activity of no day is untouched.

async function campaign(costPoints = 10) {
	const created = await createCampaign({
		title: `Day draw ${randomUUID().slice(0, 4)}`,
		costPoints,
		perMemberLimit: 10,
		startsAt: new Date(Date.now() - 2 * HOUR),
		endsAt: new Date(Date.now() + 5 * DAY),
		prizes: [{ name: '50 points', kind: 'points', points: 50, total: 100 }],
	})
	if (!created.ok) throw new Error(JSON.stringify(created.errors))
	return created.id
}

/** A live room of a merchant host with a sale on a pinned product, open at once. */
async function sale(stock = 5, perMember = 1) {
	const host = await memberWith()
	await prisma.user.update({ where: { id: host }, data: { role: 'merchant' } })
	const product = await prisma.product.create({ data: { name: 'Jade tea tray', sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents: 12900 }, select: { id: true } })
	const room = await prisma.liveRoom.create({
		data: { title: 'Member day live', hostId: host, streamUrl: '/demo/live/index.m3u8', startsAt: new Date(), status: 'live', startedAt: new Date() },
		select: { id: true },
	})
	const access = (await roomAccess(room.id, { id: host, role: 'merchant' }))!
	const pinned = await setPin(access, product.id, true)
	if (!pinned.ok) throw new Error(pinned.error)
	const started = await startSale(access, host, { productId: product.id, priceCents: 9900, stock, perMember, countdownSeconds: 0, durationMinutes: 20 })
	if (!started.ok) throw new Error(started.error)
	return { roomId: room.id, saleId: started.sale.id }
}

async function claim(roomId: string, saleId: string, memberId: string, now = new Date()) {
	const actor = { id: memberId, role: 'customer' }
	return claimUnits((await roomAccess(roomId, actor))!, actor, { saleId, quantity: 1, key: randomUUID() }, now)
}

async function drawTrace(campaignId: string, memberId: string) {
	const [draws, entries, balance, left] = await Promise.all([
		prisma.draw.count({ where: { campaignId, userId: memberId } }),
		prisma.pointsEntry.count({ where: { userId: memberId } }),
		getBalance(memberId),
		prisma.prize.aggregate({ where: { campaignId }, _sum: { remaining: true } }),
	])
	return { draws, entries, balance, left: left._sum.remaining }
}

describe('a member day\'s draw campaigns', () => {
	test('an eligible member draws during the day; a member outside the segment is refused with nothing written', async () => {
		const segmentId = await regionSegment('Hangzhou')
		const dayId = await day({ segmentId })
		const id = await campaign()
		expect(await linkCampaign(dayId, id)).toEqual({ ok: true })
		const [insider, outsider] = await Promise.all([memberWith(100, 'Hangzhou'), memberWith(100, 'Beijing')])

		const before = await drawTrace(id, outsider)
		expect(await draw(id, outsider)).toEqual({ ok: false, error: 'dayActivities.error.notEligible' })
		expect(await drawTrace(id, outsider)).toEqual(before)
		expect(before.balance).toBe(100)

		const won = await draw(id, insider)
		expect(won).toMatchObject({ ok: true, prize: { name: '50 points' } })
		expect(await getBalance(insider)).toBe(100 - 10 + 50)
	})

	test('before the day opens and after it ends: refused, nothing written, though the campaign itself is open', async () => {
		const startsAt = new Date(Date.now() + DAY)
		const dayId = await day({ startsAt, endsAt: new Date(startsAt.getTime() + DAY) })
		const id = await campaign()
		expect(await linkCampaign(dayId, id)).toEqual({ ok: true })
		const m = await memberWith(100)
		const before = await drawTrace(id, m)
		expect(await draw(id, m)).toEqual({ ok: false, error: 'dayActivities.error.notOpen' })
		expect(await draw(id, m, new Date(startsAt.getTime() + 2 * DAY + HOUR))).toEqual({ ok: false, error: 'dayActivities.error.notOpen' })
		expect(await drawTrace(id, m)).toEqual(before)
		expect((await draw(id, m, new Date(startsAt.getTime() + HOUR))).ok).toBe(true)
	})

	test('a campaign of no day is drawn as before, by anyone, and listed for everyone', async () => {
		await day({ segmentId: await regionSegment('Xiamen') })
		const id = await campaign()
		const m = await memberWith(100, 'Beijing')
		expect(await memberDayGate(null, m)).toBeNull()
		expect((await draw(id, m)).ok).toBe(true)
		expect((await listOpenCampaigns(null)).map((c) => c.id)).toContain(id)
		expect(await canSeeDayActivity(null, (await getCampaign(id))!.memberDayId)).toBe(true)
	})

	test('the draws list and the draw page leave a day\'s campaign out for those outside its audience', async () => {
		const segmentId = await regionSegment('Suzhou')
		const dayId = await day({ segmentId })
		const id = await campaign()
		await linkCampaign(dayId, id)
		const [insider, outsider] = await Promise.all([memberWith(0, 'Suzhou'), memberWith(0, 'Beijing')])
		const listed = async (viewer: { id: string; role: string } | null) => (await listOpenCampaigns(viewer)).some((c) => c.id === id)
		expect(await listed({ id: insider, role: 'customer' })).toBe(true)
		expect(await listed({ id: outsider, role: 'customer' })).toBe(false)
		expect(await listed(null)).toBe(false)
		expect(await listed({ id: outsider, role: 'merchant' })).toBe(true)
		expect(await canSeeDayActivity({ id: insider, role: 'customer' }, dayId)).toBe(true)
		expect(await canSeeDayActivity({ id: outsider, role: 'customer' }, dayId)).toBe(false)
		expect(await canSeeDayActivity(null, dayId)).toBe(false)
	})
})

describe('a member day\'s flash sales', () => {
	test('a member outside the segment cannot claim, stock unchanged; a member inside can', async () => {
		const segmentId = await regionSegment('Ningbo')
		const dayId = await day({ segmentId })
		const { roomId, saleId } = await sale()
		expect(await linkFlashSale(dayId, saleId)).toEqual({ ok: true })
		const [insider, outsider] = await Promise.all([memberWith(0, 'Ningbo'), memberWith(0, 'Beijing')])
		expect(await claim(roomId, saleId, outsider)).toEqual({ ok: false, error: 'dayActivities.error.notEligible' })
		expect(await prisma.flashSale.findUniqueOrThrow({ where: { id: saleId }, select: { remaining: true } })).toEqual({ remaining: 5 })
		expect(await prisma.flashClaim.count({ where: { saleId } })).toBe(0)
		expect(await prisma.orderIntent.count({ where: { memberId: outsider } })).toBe(0)
		expect(await claim(roomId, saleId, insider)).toMatchObject({ ok: true, claimed: 1, remaining: 4 })
	})

	test('20 concurrent claims by members inside and outside the audience on 5 in stock: exactly 5 units, all to members inside', async () => {
		const segmentId = await regionSegment('Wuxi')
		const dayId = await day({ segmentId })
		const { roomId, saleId } = await sale(5, 1)
		await linkFlashSale(dayId, saleId)
		const insiders = await Promise.all(Array.from({ length: 10 }, () => memberWith(0, 'Wuxi')))
		const outsiders = await Promise.all(Array.from({ length: 10 }, () => memberWith(0, 'Shanghai')))
		const everyone = insiders.flatMap((m, i) => [m, outsiders[i]!])
		const results = await Promise.all(everyone.map((m) => claim(roomId, saleId, m)))
		const refusedOutsiders = results.filter((r, i) => i % 2 === 1 && !r.ok && r.error === 'dayActivities.error.notEligible')
		expect(refusedOutsiders).toHaveLength(10)
		expect(results.filter((r) => r.ok)).toHaveLength(5)
		expect(await prisma.flashSale.findUniqueOrThrow({ where: { id: saleId }, select: { remaining: true } })).toEqual({ remaining: 0 })
		const claims = await prisma.flashClaim.findMany({ where: { saleId }, select: { memberId: true, quantity: true } })
		expect(claims.reduce((sum, c) => sum + c.quantity, 0)).toBe(5)
		expect(claims.every((c) => insiders.includes(c.memberId))).toBe(true)
		expect(await prisma.orderIntent.count({ where: { sourceId: saleId, memberId: { in: outsiders } } })).toBe(0)
	}, 30_000)
})

describe('linking activities to a day', () => {
	test('refuses an ended day, a missing campaign or sale, and one already another day\'s; nothing changes', async () => {
		const dayId = await day({ endsAt: new Date(Date.now() + 2 * HOUR) })
		const id = await campaign()
		const { saleId } = await sale()
		expect(await linkCampaign(dayId, id, new Date(Date.now() + 3 * HOUR))).toEqual({ ok: false, error: 'dayActivities.error.dayOver' })
		expect(await linkFlashSale(dayId, saleId, new Date(Date.now() + 3 * HOUR))).toEqual({ ok: false, error: 'dayActivities.error.dayOver' })
		expect(await linkCampaign('no-such-day', id)).toEqual({ ok: false, error: 'dayActivities.error.noDay' })
		expect(await linkCampaign(dayId, 'no-such-campaign')).toEqual({ ok: false, error: 'dayActivities.error.noCampaign' })
		expect(await linkFlashSale(dayId, 'no-such-sale')).toEqual({ ok: false, error: 'dayActivities.error.noSale' })
		expect(await prisma.campaign.findUniqueOrThrow({ where: { id }, select: { memberDayId: true } })).toEqual({ memberDayId: null })

		const other = await day()
		expect(await linkCampaign(other, id)).toEqual({ ok: true })
		expect(await linkFlashSale(other, saleId)).toEqual({ ok: true })
		expect(await linkCampaign(dayId, id)).toEqual({ ok: false, error: 'dayActivities.error.linkedElsewhere' })
		expect(await linkFlashSale(dayId, saleId)).toEqual({ ok: false, error: 'dayActivities.error.linkedElsewhere' })
		expect(await prisma.campaign.findUniqueOrThrow({ where: { id }, select: { memberDayId: true } })).toEqual({ memberDayId: other })
		// Linking again to the same day is no change, not an error.
		expect(await linkCampaign(other, id)).toEqual({ ok: true })
	})

	test('refuses an ended campaign and a closed sale', async () => {
		const dayId = await day()
		const id = await campaign()
		const { saleId } = await sale()
		const later = new Date(Date.now() + 6 * DAY)
		const dayLate = await day({ endsAt: new Date(Date.now() + 10 * DAY) })
		expect(await linkCampaign(dayLate, id, later)).toEqual({ ok: false, error: 'dayActivities.error.campaignEnded' })
		expect(await linkFlashSale(dayLate, saleId, later)).toEqual({ ok: false, error: 'dayActivities.error.saleClosed' })
		expect(await linkCampaign(dayId, id)).toEqual({ ok: true })
	})

	test('dayActivities lists what was linked, with its link and state', async () => {
		const dayId = await day()
		const id = await campaign(0)
		const { roomId, saleId } = await sale(7)
		await Promise.all([linkCampaign(dayId, id), linkFlashSale(dayId, saleId)])
		const shown = await dayActivities(dayId)
		expect(shown.campaigns).toEqual([expect.objectContaining({ id, costPoints: 0, state: 'open', link: `/draws/${id}` })])
		expect(shown.sales).toEqual([expect.objectContaining({ id: saleId, productName: 'Jade tea tray', roomTitle: 'Member day live', remaining: 7, stock: 7, state: 'open', link: `/live/${roomId}` })])
		// The campaign runs longer than the day on both sides: it is shown for the day's window, when it can be used.
		const window = await prisma.memberDay.findUniqueOrThrow({ where: { id: dayId }, select: { startsAt: true, endsAt: true } })
		expect(shown.campaigns[0]).toMatchObject({ startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() })
		expect(await dayActivities(await day())).toEqual({ campaigns: [], sales: [] })
	})
})
