import { z } from 'zod'
import { memberDayGate } from '#app/domain/member-days/activities.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { LiveActor, RoomAccess } from './access.server.ts'
import type { Refusal } from './chat.server.ts'
import { isPinned } from './pins.server.ts'
import { SALE_LIMITS, type FlashSaleView } from './views.ts'

const between = ([min, max]: readonly [number, number]) => z.number().int().min(min).max(max)
export const SaleSchema = z.object({
	productId: z.string().min(1).max(64),
	priceCents: z.number().int().min(0).max(100_000_000),
	stock: between(SALE_LIMITS.stock),
	perMember: between(SALE_LIMITS.perMember),
	countdownSeconds: between(SALE_LIMITS.countdownSeconds),
	durationMinutes: between(SALE_LIMITS.durationMinutes),
})
export type SaleInput = z.output<typeof SaleSchema>

type Outcome<T> = ({ ok: true } & T) | ({ ok: false } & Refusal)

const SALE_SELECT = {
	id: true,
	productId: true,
	priceCents: true,
	stock: true,
	remaining: true,
	perMember: true,
	opensAt: true,
	closesAt: true,
	stoppedAt: true,
	product: { select: { name: true, priceCents: true } },
} as const
type SaleRow = { id: string; productId: string; priceCents: number; stock: number; remaining: number; perMember: number; opensAt: Date; closesAt: Date; stoppedAt: Date | null; product: { name: string; priceCents: number } }

const toView = (row: SaleRow): FlashSaleView => ({
	id: row.id,
	productId: row.productId,
	productName: row.product.name,
	priceCents: row.priceCents,
	listPriceCents: row.product.priceCents,
	stock: row.stock,
	remaining: row.remaining,
	perMember: row.perMember,
	opensAt: row.opensAt.toISOString(),
	closesAt: row.closesAt.toISOString(),
	stoppedAt: row.stoppedAt?.toISOString() ?? null,
})

/** A sale still counting down or open; after it ends it stays on screen a little while, so viewers see how it went. */
const SHOWN_AFTER_END_MS = 2 * 60_000
const isOver = (sale: { closesAt: Date; stoppedAt: Date | null }, now: Date) => Boolean(sale.stoppedAt) || sale.closesAt <= now

export async function currentSale(roomId: string, now = new Date()): Promise<FlashSaleView | null> {
	const sale = await prisma.flashSale.findFirst({ where: { roomId }, orderBy: { createdAt: 'desc' }, select: SALE_SELECT })
	if (!sale) return null
	const endedAt = sale.stoppedAt ?? sale.closesAt
	return endedAt.getTime() + SHOWN_AFTER_END_MS < now.getTime() ? null : toView(sale)
}

/** The host starts a countdown sale on a pinned product; one sale at a time per room. */
export async function startSale(access: RoomAccess, actorId: string, input: SaleInput, now = new Date()): Promise<Outcome<{ sale: FlashSaleView }>> {
	if (!access.canModerate) return { ok: false, error: 'live.notModerator' }
	if (access.room.status !== 'live') return { ok: false, error: 'live.sale.notLive' }
	if (!(await isPinned(access.room.id, input.productId))) return { ok: false, error: 'live.sale.notPinned' }
	const running = await prisma.flashSale.findFirst({ where: { roomId: access.room.id, stoppedAt: null, closesAt: { gt: now } }, select: { id: true } })
	if (running) return { ok: false, error: 'live.sale.running' }
	const opensAt = new Date(now.getTime() + input.countdownSeconds * 1000)
	const sale = await prisma.flashSale.create({
		data: {
			roomId: access.room.id,
			productId: input.productId,
			priceCents: input.priceCents,
			stock: input.stock,
			remaining: input.stock,
			perMember: input.perMember,
			opensAt,
			closesAt: new Date(opensAt.getTime() + input.durationMinutes * 60_000),
			createdById: actorId,
		},
		select: SALE_SELECT,
	})
	return { ok: true, sale: toView(sale) }
}

export async function stopSale(access: RoomAccess, saleId: string, now = new Date()): Promise<Outcome<{ sale: FlashSaleView }>> {
	if (!access.canModerate) return { ok: false, error: 'live.notModerator' }
	await prisma.flashSale.updateMany({ where: { id: saleId, roomId: access.room.id, stoppedAt: null }, data: { stoppedAt: now } })
	const sale = await prisma.flashSale.findFirst({ where: { id: saleId, roomId: access.room.id }, select: SALE_SELECT })
	return sale ? { ok: true, sale: toView(sale) } : { ok: false, error: 'live.sale.noSale' }
}

export type ClaimResult = Outcome<{ claimed: number; remaining: number; intentId: string; duplicate: boolean }>

/**
 * Claims units of an open sale as one batch of guarded statements, so no race or retry can
 * oversell or pass the member's limit: the stock update matches only while the sale is open
 * with enough left (else the batch fails), the claim key is unique (a retry fails and is
 * answered with the first outcome), the member's tally has a CHECK against the limit, and
 * the member's order intent (source 'flash') grows by the same units.
 */
