import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { EMAIL_STATUSES, type EmailStatus } from './outbox.ts'

const PAGE_SIZE = 50

export type OutboxItem = { id: string; to: string; subject: string; status: EmailStatus; attempts: number; createdAt: string; sentAt: string | null }
export type OutboxEmail = OutboxItem & { text: string; error: string | null }

const SELECT = { id: true, to: true, subject: true, status: true, attempts: true, createdAt: true, sentAt: true } as const
type Row = { id: string; to: string; subject: string; status: string; attempts: number; createdAt: Date; sentAt: Date | null }

const toItem = (row: Row): OutboxItem => ({
	...row,
	status: row.status as EmailStatus,
	createdAt: row.createdAt.toISOString(),
	// While pending, sentAt is the last try (the mailer's lease), not a delivery.
	sentAt: row.status === 'pending' ? null : (row.sentAt?.toISOString() ?? null),
})

/** How many emails are in each state, for the console's figures. */
export async function outboxCounts(): Promise<Record<EmailStatus, number>> {
	const groups = await prisma.emailMessage.groupBy({ by: ['status'], _count: { _all: true } })
	const counts = Object.fromEntries(EMAIL_STATUSES.map((s) => [s, 0])) as Record<EmailStatus, number>
	for (const g of groups) if (g.status in counts) counts[g.status as EmailStatus] = g._count._all
	return counts
}

/** The newest emails first, 50 to a page; pass the last id seen as `cursor` for older ones. */
export async function listOutbox(options: { cursor?: string | null } = {}): Promise<{ items: OutboxItem[]; nextCursor: string | null }> {
	const rows = await prisma.emailMessage.findMany({
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: PAGE_SIZE + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: SELECT,
	})
	const page = rows.slice(0, PAGE_SIZE)
	return { items: page.map(toItem), nextCursor: rows.length > PAGE_SIZE ? (page.at(-1)?.id ?? null) : null }
}

/** One email with its text and last error, or null. */
export async function getOutboxEmail(id: string): Promise<OutboxEmail | null> {
	const row = await prisma.emailMessage.findUnique({ where: { id }, select: { ...SELECT, text: true, error: true } })
	return row ? { ...toItem(row), text: row.text, error: row.error } : null
}

/** Whether emails really go out (SMTP_URL set) or stay here as captured. */
export function isSmtpConfigured(): boolean {
	return Boolean(getEnv().SMTP_URL)
}
