import { payDueOrderRewards } from '#app/domain/referrals/attribution.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { logError, logEvent } from '#app/lib/log.server.ts'
import { startPeriodic } from '#app/lib/periodic.server.ts'
import { issueBirthdayCoupons, issueWinbackCoupons, sendExpiryReminders } from './coupon-auto.server.ts'
import { registerTierRewards } from './coupons.server.ts'
import { sendRepurchaseReminders } from './repurchase.server.ts'
import { refreshTiers } from './tiers.server.ts'

// The membership's periodic work, hourly: tiers move as spend leaves the period, birthday and
// "we miss you" coupons, expiry reminders, repurchase reminders and referral rewards for orders
// past their return window. Every step is paged and keyed, so runs may overlap or repeat.

// Tier coupons follow any tier change this process makes, the sweep's included.
registerTierRewards()

export type MembershipJobCounts = { tiers: number; birthday: number; winback: number; reminders: number; repurchase: number; referralRewards: number }

export const MEMBERSHIP_JOB_MS = 60 * 60_000
/** The first run waits a little, so it does not compete with the server's start. */
const FIRST_RUN_DELAY_MS = 15_000
const TIER_PAGE = 200

/** Members with a standing are re-evaluated: a downgrade happens as old orders leave the period. */
async function sweepTiers(now: Date): Promise<number> {
	let moved = 0
	let cursor: string | null = null
	for (;;) {
		const page: { userId: string }[] = await prisma.memberTier.findMany({
			orderBy: { userId: 'asc' },
			take: TIER_PAGE,
			...(cursor ? { cursor: { userId: cursor }, skip: 1 } : {}),
			select: { userId: true },
		})
		if (page.length === 0) return moved
		moved += (await refreshTiers(page.map((r) => r.userId), now)).length
		cursor = page.at(-1)!.userId
	}
}

/** One step's count; a failing step is logged and the others still run. */
async function step(name: string, run: () => Promise<number>): Promise<number> {
	try {
		return await run()
	} catch (error) {
		logError(`membership:${name}`, error)
		return 0
	}
}

export async function runMembershipJobs(now = new Date()): Promise<MembershipJobCounts> {
	return {
		tiers: await step('tiers', () => sweepTiers(now)),
		birthday: await step('birthday', () => issueBirthdayCoupons(now)),
		winback: await step('winback', () => issueWinbackCoupons(now)),
		reminders: await step('reminders', () => sendExpiryReminders(now)),
		repurchase: await step('repurchase', () => sendRepurchaseReminders(now)),
		referralRewards: await step('referralRewards', () => payDueOrderRewards(now)),
	}
}

/**
 * At server start (server.ts): runs the jobs shortly after start, then every hour.
 */
export function startMembershipJobs(intervalMs = MEMBERSHIP_JOB_MS): void {
	startPeriodic('membership:jobs', { intervalMs, firstDelayMs: FIRST_RUN_DELAY_MS }, async () => {
		const counts = await runMembershipJobs()
		if (Object.values(counts).some((n) => n > 0)) logEvent('membership:jobs', counts)
	})
}
