import { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { auditStatement } from '#app/domain/moderation/audit.server.ts'
import { prisma } from '#app/lib/db.server.ts'

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'

/** ¥1,000,000 in one payout: anything larger is a typo. */
const MAX_PAYOUT_CENTS = 100_000_000
const MAX_NOTE = 200

/** The payout form: the amount in yuan as the merchant types it ("120.50"), and a note. */
export const PayoutSchema = z.object({
	superUserId: z.string().min(1),
	amount: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim().replace(',', '.')) : undefined),
		z
			.number({ required_error: 'commission.error.payoutAmount', invalid_type_error: 'commission.error.payoutAmount' })
			.positive('commission.error.payoutAmount')
			.refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'commission.error.payoutAmount')
			.transform((v) => Math.round(v * 100)),
	),
	note: z.string().trim().max(MAX_NOTE, 'commission.error.noteTooLong').default(''),
})

export type CommissionBalance = { cashCents: number; points: number }

/**
 * What the shop owes a super-user in cash (earned − reversed − paid out), and the points
 * commission they hold net of reversals (already credited to their points, never settled).
 */
export async function commissionBalance(superUserId: string): Promise<CommissionBalance> {
	const sums = await prisma.commissionEntry.groupBy({ by: ['currency'], where: { superUserId }, _sum: { amount: true } })
	const of = (currency: string) => sums.find((s) => s.currency === currency)?._sum.amount ?? 0
	return { cashCents: of('cash'), points: of('points') }
}

export type SettleResult =
	| { ok: true; entryId: string; balanceCents: number }
	| { ok: false; error: 'commission.error.payoutAmount' | 'commission.error.noteTooLong' | 'commission.error.aboveBalance' | 'commission.error.busy'; balanceCents?: number }

/**
 * Records cash the merchant paid a super-user outside Quanzi: a negative `settle` entry,
 * refused above the cash balance. Logged in the audit log with the payout.
 *
 * NOTE: the key numbers the super-user's payouts (`commission:settle:<id>:<n>`, n read before
 * the balance), so two payouts that saw the same balance race for one key and the loser reads
 * again. A refund reversed between the read and the write can still leave the balance
 * negative, exactly as a refund after a payout does; later earnings make it up.
 * settle entries carry level 1: the CHECK wants a level, and a payout is the super-user's own.
 */
export async function settleCash(superUserId: string, amountCents: number, note: string, merchantId: string): Promise<SettleResult> {
	if (!Number.isInteger(amountCents) || amountCents <= 0 || amountCents > MAX_PAYOUT_CENTS) return { ok: false, error: 'commission.error.payoutAmount' }
	const text = note.trim()
	if (text.length > MAX_NOTE) return { ok: false, error: 'commission.error.noteTooLong' }
	for (let attempt = 0; attempt < 3; attempt++) {
		const payouts = await prisma.commissionEntry.count({ where: { superUserId, kind: 'settle' } })
		const { cashCents } = await commissionBalance(superUserId)
		if (amountCents > cashCents) return { ok: false, error: 'commission.error.aboveBalance', balanceCents: cashCents }
		try {
			const [entry] = await prisma.$transaction([
				prisma.commissionEntry.create({
					data: { superUserId, level: 1, kind: 'settle', currency: 'cash', amount: -amountCents, key: `commission:settle:${superUserId}:${payouts + 1}`, note: text || null },
					select: { id: true },
				}),
				auditStatement({ actorId: merchantId, action: 'commission.settle', targetType: 'member', targetId: superUserId, detail: { amountCents, note: text } }),
			])
			return { ok: true, entryId: entry.id, balanceCents: cashCents - amountCents }
		} catch (error) {
			if (!isUniqueViolation(error)) throw error
		}
	}
	return { ok: false, error: 'commission.error.busy' }
}
