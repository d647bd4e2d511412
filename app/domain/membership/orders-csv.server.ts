import { CsvError, parse } from 'csv-parse/sync'
import {
	CSV_COLUMNS,
	EXPECTED_HEADER,
	markDuplicateIds,
	MAX_CSV_BYTES,
	MAX_CSV_ROWS,
	MB,
	REQUIRED_COLUMNS,
	validateOrder,
	type CsvColumn,
	type IncomingOrder,
	type RowProblem,
} from './order-schema.ts'

export type CsvParse = { ok: true; orders: IncomingOrder[] } | { ok: false; problem: RowProblem }

/** Megabytes with one decimal, for "the file is 50.0 MB". */
export const megabytes = (bytes: number) => (bytes / MB).toFixed(1)

export function fileTooLarge(bytes: number | null): RowProblem {
	return bytes === null
		? { key: 'orders.file.tooLargeUnknown', params: { max: MAX_CSV_BYTES / MB } }
		: { key: 'orders.file.tooLarge', params: { size: megabytes(bytes), max: MAX_CSV_BYTES / MB } }
}

type Header = { ok: true; index: Map<CsvColumn, number> } | { ok: false; problem: RowProblem }

/** The first row, case-insensitive and in any order; every problem names what to change. */
function readHeader(cells: string[]): Header {
	const names = cells.map((c) => c.trim().toLowerCase())
	const index = new Map<CsvColumn, number>()
	const unknown: string[] = []
	const repeated: string[] = []
	names.forEach((name, i) => {
		if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
			if (name) unknown.push(name)
			return
		}
		if (index.has(name as CsvColumn)) repeated.push(name)
		else index.set(name as CsvColumn, i)
	})
	const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c))
	if (missing.length > 0) return { ok: false, problem: { key: 'orders.file.missingColumns', params: { missing: missing.join(', '), expected: EXPECTED_HEADER } } }
	if (unknown.length > 0) return { ok: false, problem: { key: 'orders.file.unknownColumns', params: { unknown: unknown.slice(0, 5).join(', '), expected: EXPECTED_HEADER } } }
	if (repeated.length > 0) return { ok: false, problem: { key: 'orders.file.repeatedColumns', params: { columns: repeated.join(', ') } } }
	return { ok: true, index }
}

function decode(bytes: Uint8Array): string | null {
	try {
		// fatal: a file saved in GBK (older Excel on Chinese Windows) is refused, not garbled.
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		return null
	}
}

/**
 * Reads a CSV file of orders (one row per order; see EXPECTED_HEADER). A problem with the
 * file as a whole (size, encoding, header, row count) comes back alone; otherwise every row
 * comes back, checked, with its spreadsheet row number. Blank rows are skipped.
 */
export function parseOrdersCsv(bytes: Uint8Array, now = new Date()): CsvParse {
	if (bytes.length > MAX_CSV_BYTES) return { ok: false, problem: fileTooLarge(bytes.length) }
	const text = decode(bytes)
	if (text === null) return { ok: false, problem: { key: 'orders.file.notUtf8' } }
	let records: string[][]
	try {
		// relax_quotes: a quote inside an unquoted cell (12" plate) is text, as spreadsheets write it.
		records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true }) as string[][]
	} catch (error) {
		const line = error instanceof CsvError ? (error as CsvError & { lines?: number }).lines : undefined
		return { ok: false, problem: { key: 'orders.file.unreadable', params: { line: line ?? 1 } } }
	}
	const [headerCells, ...data] = records
	if (!headerCells || headerCells.every((c) => !c.trim())) return { ok: false, problem: { key: 'orders.file.empty', params: { expected: EXPECTED_HEADER } } }
	const header = readHeader(headerCells)
	if (!header.ok) return header
	// Row numbers as the spreadsheet shows them: the header is row 1, blank rows still count.
	const rows = data.map((cells, i) => ({ row: i + 2, cells })).filter(({ cells }) => cells.some((c) => c.trim() !== ''))
	if (rows.length === 0) return { ok: false, problem: { key: 'orders.file.noRows', params: { expected: EXPECTED_HEADER } } }
	if (rows.length > MAX_CSV_ROWS) return { ok: false, problem: { key: 'orders.file.tooManyRows', params: { rows: rows.length, max: MAX_CSV_ROWS } } }
	const width = headerCells.length
	const cell = (cells: string[], column: CsvColumn) => {
		const i = header.index.get(column)
		return i === undefined ? '' : (cells[i] ?? '')
	}
	const orders = rows.map(({ row, cells }): IncomingOrder => {
		const id = cell(cells, 'order_id').trim()
		if (cells.length !== width) return { row, id, problem: { key: 'orders.row.columns', params: { count: cells.length, expected: width } } }
		const checked = validateOrder(
			{
				id,
				placedAt: cell(cells, 'placed_at'),
				email: cell(cells, 'email'),
				phone: cell(cells, 'phone'),
				claimCode: cell(cells, 'claim_code'),
				status: cell(cells, 'status'),
				coupon: cell(cells, 'coupon'),
				ref: cell(cells, 'ref'),
				total: { text: cell(cells, 'total') },
				items: { text: cell(cells, 'items') },
			},
			now,
		)
		return checked.ok ? { row, id, order: checked.order } : { row, id, problem: checked.problem }
	})
	return { ok: true, orders: markDuplicateIds(orders) }
}
