import { prisma } from '#app/lib/db.server.ts'

/** What anyone may see of a member on their page: the name, followers, and whether staff stopped them posting. */
export async function getMemberCard(id: string) {
	const row = await prisma.user.findUnique({ where: { id }, select: { id: true, displayName: true, bannedAt: true, _count: { select: { followers: true } } } })
	return row ? { id: row.id, displayName: row.displayName, banned: row.bannedAt !== null, followers: row._count.followers } : null
}
