import { z } from 'zod'
import { visibleDaysWhere } from '#app/domain/member-days/activities.server.ts'
import { activeTemplateIds } from '#app/domain/membership/coupon-templates.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { newSeed } from './fairness.server.ts'
import { PRIZE_KINDS } from './limits.ts'


const PrizeSchema = z
	.object({
		name: z.string().trim().min(1, 'lottery.prizeName').max(80, 'lottery.prizeName'),
		kind: z.enum(PRIZE_KINDS),
		points: z.number().int().positive().max(1_000_000).nullable().default(null),
		total: z.number().int('lottery.prizeCount').positive('lottery.prizeCount').max(1_000_000, 'lottery.prizeCount'),
		/** kind coupon: the coupon template each winner of this prize receives. */
		couponTemplateId: z.string().trim().min(1).nullable().default(null),
	})
	.refine((p) => (p.kind === 'points') === (p.points !== null), { message: 'lottery.prizePoints', path: ['points'] })
	.refine((p) => p.kind === 'coupon' || p.couponTemplateId === null, { message: 'lottery.prizeCouponTemplate', path: ['couponTemplateId'] })

export const CampaignSchema = z
	.object({
		title: z.string().trim().min(1, 'lottery.title').max(80, 'lottery.title'),
		costPoints: z.number().int('lottery.cost').min(0, 'lottery.cost').max(1_000_000, 'lottery.cost'),
		perMemberLimit: z.number().int('lottery.limit').min(1, 'lottery.limit').max(1000, 'lottery.limit'),
		startsAt: z.date(),
		endsAt: z.date(),
		/** true: every draw wins something, so prizes of kind "nothing" are refused. */
		noEmptyDraws: z.boolean().default(false),
		prizes: z.array(PrizeSchema).min(1, 'lottery.prizes').max(50, 'lottery.prizes'),
	})
	.refine((c) => c.endsAt > c.startsAt, { message: 'lottery.dates', path: ['endsAt'] })
	.refine((c) => !c.noEmptyDraws || c.prizes.every((p) => p.kind !== 'nothing'), { message: 'lottery.emptyDraws', path: ['prizes'] })

export type CampaignInput = z.input<typeof CampaignSchema>

/**
 * Creates a campaign with its prize pool and seed commitment; refuses bad input whole. A coupon
 * prize names the coupon template its winners get, which must exist and be active. The console
 * passes `couponTemplateRequired`; without it a coupon prize may have no template and is then
 * handed over by the merchant (as campaigns made before coupons existed were).
 */
export async function createCampaign(
	input: CampaignInput,
	options: { couponTemplateRequired?: boolean } = {},
): Promise<{ ok: true; id: string; seedHash: string } | { ok: false; errors: Record<string, string> }> {
	const parsed = CampaignSchema.safeParse(input)
	const errors: Record<string, string> = {}
	if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message
	const prizesIn = parsed.success ? parsed.data.prizes : []
	const templateIds = [...new Set(prizesIn.flatMap((p) => (p.couponTemplateId ? [p.couponTemplateId] : [])))]
	const usable = templateIds.length > 0 ? await activeTemplateIds(templateIds) : new Set<string>()
	prizesIn.forEach((p, i) => {
		if (p.kind !== 'coupon') return
		if (p.couponTemplateId ? !usable.has(p.couponTemplateId) : options.couponTemplateRequired) errors[`prizes.${i}.couponTemplateId`] ??= 'lottery.prizeCouponTemplate'
	})
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
	const { prizes, noEmptyDraws: _rule, ...campaign } = parsed.data
	const { seed, seedHash } = newSeed()
	const created = await prisma.campaign.create({
		data: {
			...campaign,
			seed,
			seedHash,
			prizes: { create: prizes.map((p, position) => ({ ...p, position, remaining: p.total })) },
		},
		select: { id: true },
	})
	return { ok: true, id: created.id, seedHash }
}

/**
 * What anyone may see of a campaign: the pool, the odds, the commitment, and the
 * seed itself only once the campaign has closed.
 */
export async function getCampaign(id: string, now = new Date()) {
	const row = await prisma.campaign.findUnique({
		where: { id },
		select: {
			id: true, title: true, costPoints: true, perMemberLimit: true, startsAt: true, endsAt: true, seed: true, seedHash: true, memberDayId: true,
			prizes: { orderBy: { position: 'asc' }, select: { id: true, position: true, name: true, kind: true, points: true, total: true, remaining: true } },
		},
	})
	if (!row) return null
	const { seed, ...rest } = row
	return { ...rest, seed: now >= row.endsAt ? seed : null, open: now >= row.startsAt && now < row.endsAt }
}

/** Campaigns open now, soonest ending first; a member day's only for a viewer who may see that day. */
export async function listOpenCampaigns(viewer: { id: string; role: string } | null, now = new Date()) {
	const days = await visibleDaysWhere(viewer, now)
	return prisma.campaign.findMany({
		where: { startsAt: { lte: now }, endsAt: { gt: now }, ...(days ? { OR: [{ memberDayId: null }, { memberDay: days }] } : {}) },
		orderBy: { endsAt: 'asc' },
		take: 20,
		select: { id: true, title: true, costPoints: true, endsAt: true },
	})
}

/** A member's draws, newest first, with what they won. */
export async function listMemberDraws(memberId: string, take = 50) {
	const rows = await prisma.draw.findMany({
		where: { userId: memberId },
		orderBy: { createdAt: 'desc' },
		take: Math.min(take, 100),
		select: { id: true, createdAt: true, shipTo: true, shippedAt: true, campaign: { select: { id: true, title: true } }, prize: { select: { name: true, kind: true, points: true } } },
	})
	return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), shippedAt: r.shippedAt?.toISOString() ?? null }))
}

export function countMemberDraws(campaignId: string, memberId: string) {
	return prisma.draw.count({ where: { campaignId, userId: memberId } })
}

/** Every campaign, newest first, with how many draws it has had (the console's list). */
export async function listCampaigns(take = 50) {
	const rows = await prisma.campaign.findMany({
		orderBy: { createdAt: 'desc' },
		take: Math.min(take, 100),
		select: { id: true, title: true, costPoints: true, startsAt: true, endsAt: true, _count: { select: { draws: true } } },
	})
	return rows.map((r) => ({ id: r.id, title: r.title, costPoints: r.costPoints, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), draws: r._count.draws }))
}
