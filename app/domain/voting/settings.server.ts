import { prisma } from '#app/lib/db.server.ts'

const KEY = 'voting.newVoterHours'
export const DEFAULT_NEW_VOTER_HOURS = 24

/**
 * How long a new account's votes are counted apart (unless it has a paid order), so a sudden
 * wave of fresh accounts cannot pick the winner. The merchant sets it in the console.
 */
export async function getNewVoterHours(): Promise<number> {
	const row = await prisma.setting.findUnique({ where: { key: KEY }, select: { value: true } })
	const hours = row ? Number(row.value) : DEFAULT_NEW_VOTER_HOURS
	return Number.isInteger(hours) && hours >= 0 ? hours : DEFAULT_NEW_VOTER_HOURS
}

export async function setNewVoterHours(hours: number): Promise<boolean> {
	if (!Number.isInteger(hours) || hours < 0 || hours > 24 * 90) return false
	await prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: String(hours) }, update: { value: String(hours) } })
	return true
}

/** A member's two voting switches: hear of stage changes, be named among the fans. */
export async function getVoterPreferences(userId: string) {
	return prisma.user.findUnique({ where: { id: userId }, select: { notifyVotes: true, creditVotes: true } })
}

export async function setVoterPreferences(userId: string, input: { notifyVotes: boolean; creditVotes: boolean }): Promise<void> {
	await prisma.user.update({ where: { id: userId }, data: input, select: { id: true } })
}
