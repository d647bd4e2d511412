import type { Prisma } from '#app/generated/prisma/client.ts'
import { segmentIdsOf } from '#app/domain/segments/segments.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { isEligible, memberDayFor } from './days.server.ts'

// A member day's other activities: draw campaigns and live-room flash sales linked to the day.
// A linked one is the day's audience's only, and only while the day is open; an unlinked one
// is untouched. The draw and the claim ask memberDayGate before anything moves.

export type GateError = 'dayActivities.error.notEligible' | 'dayActivities.error.notOpen'
export type LinkError =
	| 'dayActivities.error.noDay'
	| 'dayActivities.error.dayOver'
	| 'dayActivities.error.noCampaign'
	| 'dayActivities.error.campaignEnded'
	| 'dayActivities.error.noSale'
	| 'dayActivities.error.saleClosed'
	| 'dayActivities.error.linkedElsewhere'
export type LinkResult = { ok: true } | { ok: false; error: LinkError }

const LIST_MAX = 20

/**
 * Whether a member may take part in an activity of this day now: null when allowed (always, when
 * the activity belongs to no day), else why not. One read of the day, then the segment check.
 * Staff get no pass: the rule is the member's own.
 */
export async function memberDayGate(memberDayId: string | null, memberId: string, now = new Date()): Promise<GateError | null> {
	if (!memberDayId) return null
	const day = await prisma.memberDay.findUnique({ where: { id: memberDayId }, select: { startsAt: true, endsAt: true, segmentId: true } })
	// NOTE: deleting a day sets its activities' memberDayId to null; a day gone mid-call frees them the same way.
	if (!day) return null
	if (!(await isEligible(day, memberId, now))) return 'dayActivities.error.notEligible'
	if (now < day.startsAt || now >= day.endsAt) return 'dayActivities.error.notOpen'
	return null
}

/**
 * The filter on member days a viewer may see an activity of (as memberDayFor decides for one day),
 * or null for staff, who see every day; others see a day of their audience, a surprise day only once it has opened.
 */
export async function visibleDaysWhere(viewer: { id: string; role: string } | null, now = new Date()): Promise<Prisma.MemberDayWhereInput | null> {
	const segments = await segmentIdsOf(viewer, now)
	if (segments === 'all') return null
	return {
		AND: [
			{ OR: [{ segmentId: null }, ...(segments.size ? [{ segmentId: { in: [...segments] } }] : [])] },
			{ OR: [{ surprise: false }, { startsAt: { lte: now } }] },
		],
	}
}

/** Whether a viewer may see an activity of this day at all (its page is a 404 otherwise). */
export async function canSeeDayActivity(viewer: { id: string; role: string } | null, memberDayId: string | null, now = new Date()): Promise<boolean> {
	if (!memberDayId) return true
	if (viewer) return (await memberDayFor(viewer, memberDayId, now)) !== null
	const day = await prisma.memberDay.findUnique({ where: { id: memberDayId }, select: { segmentId: true, surprise: true, startsAt: true } })
	return Boolean(day && day.segmentId === null && !(day.surprise && now < day.startsAt))
}

async function dayStillOn(dayId: string, now: Date): Promise<LinkError | null> {
	const day = await prisma.memberDay.findUnique({ where: { id: dayId }, select: { endsAt: true } })
	if (!day) return 'dayActivities.error.noDay'
	return day.endsAt <= now ? 'dayActivities.error.dayOver' : null
}

/** Makes a campaign part of a day; refuses an ended day or campaign, and one already another day's. */
export async function linkCampaign(dayId: string, campaignId: string, now = new Date()): Promise<LinkResult> {
	const [dayError, campaign] = await Promise.all([
		dayStillOn(dayId, now),
		prisma.campaign.findUnique({ where: { id: campaignId }, select: { endsAt: true } }),
	])
	if (dayError) return { ok: false, error: dayError }
	if (!campaign) return { ok: false, error: 'dayActivities.error.noCampaign' }
	if (campaign.endsAt <= now) return { ok: false, error: 'dayActivities.error.campaignEnded' }
	// Guarded, so two days racing for one campaign cannot both have it.
	const { count } = await prisma.campaign.updateMany({ where: { id: campaignId, OR: [{ memberDayId: null }, { memberDayId: dayId }] }, data: { memberDayId: dayId } })
	return count === 1 ? { ok: true } : { ok: false, error: 'dayActivities.error.linkedElsewhere' }
}

