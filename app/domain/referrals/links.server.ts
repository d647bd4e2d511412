import { randomBytes } from 'node:crypto'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'

export const SHARE_TARGETS = ['post', 'candidate', 'room', 'draw'] as const
export type ShareTarget = (typeof SHARE_TARGETS)[number]
/** Where a share link lands, per kind of thing shared. */
export const TARGET_PATHS: Record<ShareTarget, (id: string) => string> = {
	post: (id) => `/posts/${id}`,
	candidate: (id) => `/vote/${id}`,
	room: (id) => `/live/${id}`,
	draw: (id) => `/draws/${id}`,
}

// Lower-case letters and digits without look-alikes (0/o, 1/l/i): easy to read aloud.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
function newCode(length = 8): string {
	const bytes = randomBytes(length)
	return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}

const isUnique = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002'

/** The member's invite code, made on first use. */
export async function getReferralCode(userId: string): Promise<string> {
	for (;;) {
		const found = await prisma.referralCode.findUnique({ where: { userId }, select: { code: true } })
		if (found) return found.code
		try {
			return (await prisma.referralCode.create({ data: { userId, code: newCode() }, select: { code: true } })).code
		} catch (error) {
			if (!isUnique(error)) throw error
		}
	}
}

/** The member's share link for one thing, made on first use (one per member and thing). */
export async function getShareCode(userId: string, targetType: ShareTarget, targetId: string): Promise<string> {
	for (;;) {
		const found = await prisma.shareLink.findUnique({ where: { userId_targetType_targetId: { userId, targetType, targetId } }, select: { code: true } })
		if (found) return found.code
		try {
			return (await prisma.shareLink.create({ data: { userId, targetType, targetId, code: newCode(10) }, select: { code: true } })).code
		} catch (error) {
			if (!isUnique(error)) throw error
		}
	}
}

export type Visit = { kind: 'referral' | 'share'; code: string }

/** Counts a visit to a link and says where it leads; null for an unknown code. */
export async function openLink(visit: Visit): Promise<{ referrerId: string; path: string } | null> {
	if (visit.kind === 'referral') {
		const row = await prisma.referralCode.update({ where: { code: visit.code }, data: { visits: { increment: 1 } }, select: { userId: true } }).catch(() => null)
		return row ? { referrerId: row.userId, path: '/signup' } : null
	}
	const row = await prisma.shareLink
		.update({ where: { code: visit.code }, data: { visits: { increment: 1 } }, select: { userId: true, targetType: true, targetId: true } })
		.catch(() => null)
	if (!row) return null
	const toPath = TARGET_PATHS[row.targetType as ShareTarget]
	return { referrerId: row.userId, path: toPath ? toPath(row.targetId) : '/' }
}

/** Remembers the browser and address a member used, for the duplicate-account rules. */
export async function recordDevice(userId: string, deviceId: string, ip: string): Promise<void> {
	await prisma.deviceSeen.upsert({
		where: { userId_deviceId: { userId, deviceId } },
		create: { userId, deviceId, ip },
		update: { ip, seenAt: new Date() },
		select: { id: true },
	})
}
