import { randomUUID } from 'node:crypto'
import { prisma } from '#app/lib/db.server.ts'

// Members written directly (password hashes would only slow the tests): only their address,
// name and language matter to notifications.
export async function members(count: number, options: { locale?: string | null; name?: string } = {}) {
	const rows = await prisma.user.createManyAndReturn({
		data: Array.from({ length: count }, () => ({
			email: `n-${randomUUID()}@quanzi.test`,
			displayName: options.name ?? 'Mei',
			passwordHash: 'x',
			locale: options.locale ?? null,
		})),
		select: { id: true, email: true },
	})
	return rows
}

export const one = async (options: { locale?: string | null; name?: string } = {}) => (await members(1, options))[0]!

/** What a member has: centre rows by kind, outbox rows, and this week's marketing count. */
export async function holdings(userId: string, week: string) {
	const [rows, emails, quota] = await Promise.all([
		prisma.notification.findMany({ where: { userId }, select: { id: true, kind: true, key: true } }),
		prisma.emailMessage.findMany({ where: { userId }, select: { id: true, notificationId: true, subject: true, text: true } }),
		prisma.notificationQuota.findUnique({ where: { userId_week: { userId, week } }, select: { count: true } }),
	])
	return { rows, emails, quota: quota?.count ?? 0 }
}
