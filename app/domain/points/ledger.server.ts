import { Prisma } from '#app/generated/prisma/client.ts'
import { pointsMultiplierPct } from '#app/domain/membership/tiers.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getRule, getValidityMonths } from './rules.server.ts'
import { isTrigger, periodStart } from './triggers.ts'

// Every write here is one batch transaction of single statements: the entry (whose
// unique key makes a retry or a race pay once) and the cached balance (whose CHECK
// constraint refuses to go below zero). No read-then-write transaction is held open
// (docs/decisions/005-points-ledger.md).

export type LedgerError =
	| 'points.badKey'
	| 'points.badAmount'
	| 'points.unknownRule'
	| 'points.ruleDisabled'
	| 'points.capReached'
	| 'points.insufficient'
export type LedgerResult = { ok: true; entryId: string; amount: number; duplicate: boolean } | { ok: false; error: LedgerError }

const MAX_KEY_LENGTH = 200
const MAX_SPEND = 10_000_000

function isUniqueViolation(error: unknown): boolean {
	return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

async function existing(key: string): Promise<LedgerResult | null> {
	const row = await prisma.pointsEntry.findUnique({ where: { key }, select: { id: true, amount: true } })
	return row ? { ok: true, entryId: row.id, amount: row.amount, duplicate: true } : null
}

function addMonths(date: Date, months: number): Date {
	const d = new Date(date)
	d.setUTCMonth(d.getUTCMonth() + months)
	return d
}

type EntryData = { userId: string; amount: number; reason: string; key: string; sourceRef?: string | null; capKey?: string | null; expiresAt?: Date | null }

/**
 * The two statements of one ledger entry: the entry and its balance change. Another
 * capability (a draw) puts them in its own batch, so value moves with its cause.
 */
export function ledgerStatements(data: EntryData) {
	return [
		prisma.pointsEntry.create({ data, select: { id: true } }),
		data.amount > 0
			? prisma.pointsBalance.upsert({ where: { userId: data.userId }, create: { userId: data.userId, balance: data.amount }, update: { balance: { increment: data.amount } }, select: { balance: true } })
			: prisma.pointsBalance.update({ where: { userId: data.userId }, data: { balance: { decrement: -data.amount } }, select: { balance: true } }),
	] as const
}

/** Writes one entry and moves the cached balance with it, atomically. */
function writeEntry(data: EntryData) {
	return prisma.$transaction([...ledgerStatements(data)])
}

/** When points granted now expire (the merchant's validity period). */
export async function grantExpiry(now = new Date()): Promise<Date> {
	return addMonths(now, await getValidityMonths())
}

async function multiplied(memberId: string, points: number): Promise<number> {
	const pct = await pointsMultiplierPct(memberId)
	return Math.max(points, Math.floor((points * pct) / 100))
}

/**
 * Pays a member for a trigger under the merchant's rule. `key` names the event
 * (e.g. `post:123:published`): the same key again returns the first payment.
 */
export async function award(input: { memberId: string; trigger: string; key: string; sourceRef?: string; points?: number }): Promise<LedgerResult> {
	if (!input.key || input.key.length > MAX_KEY_LENGTH) return { ok: false, error: 'points.badKey' }
	if (!isTrigger(input.trigger)) return { ok: false, error: 'points.unknownRule' }
	const already = await existing(input.key)
	if (already) return already
	const rule = await getRule(input.trigger)
	if (!rule.enabled) return { ok: false, error: 'points.ruleDisabled' }
	// Prize packs and commission carry their own size; every other trigger pays what the rule
	// says, times the member's tier multiplier (rounded down, never below the rule). The key is
	// checked above and is unique below, so a retry pays once even if the tier changed between.
	const amount = input.points ?? (await multiplied(input.memberId, rule.points))
	if (!Number.isInteger(amount) || amount <= 0) return { ok: false, error: 'points.badAmount' }
	const now = new Date()
	const expiresAt = await grantExpiry(now)

	for (let attempt = 0; attempt <= (rule.capCount ?? 0); attempt++) {
		let capKey: string | null = null
		if (rule.capCount && rule.capPeriod) {
			const since = periodStart(rule.capPeriod, now)
			const used = await prisma.pointsEntry.count({ where: { userId: input.memberId, reason: input.trigger, createdAt: { gte: since }, capKey: { not: null } } })
			if (used >= rule.capCount) return { ok: false, error: 'points.capReached' }
			// One row per slot: two racing awards that both saw `used` cannot both take it.
			capKey = `${input.trigger}:${input.memberId}:${since.toISOString()}:${used + 1}`
		}
		try {
			const [entry] = await writeEntry({ userId: input.memberId, amount, reason: input.trigger, key: input.key, sourceRef: input.sourceRef ?? null, capKey, expiresAt })
			return { ok: true, entryId: entry.id, amount, duplicate: false }
		} catch (error) {
			if (!isUniqueViolation(error)) throw error
			const duplicate = await existing(input.key)
			if (duplicate) return duplicate
			// The cap slot was taken by a racing award: count again.
		}
	}
	return { ok: false, error: 'points.capReached' }
}

/**
 * Takes points from a member (a draw, a blind box). Never below zero; the same key
 * again returns the first spend. Due lots expire first, so expired points are never spent.
 */
export async function spend(input: { memberId: string; amount: number; reason: string; key: string; sourceRef?: string }): Promise<LedgerResult> {
	if (!input.key || input.key.length > MAX_KEY_LENGTH) return { ok: false, error: 'points.badKey' }
	if (!Number.isInteger(input.amount) || input.amount <= 0 || input.amount > MAX_SPEND) return { ok: false, error: 'points.badAmount' }
	const already = await existing(input.key)
	if (already) return already
	await expireDue(input.memberId)
	try {
		const [entry] = await writeEntry({ userId: input.memberId, amount: -input.amount, reason: input.reason, key: input.key, sourceRef: input.sourceRef ?? null })
		return { ok: true, entryId: entry.id, amount: -input.amount, duplicate: false }
	} catch (error) {
		const duplicate = isUniqueViolation(error) ? await existing(input.key) : null
		if (duplicate) return duplicate
		// The balance CHECK (or a missing balance row) refused it: nothing was written.
		return { ok: false, error: 'points.insufficient' }
	}
}

type Lot = { id: string; amount: number; expiresAt: Date | null; remaining: number }

/**
 * Each grant is a lot; spends and expiries consume lots oldest-expiry-first. What
 * remains of each lot follows from the totals, so no lot is ever rewritten.
 */
async function lotsOf(memberId: string): Promise<Lot[]> {
	const [grants, taken] = await Promise.all([
		prisma.pointsEntry.findMany({
			where: { userId: memberId, amount: { gt: 0 } },
			orderBy: [{ expiresAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
			select: { id: true, amount: true, expiresAt: true },
		}),
		prisma.pointsEntry.aggregate({ where: { userId: memberId, amount: { lt: 0 } }, _sum: { amount: true } }),
	])
	let consumed = -(taken._sum.amount ?? 0)
	return grants.map((g) => {
		const used = Math.min(g.amount, Math.max(consumed, 0))
		consumed -= used
		return { ...g, remaining: g.amount - used }
	})
}

/** Writes an expiry for every lot past its date that still holds points; safe to repeat. */
export async function expireDue(memberId: string, now = new Date()): Promise<number> {
	let expired = 0
	for (const lot of await lotsOf(memberId)) {
		if (!lot.expiresAt || lot.expiresAt > now || lot.remaining <= 0) continue
		try {
			await writeEntry({ userId: memberId, amount: -lot.remaining, reason: 'expire', key: `expire:${lot.id}`, sourceRef: lot.id })
			expired += lot.remaining
		} catch (error) {
			if (!isUniqueViolation(error)) throw error
		}
	}
	return expired
}

export async function getBalance(memberId: string): Promise<number> {
	await expireDue(memberId)
	const row = await prisma.pointsBalance.findUnique({ where: { userId: memberId }, select: { balance: true } })
	return row?.balance ?? 0
}

/** The sum of the member's entries: what the cached balance must always equal. */
export async function sumOfEntries(memberId: string): Promise<number> {
	const { _sum } = await prisma.pointsEntry.aggregate({ where: { userId: memberId }, _sum: { amount: true } })
	return _sum.amount ?? 0
}

/** Points that will expire, by date, soonest first: "N points expire on DATE". */
export async function upcomingExpiries(memberId: string, now = new Date(), limit = 3): Promise<{ date: string; points: number }[]> {
	const byDate = new Map<string, number>()
	for (const lot of await lotsOf(memberId)) {
		if (!lot.expiresAt || lot.expiresAt <= now || lot.remaining <= 0) continue
		const date = lot.expiresAt.toISOString().slice(0, 10)
		byDate.set(date, (byDate.get(date) ?? 0) + lot.remaining)
	}
	return [...byDate].slice(0, limit).map(([date, points]) => ({ date, points }))
}

/** The member's ledger, newest first, a page at a time. */
export async function listHistory(memberId: string, options: { cursor?: string | null; take?: number } = {}) {
	const take = Math.min(Math.max(options.take ?? 20, 1), 50)
	const rows = await prisma.pointsEntry.findMany({
		where: { userId: memberId },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: take + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: { id: true, amount: true, reason: true, sourceRef: true, expiresAt: true, createdAt: true },
	})
	const page = rows.slice(0, take)
	return {
		items: page.map((r) => ({ ...r, expiresAt: r.expiresAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() })),
		nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null,
	}
}

/** Points paid out for the given reasons, in total (what a campaign cost in points). */
export async function totalAwarded(reasons: string[]): Promise<number> {
	const { _sum } = await prisma.pointsEntry.aggregate({ where: { reason: { in: reasons }, amount: { gt: 0 } }, _sum: { amount: true } })
	return _sum.amount ?? 0
}

/**
 * Takes back grants whose cause was withdrawn (staff hid the post they paid for), each by a
 * new entry: the ledger keeps the grant and shows the reversal. A member who already spent
 * the points loses what is left, never more (the balance does not go below zero). The key
 * `reverse:<grant id>` makes a retry or race reverse a grant once.
 */
export async function reverseGrants(sourceRef: string): Promise<number> {
	const grants = await prisma.pointsEntry.findMany({
		where: { sourceRef, amount: { gt: 0 } },
		select: { id: true, userId: true, amount: true },
	})
	let reversed = 0
	for (const grant of grants) {
		const key = `reverse:${grant.id}`
		if (await existing(key)) continue
		// Two tries: a spend landing between the balance read and the write shrinks what can be taken.
		for (let attempt = 0; attempt < 2; attempt++) {
			const balance = await getBalance(grant.userId)
			const amount = Math.min(grant.amount, balance)
			if (amount <= 0) break
			try {
				await writeEntry({ userId: grant.userId, amount: -amount, reason: 'reverse', key, sourceRef: grant.id })
				reversed += amount
				break
			} catch (error) {
				if (isUniqueViolation(error)) break
			}
		}
	}
	return reversed
}
