import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { getWeeklyCap } from './cap-settings.server.ts'
import { emailLinkOf, isKnownError, notify, type NotifyInput } from './deliver.server.ts'
import { recipientsOf, renderEmail, type Recipient } from './email-text.server.ts'
import { newNotificationId } from './ids.server.ts'
import { categoryOf, isMarketing, isoWeek, sendsEmail } from './policy.ts'
import { channelsFor } from './preferences.server.ts'
import { ensureQuotaRows, quotasOf, refundQuota, takeQuotaForPage } from './quota.server.ts'

/** Members handled together: a few reads and two or three writes per page, whatever its size. */
const PAGE = 200

export type NotifyManyInput = Omit<NotifyInput, 'key'> & {
	/** Once-only per member: each member's key is keyPrefix + their id. */
	keyPrefix?: string
}
type Plan = { userId: string; key: string | undefined; notificationId: string | null; recipient: Recipient | undefined }

/**
 * notify() for many members, with the same policy (switches, weekly cap, keys), one page at a
 * time: one query per page for the switches, one for the addresses, one for the week's counts,
 * never one per member. Returns how many members it reached.
 */
export async function notifyMany(userIds: string[], input: NotifyManyInput, now = new Date()): Promise<number> {
	const unique = [...new Set(userIds)]
	const cap = isMarketing(categoryOf(input.kind)) ? await getWeeklyCap() : null
	if (unique.length === 0 || cap === 0) return 0
	let reached = 0
	for (let i = 0; i < unique.length; i += PAGE) reached += await deliverPage(unique.slice(i, i + PAGE), input, cap, now)
	return reached
}

async function deliverPage(ids: string[], input: NotifyManyInput, cap: number | null, now: Date): Promise<number> {
	const week = isoWeek(now)
	const keyOf = (userId: string) => (input.keyPrefix ? input.keyPrefix + userId : undefined)
	const [channels, recipients, counts, used] = await Promise.all([
		channelsFor(ids, input.kind),
		sendsEmail(input.kind) ? recipientsOf(ids) : new Map<string, Recipient>(),
		cap !== null ? quotasOf(ids, week) : new Map<string, number>(),
		input.keyPrefix ? usedKeys(ids.map((id) => keyOf(id)!)) : new Set<string>(),
	])
	const plans: Plan[] = []
	for (const userId of ids) {
		const wants = channels.get(userId)!
		const recipient = wants.email ? recipients.get(userId) : undefined
		const key = keyOf(userId)
		if (!wants.inApp && !recipient) continue
		if (cap !== null && (counts.get(userId) ?? 0) >= cap) continue
		if (key && used.has(key)) continue
		plans.push({ userId, key, notificationId: wants.inApp ? newNotificationId(now.getTime()) : null, recipient })
	}
	if (plans.length === 0) return 0

	let winners = plans
	if (cap !== null) {
		// The counts read above only spare futile work; this guarded +1 is what holds the cap.
		const members = plans.map((p) => p.userId)
		const [, taken] = await prisma.$transaction([ensureQuotaRows(members, week), takeQuotaForPage(members, week, cap)])
		const got = new Set(taken.map((row) => row.userId))
		winners = plans.filter((p) => got.has(p.userId))
		if (winners.length === 0) return 0
	}
	try {
		await prisma.$transaction(writeStatements(winners, input, now))
	} catch (error) {
		if (cap !== null) await refundQuota(winners.map((w) => w.userId), week)
		if (!isKnownError(error, 'P2002')) throw error
		// NOTE: a racing run used some of these keys after we read them. Rare, so each member goes
		// through notify() alone, whose own batch says which keys are still free.
		let reached = 0
		for (const w of winners) if (await notify(w.userId, { kind: input.kind, params: input.params, link: input.link, key: w.key }, now)) reached++
		return reached
	}
	for (const w of winners) if (w.notificationId) domainEvents.emit('notification:created', { userId: w.userId, notificationId: w.notificationId })
	return winners.length
}

function writeStatements(winners: Plan[], input: NotifyManyInput, now: Date): Prisma.PrismaPromise<unknown>[] {
	const params = JSON.stringify(input.params ?? {})
	const rows = winners.filter((w) => w.notificationId)
	const emails = winners.filter((w) => w.recipient)
	const statements: Prisma.PrismaPromise<unknown>[] = []
	if (rows.length > 0) {
		statements.push(
			prisma.notification.createMany({
				data: rows.map((w) => ({ id: w.notificationId!, userId: w.userId, kind: input.kind, params, link: input.link ?? null, key: w.key ?? null, createdAt: now })),
			}),
		)
	}
	if (emails.length > 0) {
		statements.push(
			prisma.emailMessage.createMany({
				data: emails.map((w) => ({ ...renderEmail(w.recipient!, input), userId: w.userId, notificationId: emailLinkOf(w.notificationId, w.key), createdAt: now })),
			}),
		)
	}
	return statements
}

/** Keys already used, by a centre row or (email-only members) by an outbox row. */
async function usedKeys(keys: string[]): Promise<Set<string>> {
	const [rows, emails] = await Promise.all([
		prisma.notification.findMany({ where: { key: { in: keys } }, select: { key: true } }),
		prisma.emailMessage.findMany({ where: { notificationId: { in: keys.map((k) => `key:${k}`) } }, select: { notificationId: true } }),
	])
	return new Set([...rows.map((r) => r.key!), ...emails.map((e) => e.notificationId!.slice('key:'.length))])
}
