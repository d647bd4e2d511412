import nodemailer from 'nodemailer'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { logError, logEvent } from '#app/lib/log.server.ts'
import { startPeriodic } from '#app/lib/periodic.server.ts'

const PAGE = 50
/** Tries before an email is given up as failed (the error stays on the row for the console). */
export const MAX_ATTEMPTS = 5
/** Wait before try n + 1: 1, 2, 4, 8 minutes; long enough that a send still under way is never taken for a lost one. */
const retryAfterMs = (attempts: number) => 60_000 * 2 ** (Math.min(attempts, MAX_ATTEMPTS) - 1)

export type DeliveryReport = { sent: number; captured: number; retrying: number; failed: number }
type Row = { id: string; to: string; subject: string; text: string; attempts: number }

/**
 * Sends the outbox: pending emails, oldest first, a page at a time. Without an SMTP server
 * (SMTP_URL unset: development and tests) they are marked captured instead, to be read in the console.
 *
 * NOTE: `attempts` is the lease. A run claims an email with `attempts: n → n + 1` guarded on n,
 * so of two processes reading the same page only one sends it. While pending, `sentAt` holds
 * the time of the last try: a claimed email is not due again until its retry wait has passed,
 * so a slow send in one process is not repeated by the next run of another.
 */
export async function deliverPendingEmails(now = new Date(), options: { smtpUrl?: string | null; from?: string } = {}): Promise<DeliveryReport> {
	const env = getEnv()
	const smtpUrl = options.smtpUrl === undefined ? env.SMTP_URL : options.smtpUrl
	const report: DeliveryReport = { sent: 0, captured: 0, retrying: 0, failed: 0 }
	if (!smtpUrl) {
		const { count } = await prisma.emailMessage.updateMany({ where: { status: 'pending' }, data: { status: 'captured', sentAt: now } })
		return { ...report, captured: count }
	}
	const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
	try {
		for (;;) {
			const page = await duePage(now)
			for (const row of page) {
				const outcome = await deliverOne(row, now, (message) => transport.sendMail({ from: options.from ?? env.MAIL_FROM, ...message }))
				if (outcome) report[outcome]++
			}
			// Every row of this page is now sent, failed or waiting for its retry, so the next page is new.
			if (page.length < PAGE) return report
		}
	} finally {
		transport.close()
	}
}

function duePage(now: Date): Promise<Row[]> {
	const waited = Array.from({ length: MAX_ATTEMPTS }, (_, i) => i + 1).map((n) => ({
		attempts: n === MAX_ATTEMPTS ? { gte: n } : n,
		sentAt: { lte: new Date(now.getTime() - retryAfterMs(n)) },
	}))
	return prisma.emailMessage.findMany({
		where: { status: 'pending', OR: [{ attempts: 0 }, ...waited] },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
		take: PAGE,
		select: { id: true, to: true, subject: true, text: true, attempts: true },
	})
}

async function deliverOne(row: Row, now: Date, send: (message: { to: string; subject: string; text: string }) => Promise<unknown>): Promise<keyof DeliveryReport | null> {
	const attempts = row.attempts + 1
	const claimed = await prisma.emailMessage.updateMany({ where: { id: row.id, status: 'pending', attempts: row.attempts }, data: { attempts, sentAt: now } })
	if (claimed.count !== 1) return null // another run has it
	if (row.attempts >= MAX_ATTEMPTS) {
		// Its last try never reported back (the process stopped mid-send): give up rather than risk a second copy.
		await prisma.emailMessage.update({ where: { id: row.id }, data: { status: 'failed', error: 'No answer from the last try' }, select: { id: true } })
		return 'failed'
	}
	try {
		await send({ to: row.to, subject: row.subject, text: row.text })
	} catch (error) {
		const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'
		const message = (error instanceof Error ? error.message : String(error)).slice(0, 500)
		await prisma.emailMessage.update({ where: { id: row.id }, data: { status, error: message }, select: { id: true } })
		return status === 'failed' ? 'failed' : 'retrying'
	}
	await prisma.emailMessage.update({ where: { id: row.id }, data: { status: 'sent', error: null }, select: { id: true } })
	return 'sent'
}

/** Delivers the outbox now and every `intervalMs`, in one process at a time; the lead starts it in server.ts. */
export function startMailer(intervalMs = 5_000): void {
	// startPeriodic keeps a slow SMTP server from getting a second run piled on top of the first.
	startPeriodic('mail:deliver', { intervalMs, firstDelayMs: 0 }, async () => {
		try {
			const report = await deliverPendingEmails()
			if (report.sent || report.captured || report.failed) logEvent('mail:delivered', report)
		} catch (error) {
			logError('mail:deliver-failed', error)
		}
	})
}
