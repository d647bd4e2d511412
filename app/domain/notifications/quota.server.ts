import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'

// The weekly cap on marketing notifications, as statements to put in a batch. Every one of them
// means the same on SQLite and PostgreSQL (INSERT ... ON CONFLICT DO NOTHING, UPDATE ... RETURNING).

/** Makes sure each member has a row for the week (count 0), leaving existing rows alone. */
export function ensureQuotaRows(userIds: string[], week: string) {
	const rows = userIds.map((userId) => Prisma.sql`(${userId}, ${week}, 0)`)
	return prisma.$executeRaw`INSERT INTO "NotificationQuota" ("userId", "week", "count") VALUES ${Prisma.join(rows)} ON CONFLICT ("userId", "week") DO NOTHING`
}

/** One more for this member, only while under the cap; throws P2025 (failing its batch) at the cap. */
export function takeQuota(userId: string, week: string, cap: number) {
	return prisma.notificationQuota.update({
		where: { userId_week: { userId, week }, count: { lt: cap } },
		data: { count: { increment: 1 } },
		select: { count: true },
	})
}

/** One more for each member still under the cap, in one statement; returns who got one. */
export function takeQuotaForPage(userIds: string[], week: string, cap: number) {
	return prisma.$queryRaw<{ userId: string }[]>`UPDATE "NotificationQuota" SET "count" = "count" + 1
		WHERE "week" = ${week} AND "count" < ${cap} AND "userId" IN (${Prisma.join(userIds)}) RETURNING "userId"`
}

/** Gives back what takeQuotaForPage took when the notifications could not be written after all. */
export function refundQuota(userIds: string[], week: string) {
	return prisma.notificationQuota.updateMany({ where: { userId: { in: userIds }, week, count: { gt: 0 } }, data: { count: { decrement: 1 } } })
}

/** How many marketing notifications each member already got this week (one query). */
export async function quotasOf(userIds: string[], week: string): Promise<Map<string, number>> {
	if (userIds.length === 0) return new Map()
	const rows = await prisma.notificationQuota.findMany({ where: { userId: { in: userIds }, week }, select: { userId: true, count: true } })
	return new Map(rows.map((r) => [r.userId, r.count]))
}
