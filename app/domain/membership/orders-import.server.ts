import { prisma } from '#app/lib/db.server.ts'
import type { IncomingOrder, RowProblem } from './order-schema.ts'
import type { ImportCounts } from './order-views.ts'
import { afterOrdersLinked, type LinkedOrder } from './orders-effects.server.ts'
import { previewOrders, type PlannedCreate, type PlannedUpdate } from './orders-preview.server.ts'
import { writeCreates, writeUpdate, type WriteContext } from './orders-write.server.ts'

export { previewOrders, type OrderPlan, type PlannedRow } from './orders-preview.server.ts'

export type RowError = { row: number; id: string; problem: RowProblem }
export type ImportResult = { importId: string | null; counts: ImportCounts; errors: RowError[]; unlinked: { id: string; claimCode: string | null }[] }

/**
 * Imports orders from a CSV file or a webhook delivery. The plan is made again from the
 * database as it is now; each order is then written whole or not at all (orders-write), so a
 * refused order (its coupon used elsewhere, say) is reported as a row error and the others
 * still import. The same orders again change nothing. A CSV import is recorded with its counts.
 */
export async function importOrders(input: {
	incoming: IncomingOrder[]
	source: 'csv' | 'webhook'
	file?: { name: string; sha256: string }
	byId?: string | null
	now?: Date
}): Promise<ImportResult> {
	const now = input.now ?? new Date()
	const plan = await previewOrders(input.incoming)
	const record = input.file
		? await prisma.orderImport.create({
				data: { fileName: input.file.name, sha256: input.file.sha256, rows: plan.rows.length, created: 0, updated: 0, unchanged: 0, failed: 0, byId: input.byId ?? null },
				select: { id: true },
			})
		: null
	const ctx: WriteContext = { importId: record?.id ?? null, source: input.source, now }
	const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 }
	const errors: RowError[] = []
	const linked: LinkedOrder[] = []
	const changedMembers: (string | null)[] = []
	const unpaid: LinkedOrder[] = []
	const unlinked: ImportResult['unlinked'] = []
	const fail = (row: { row: number; id: string }, problem: RowProblem) => {
		counts.failed++
		errors.push({ row: row.row, id: row.id, problem })
	}

	const creates = plan.rows.filter((r): r is PlannedCreate => r.action === 'create')
	const created = await writeCreates(creates, ctx)
	const updates = plan.rows.filter((r): r is PlannedUpdate => r.action === 'update')
	const updated = new Map<PlannedUpdate, Awaited<ReturnType<typeof writeUpdate>>>()
	for (const row of updates) updated.set(row, await writeUpdate(row, ctx))

	// Counted in the file's order, so the error list reads top to bottom.
	for (const row of plan.rows) {
		if (row.action === 'error') fail(row, row.problem)
		else if (row.action === 'unchanged') counts.unchanged++
		else {
			const outcome = row.action === 'create' ? created.get(row)! : updated.get(row)!
			if (outcome.kind === 'error') fail(row, outcome.problem)
			else if (outcome.kind === 'unchanged') counts.unchanged++
			else if (outcome.kind === 'created') {
				counts.created++
				if (outcome.order.memberId) linked.push(outcome.order)
				else unlinked.push({ id: outcome.order.externalId, claimCode: outcome.order.claimCode })
			} else {
				counts.updated++
				changedMembers.push(outcome.order.memberId)
				if (outcome.order.status !== 'paid') unpaid.push(outcome.order)
			}
		}
	}
	if (record) await prisma.orderImport.update({ where: { id: record.id }, data: counts, select: { id: true } })
	await afterOrdersLinked(linked, changedMembers, unpaid)
	return { importId: record?.id ?? null, counts, errors, unlinked }
}
