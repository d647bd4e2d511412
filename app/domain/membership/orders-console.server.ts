import type { ConsoleOutcome, ListedRow, RowAction } from './order-views.ts'
import { parseOrdersCsv } from './orders-csv.server.ts'
import { importOrders, previewOrders, type PlannedRow } from './orders-import.server.ts'
import { discardKeptFile, readKeptFile, receiveOrderFile } from './orders-upload.server.ts'

// The console's two steps over one kept file: preview (upload, check, show what would happen)
// and import (read the same bytes again, check again against the database as it is then, write).

/** Rows listed on the page; the counts cover them all. */
const LISTED_ROWS = 200

const SEVERITY: Record<RowAction, number> = { error: 0, create: 1, update: 2, unchanged: 3 }

function listed(row: PlannedRow): ListedRow {
	const message = row.action === 'error' ? row.problem : row.action === 'create' ? row.warning : null
	return { row: row.row, id: row.id, action: row.action, message }
}

/** Errors first, then orders nobody holds yet (warnings), then the rest, each in file order. */
function byAttention(a: ListedRow, b: ListedRow) {
	const rank = (r: ListedRow) => SEVERITY[r.action] * 2 - (r.action === 'create' && r.message ? 1 : 0)
	return rank(a) - rank(b) || a.row - b.row
}

export async function previewUpload(request: Request, now = new Date()): Promise<ConsoleOutcome> {
	const file = await receiveOrderFile(request)
	if (!file.ok) return { kind: 'fileError', problem: file.problem }
	const bytes = await readKeptFile(file.sha256)
	if (!bytes) return { kind: 'fileError', problem: { key: 'orders.file.gone' } }
	const parsed = parseOrdersCsv(bytes, now)
	if (!parsed.ok) {
		await discardKeptFile(file.sha256)
		return { kind: 'fileError', problem: parsed.problem }
	}
	const plan = await previewOrders(parsed.orders)
	const rows = plan.rows.map(listed).sort(byAttention)
	return { kind: 'preview', sha256: file.sha256, fileName: file.name, counts: plan.counts, rows: rows.slice(0, LISTED_ROWS), more: Math.max(0, rows.length - LISTED_ROWS) }
}

/** Imports the file a preview kept (left for the daily prune: importing it twice changes nothing); rows with errors are skipped and listed. */
export async function importKeptFile(input: { sha256: string; fileName: string; byId: string; now?: Date }): Promise<ConsoleOutcome> {
	const bytes = await readKeptFile(input.sha256)
	if (!bytes) return { kind: 'fileError', problem: { key: 'orders.file.gone' } }
	const parsed = parseOrdersCsv(bytes, input.now)
	if (!parsed.ok) return { kind: 'fileError', problem: parsed.problem }
	const fileName = input.fileName.slice(0, 200) || 'orders.csv'
	const result = await importOrders({ incoming: parsed.orders, source: 'csv', file: { name: fileName, sha256: input.sha256 }, byId: input.byId, now: input.now })
	const errors = result.errors.map((e): ListedRow => ({ row: e.row, id: e.id, action: 'error', message: e.problem }))
	return { kind: 'imported', fileName, counts: result.counts, errors: errors.slice(0, LISTED_ROWS), more: Math.max(0, errors.length - LISTED_ROWS), unlinked: result.unlinked.length }
}