export async function claimUnits(access: RoomAccess, actor: LiveActor, input: { saleId: string; quantity: number; key: string }, now = new Date()): Promise<ClaimResult> {
	if (!actor) return { ok: false, error: 'live.sale.signIn' }
	if (access.banned) return { ok: false, error: 'live.chat.banned' }
	const { saleId, quantity, key } = input
	const sale = await prisma.flashSale.findFirst({ where: { id: saleId, roomId: access.room.id }, select: { id: true, perMember: true, opensAt: true, memberDayId: true } })
	if (!sale) return { ok: false, error: 'live.sale.noSale' }
	// A member day's sale: its audience's only, while the day is open; refused before any unit moves.
	const dayRefusal = sale.memberDayId ? await memberDayGate(sale.memberDayId, actor.id, now) : null
	if (dayRefusal) return { ok: false, error: dayRefusal }
	const claimKey = `${actor.id}:${key}`
	const answerExisting = async (): Promise<ClaimResult | null> => {
		const earlier = await prisma.flashClaim.findUnique({ where: { saleId_key: { saleId, key: claimKey } }, select: { id: true } })
		if (!earlier) return null
		return { ok: true, duplicate: true, ...(await standing(saleId, actor.id)) }
	}
	const repeated = await answerExisting()
	if (repeated) return repeated
	try {
		// NOTE: the sale's row, which every claim updates, comes last: on PostgreSQL its lock is then held
		// only until the commit, not through the other statements, so a crowd's claims queue for less.
		await prisma.$transaction([
			prisma.flashClaim.create({ data: { saleId, memberId: actor.id, key: claimKey, quantity, createdAt: now }, select: { id: true } }),
			prisma.flashTally.upsert({
				where: { saleId_memberId: { saleId, memberId: actor.id } },
				create: { saleId, memberId: actor.id, claimed: quantity, maxClaim: sale.perMember },
				update: { claimed: { increment: quantity } },
				select: { claimed: true },
			}),
			prisma.orderIntent.upsert({
				where: { source_sourceId_memberId_variant: { source: 'flash', sourceId: saleId, memberId: actor.id, variant: '' } },
				create: { source: 'flash', sourceId: saleId, memberId: actor.id, quantity },
				update: { quantity: { increment: quantity } },
				select: { id: true },
			}),
			prisma.flashSale.update({
				where: { id: saleId, stoppedAt: null, opensAt: { lte: now }, closesAt: { gt: now }, remaining: { gte: quantity } },
				data: { remaining: { decrement: quantity } },
				select: { id: true },
			}),
		])
	} catch {
		return (await answerExisting()) ?? { ok: false, ...(await whyNot(saleId, actor.id, quantity, now)) }
	}
	return { ok: true, duplicate: false, ...(await standing(saleId, actor.id)) }
}

async function standing(saleId: string, memberId: string): Promise<{ claimed: number; remaining: number; intentId: string }> {
	const [sale, tally, intent] = await Promise.all([
		prisma.flashSale.findUniqueOrThrow({ where: { id: saleId }, select: { remaining: true } }),
		prisma.flashTally.findUnique({ where: { saleId_memberId: { saleId, memberId } }, select: { claimed: true } }),
		prisma.orderIntent.findUniqueOrThrow({ where: { source_sourceId_memberId_variant: { source: 'flash', sourceId: saleId, memberId, variant: '' } }, select: { id: true } }),
	])
	return { claimed: tally?.claimed ?? 0, remaining: sale.remaining, intentId: intent.id }
}

/** After a refused batch: the reason, read from what is stored now. */
async function whyNot(saleId: string, memberId: string, quantity: number, now: Date): Promise<Refusal> {
	const [sale, tally] = await Promise.all([
		prisma.flashSale.findUniqueOrThrow({ where: { id: saleId }, select: { remaining: true, perMember: true, opensAt: true, closesAt: true, stoppedAt: true } }),
		prisma.flashTally.findUnique({ where: { saleId_memberId: { saleId, memberId } }, select: { claimed: true } }),
	])
	if (sale.opensAt > now) return { error: 'live.sale.notYet', params: { seconds: Math.ceil((sale.opensAt.getTime() - now.getTime()) / 1000) } }
	if (isOver(sale, now)) return { error: 'live.sale.over' }
	if ((tally?.claimed ?? 0) + quantity > sale.perMember) return { error: 'live.sale.limit', params: { max: sale.perMember } }
	if (sale.remaining < quantity) return sale.remaining === 0 ? { error: 'live.sale.soldOut' } : { error: 'live.sale.fewLeft', params: { remaining: sale.remaining } }
	return { error: 'live.sale.busy' }
}

/** Units this member holds in a sale, for the snapshot. */
export async function claimedBy(saleId: string, memberId: string): Promise<number> {
	const tally = await prisma.flashTally.findUnique({ where: { saleId_memberId: { saleId, memberId } }, select: { claimed: true } })
	return tally?.claimed ?? 0
}
