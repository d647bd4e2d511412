import { prisma } from '#app/lib/db.server.ts'

export type AuditTarget = 'post' | 'comment' | 'member' | 'product' | 'watchWord' | 'round' | 'candidate' | 'room' | 'group' | 'deal' | 'orders' | 'tier' | 'coupon' | 'segment' | 'tag'

/** The statement that records one staff action; callers put it in the batch of the action itself. */
export function auditStatement(input: { actorId: string; action: string; targetType: AuditTarget; targetId: string; detail?: Record<string, unknown> }) {
	return prisma.auditLog.create({
		data: { actorId: input.actorId, action: input.action, targetType: input.targetType, targetId: input.targetId, detail: JSON.stringify(input.detail ?? {}) },
		select: { id: true },
	})
}

export async function logAction(input: Parameters<typeof auditStatement>[0]): Promise<void> {
	await auditStatement(input)
}

/** The newest actions first, a page at a time, with the actor's name. */
export async function listAudit(options: { cursor?: string | null; take?: number; targetId?: string } = {}) {
	const take = Math.min(Math.max(options.take ?? 50, 1), 100)
	const rows = await prisma.auditLog.findMany({
		where: options.targetId ? { targetId: options.targetId } : {},
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: take + 1,
		...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
		select: { id: true, actorId: true, action: true, targetType: true, targetId: true, detail: true, createdAt: true },
	})
	const page = rows.slice(0, take)
	const actors = await prisma.user.findMany({ where: { id: { in: [...new Set(page.map((r) => r.actorId))] } }, select: { id: true, displayName: true } })
	const names = new Map(actors.map((a) => [a.id, a.displayName]))
	return {
		items: page.map((r) => ({ ...r, actorName: names.get(r.actorId) ?? '—', detail: JSON.parse(r.detail) as Record<string, unknown>, createdAt: r.createdAt.toISOString() })),
		nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null,
	}
}
