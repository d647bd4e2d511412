import { prisma } from '#app/lib/db.server.ts'
import { ROLES, type Role } from './roles.ts'

const MAX_PAGE = 50

/** How many members hold each role, for the console's overview. */
export async function countMembersByRole(): Promise<Record<Role, number>> {
	const groups = await prisma.user.groupBy({ by: ['role'], _count: { _all: true } })
	const counts = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>
	for (const g of groups) if (g.role in counts) counts[g.role as Role] = g._count._all
	return counts
}

/** Members, newest first, a page at a time (cursor = the last id shown). */
export async function listMembers(options: { cursor?: string | null; take?: number } = {}) {
	const take = Math.min(Math.max(options.take ?? 20, 1), MAX_PAGE)
	const rows = await prisma.user.findMany({
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: take + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: { id: true, displayName: true, email: true, role: true, createdAt: true },
	})
	const page = rows.slice(0, take)
	return {
		items: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
		nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null,
	}
}
