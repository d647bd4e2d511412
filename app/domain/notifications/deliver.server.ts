import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { getWeeklyCap } from './cap-settings.server.ts'
import { recipientsOf, renderEmail } from './email-text.server.ts'
import { newNotificationId } from './ids.server.ts'
import type { NotificationKind } from './kinds.ts'
import { categoryOf, isMarketing, isoWeek, sendsEmail } from './policy.ts'
import { channelsFor } from './preferences.server.ts'
import { ensureQuotaRows, takeQuota } from './quota.server.ts'

export type NotifyInput = {
	kind: NotificationKind
	params?: Record<string, string | number>
	link?: string
	/** Once-only: a second notify with the same key delivers nothing (a job's retry, a second run). */
	key?: string
}

export const isKnownError = (error: unknown, ...codes: string[]) => error instanceof Prisma.PrismaClientKnownRequestError && codes.includes(error.code)

/**
 * The outbox row's link to what it tells of. With no centre row (the member reads this category
 * by email only) a keyed email holds its key there instead, so the unique index keeps it once-only too.
 */
export const emailLinkOf = (notificationId: string | null, key: string | undefined) => notificationId ?? (key ? `key:${key}` : null)

async function isKeyUsed(key: string): Promise<boolean> {
	const [row, email] = await Promise.all([
		prisma.notification.findUnique({ where: { key }, select: { id: true } }),
		prisma.emailMessage.findUnique({ where: { notificationId: `key:${key}` }, select: { id: true } }),
	])
	return Boolean(row ?? email)
}

/**
 * Tells one member, in the centre and/or by email as their settings and the policy say
 * (app/domain/notifications/policy.ts). Returns the centre row's id (the email's, when the member
 * reads this category by email only), or null when nothing was delivered: they switched the
 * category off, the week's marketing cap is reached, or `key` was already used.
 *
 * Everything is one batch: for marketing [week row if missing, guarded +1 (P2025 at the cap),
 * notification, email], so racing calls can never pass the cap and a used key (P2002) takes
 * its +1 back with it. `now` picks the week (and dates the rows).
 */
export async function notify(userId: string, input: NotifyInput, now = new Date()): Promise<{ id: string } | null> {
	const category = categoryOf(input.kind)
	const marketing = isMarketing(category)
	const [channels, recipients, cap] = await Promise.all([
		channelsFor([userId], input.kind),
		sendsEmail(input.kind) ? recipientsOf([userId]) : null,
		marketing ? getWeeklyCap() : null,
	])
	const wants = channels.get(userId)!
	const recipient = wants.email ? recipients?.get(userId) : undefined
	if (!wants.inApp && !recipient) return null
	if (cap === 0) return null
	// The unique indexes stop racing calls; this read catches a key used while the member's
	// switches were different (a centre row then, an email-only row now, or the other way round).
	if (input.key && (await isKeyUsed(input.key))) return null

	const week = isoWeek(now)
	const notificationId = wants.inApp ? newNotificationId(now.getTime()) : null
	const statements: Prisma.PrismaPromise<unknown>[] = []
	if (marketing) statements.push(ensureQuotaRows([userId], week), takeQuota(userId, week, cap!))
	if (notificationId) {
		statements.push(
			prisma.notification.create({
				data: { id: notificationId, userId, kind: input.kind, params: JSON.stringify(input.params ?? {}), link: input.link ?? null, key: input.key ?? null, createdAt: now },
				select: { id: true },
			}),
		)
	}
	if (recipient) {
		const email = renderEmail(recipient, input)
		statements.push(prisma.emailMessage.create({ data: { ...email, userId, notificationId: emailLinkOf(notificationId, input.key), createdAt: now }, select: { id: true } }))
	}
	let results: unknown[]
	try {
		results = await prisma.$transaction(statements)
	} catch (error) {
		// P2025: the week's cap was reached; P2002: the key was used. Nothing was written either way.
		if (isKnownError(error, 'P2025', 'P2002')) return null
		throw error
	}
	if (notificationId) {
		domainEvents.emit('notification:created', { userId, notificationId })
		return { id: notificationId }
	}
	return results.at(-1) as { id: string }
}
