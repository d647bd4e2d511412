import { createHash } from 'node:crypto'
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia'
import { prisma } from '#app/lib/db.server.ts'

/** The database key for a session token: its SHA-256, so a leaked table holds no usable token. */
export function sessionKey(token: string): string {
	return createHash('sha256').update(token).digest('hex')
}

const USER_FIELDS = { id: true, email: true, displayName: true, role: true, locale: true } as const

/**
 * lucia's storage, over Prisma. lucia hands us the token it put in the cookie;
 * every method stores and looks up its hash instead.
 */
export class HashedSessionAdapter implements Adapter {
	async getSessionAndUser(token: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
		const row = await prisma.session.findUnique({
			where: { id: sessionKey(token) },
			select: { userId: true, expiresAt: true, user: { select: USER_FIELDS } },
		})
		if (!row) return [null, null]
		const { id, ...attributes } = row.user
		return [
			{ id: token, userId: row.userId, expiresAt: row.expiresAt, attributes: {} },
			{ id, attributes },
		]
	}

	async getUserSessions(userId: string): Promise<DatabaseSession[]> {
		const rows = await prisma.session.findMany({ where: { userId }, select: { id: true, expiresAt: true } })
		return rows.map((r) => ({ id: r.id, userId, expiresAt: r.expiresAt, attributes: {} }))
	}

	async setSession(session: DatabaseSession): Promise<void> {
		await prisma.session.create({
			data: { id: sessionKey(session.id), userId: session.userId, expiresAt: session.expiresAt },
			select: { id: true },
		})
	}

	async updateSessionExpiration(token: string, expiresAt: Date): Promise<void> {
		await prisma.session.updateMany({ where: { id: sessionKey(token) }, data: { expiresAt } })
	}

	async deleteSession(token: string): Promise<void> {
		await prisma.session.deleteMany({ where: { id: sessionKey(token) } })
	}

	async deleteUserSessions(userId: string): Promise<void> {
		await prisma.session.deleteMany({ where: { userId } })
	}

	async deleteExpiredSessions(): Promise<void> {
		await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } })
	}
}