/** Makes a flash sale part of a day; refuses an ended day, a closed sale, and one already another day's. */
export async function linkFlashSale(dayId: string, saleId: string, now = new Date()): Promise<LinkResult> {
	const [dayError, sale] = await Promise.all([
		dayStillOn(dayId, now),
		prisma.flashSale.findUnique({ where: { id: saleId }, select: { closesAt: true, stoppedAt: true } }),
	])
	if (dayError) return { ok: false, error: dayError }
	if (!sale) return { ok: false, error: 'dayActivities.error.noSale' }
	if (sale.stoppedAt || sale.closesAt <= now) return { ok: false, error: 'dayActivities.error.saleClosed' }
	const { count } = await prisma.flashSale.updateMany({ where: { id: saleId, OR: [{ memberDayId: null }, { memberDayId: dayId }] }, data: { memberDayId: dayId } })
	return count === 1 ? { ok: true } : { ok: false, error: 'dayActivities.error.linkedElsewhere' }
}

export type ActivityState = 'upcoming' | 'open' | 'over'
export type DayActivitiesView = {
	campaigns: { id: string; title: string; startsAt: string; endsAt: string; state: ActivityState; costPoints: number; link: string }[]
	sales: { id: string; productName: string; roomTitle: string; opensAt: string; closesAt: string; state: ActivityState; remaining: number; stock: number; link: string }[]
}

const stateAt = (now: Date, from: Date, until: Date): ActivityState => (now < from ? 'upcoming' : now < until ? 'open' : 'over')

/** What a day offers besides its blind boxes, soonest first, ended ones included; plain data for a loader. */
export async function dayActivities(dayId: string, now = new Date()): Promise<DayActivitiesView> {
	const [day, campaigns, sales] = await Promise.all([
		prisma.memberDay.findUnique({ where: { id: dayId }, select: { startsAt: true, endsAt: true } }),
		prisma.campaign.findMany({
			where: { memberDayId: dayId },
			orderBy: { startsAt: 'asc' },
			take: LIST_MAX,
			select: { id: true, title: true, startsAt: true, endsAt: true, costPoints: true },
		}),
		prisma.flashSale.findMany({
			where: { memberDayId: dayId },
			orderBy: { opensAt: 'asc' },
			take: LIST_MAX,
			select: { id: true, roomId: true, opensAt: true, closesAt: true, stoppedAt: true, remaining: true, stock: true, product: { select: { name: true } }, room: { select: { title: true } } },
		}),
	])
	// A linked activity is open only while both it and the day are: show that window.
	const within = (from: Date, until: Date) => ({
		from: day && day.startsAt > from ? day.startsAt : from,
		until: day && day.endsAt < until ? day.endsAt : until,
	})
	return {
		campaigns: campaigns.map((c) => {
			const { from, until } = within(c.startsAt, c.endsAt)
			return { id: c.id, title: c.title, startsAt: from.toISOString(), endsAt: until.toISOString(), state: stateAt(now, from, until), costPoints: c.costPoints, link: `/draws/${c.id}` }
		}),
		sales: sales.map((s) => ({
			id: s.id,
			productName: s.product.name,
			roomTitle: s.room.title,
			opensAt: s.opensAt.toISOString(),
			closesAt: s.closesAt.toISOString(),
			state: stateAt(now, s.opensAt, s.stoppedAt ?? s.closesAt),
			remaining: s.remaining,
			stock: s.stock,
			link: `/live/${s.roomId}`,
		})),
	}
}

/** The console's choices: campaigns not ended and sales not closed that belong to no day yet. */
export async function linkableActivities(now = new Date()) {
	const [campaigns, sales] = await Promise.all([
		prisma.campaign.findMany({ where: { memberDayId: null, endsAt: { gt: now } }, orderBy: { startsAt: 'asc' }, take: 50, select: { id: true, title: true } }),
		prisma.flashSale.findMany({
			where: { memberDayId: null, stoppedAt: null, closesAt: { gt: now } },
			orderBy: { opensAt: 'asc' },
			take: 50,
			select: { id: true, product: { select: { name: true } }, room: { select: { title: true } } },
		}),
	])
	return { campaigns, sales: sales.map((s) => ({ id: s.id, productName: s.product.name, roomTitle: s.room.title })) }
}

/** What is linked to each of these days, in two reads (the console's list). */
export async function linkedActivityNames(dayIds: string[]): Promise<Map<string, string[]>> {
	const [campaigns, sales] = await Promise.all([
		prisma.campaign.findMany({ where: { memberDayId: { in: dayIds } }, orderBy: { startsAt: 'asc' }, take: 200, select: { memberDayId: true, title: true } }),
		prisma.flashSale.findMany({ where: { memberDayId: { in: dayIds } }, orderBy: { opensAt: 'asc' }, take: 200, select: { memberDayId: true, product: { select: { name: true } } } }),
	])
	const names = new Map<string, string[]>()
	for (const { memberDayId, name } of [...campaigns.map((c) => ({ memberDayId: c.memberDayId, name: c.title })), ...sales.map((s) => ({ memberDayId: s.memberDayId, name: s.product.name }))]) {
		if (memberDayId) names.set(memberDayId, [...(names.get(memberDayId) ?? []), name])
	}
	return names
}
