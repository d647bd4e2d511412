import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { exampleOrdersCsv } from '#app/domain/membership/order-example.ts'
import { EXPECTED_HEADER, MAX_CSV_BYTES, MAX_CSV_ROWS, type IncomingOrder } from '#app/domain/membership/order-schema.ts'
import { parseItems, parsePlacedAt, parseYuan } from '#app/domain/membership/order-values.ts'
import { parseOrdersCsv } from '#app/domain/membership/orders-csv.server.ts'
import { readKeptFile, receiveOrderFile } from '#app/domain/membership/orders-upload.server.ts'
import { translator } from '#app/lib/i18n/index.ts'

// The CSV format as a merchant's spreadsheet writes it: header rules, per-row errors with the
// row numbers the spreadsheet shows, and the file limits (streamed, never buffered whole).

const en = translator('en')
const NOW = new Date('2025-06-01T00:00:00Z')
const bytes = (text: string) => new TextEncoder().encode(text)
const HEADER = 'order_id,placed_at,email,phone,claim_code,status,total,coupon,ref,items'

function parse(text: string) {
	const result = parseOrdersCsv(bytes(text), NOW)
	if (!result.ok) throw new Error(`file refused: ${en(result.problem.key, result.problem.params)}`)
	return result.orders
}
/** Each row as [spreadsheet row, English message or 'ok']. */
const verdicts = (orders: IncomingOrder[]) => orders.map((o) => [o.row, o.problem ? en(o.problem.key, o.problem.params) : 'ok'])
function fileProblem(input: string | Uint8Array) {
	const result = parseOrdersCsv(typeof input === 'string' ? bytes(input) : input, NOW)
	if (result.ok) throw new Error('file accepted')
	return en(result.problem.key, result.problem.params)
}

describe('values', () => {
	test('dates: China time without a zone, the zone when given; impossible dates refused', () => {
		expect(parsePlacedAt('2025-03-08 14:05')?.toISOString()).toBe('2025-03-08T06:05:00.000Z')
		expect(parsePlacedAt('2025-03-08')?.toISOString()).toBe('2025-03-07T16:00:00.000Z')
		expect(parsePlacedAt('2025/3/8 9:05:30')?.toISOString()).toBe('2025-03-08T01:05:30.000Z')
		expect(parsePlacedAt('2025-03-08T06:05:00Z')?.toISOString()).toBe('2025-03-08T06:05:00.000Z')
		expect(parsePlacedAt('2025-03-08T14:05:00.250+08:00')?.toISOString()).toBe('2025-03-08T06:05:00.250Z')
		expect(parsePlacedAt('2025-03-08T01:05:00-05:00')?.toISOString()).toBe('2025-03-08T06:05:00.000Z')
		for (const bad of ['2025-02-30', '2025-13-01', '2025-03-08 25:00', '08/03/2025', 'yesterday', '2025-03-08 14:5']) expect(parsePlacedAt(bad), bad).toBeNull()
	})

	test('yuan to cents without floating-point drift; negatives and words named', () => {
		expect(parseYuan('128.00')).toBe(12800)
		expect(parseYuan('0.29')).toBe(29)
		expect(parseYuan('¥1,280.5')).toBe(128050)
		expect(parseYuan('7')).toBe(700)
		expect(parseYuan('-5.00')).toBe('negative')
		expect(parseYuan('12.345')).toBe('invalid')
		expect(parseYuan('twelve')).toBe('invalid')
	})

	test('items: quantity defaults to 1, a missing price to 0', () => {
		expect(parseItems('TEA-01 x2 @59.00; CUP-02; SET.3 × 3; BAG_4*2 @1,200')).toEqual([
			{ sku: 'TEA-01', quantity: 2, unitCents: 5900 },
			{ sku: 'CUP-02', quantity: 1, unitCents: 0 },
			{ sku: 'SET.3', quantity: 3, unitCents: 0 },
			{ sku: 'BAG_4', quantity: 2, unitCents: 120000 },
		])
		expect(parseItems('TEA-01 x0')).toMatchObject({ key: 'orders.row.itemsInvalid' })
		expect(parseItems('two teas please')).toMatchObject({ key: 'orders.row.itemsInvalid', params: { item: 'two teas please' } })
	})
})

describe('the header', () => {
	test('case-insensitive, in any order, with a UTF-8 BOM and only the required columns', () => {
		const orders = parse(`\ufeffITEMS,Total,Placed_At,ORDER_ID\r\nTEA-01 x2 @59.00,118.00,2025-03-08 14:05,SO-1\r\n`)
		expect(orders).toEqual([
			{
				row: 2,
				id: 'SO-1',
				order: {
					externalId: 'SO-1', placedAt: new Date('2025-03-08T06:05:00Z'), email: null, phone: null, claimCode: null, status: 'paid',
					totalCents: 11800, couponCode: null, ref: null, lines: [{ sku: 'TEA-01', quantity: 2, unitCents: 5900 }],
				},
			},
		])
	})

	test('the example file the console offers reads without a single error', () => {
		const orders = parse(exampleOrdersCsv())
		expect(verdicts(orders)).toEqual([[2, 'ok'], [3, 'ok'], [4, 'ok']])
		expect(orders[1]!.order).toMatchObject({ phone: '13800138000', claimCode: 'RECEIPT0002', ref: 'share:AB12CD' })
		expect(orders[2]!.order).toMatchObject({ status: 'refunded', totalCents: 128000, couponCode: 'SPRING10' })
	})

	test('a wrong header is one error for the file, naming the missing columns and showing the expected header', () => {
		const message = fileProblem('id,date,amount,products\nSO-1,2025-03-08,12.00,TEA-01\n')
		expect(message).toContain('missing these columns: order_id, placed_at, total, items')
		expect(message).toContain(EXPECTED_HEADER)
		expect(fileProblem(`${HEADER},note\nSO-1,2025-03-08,,,,,1.00,,,TEA\n`)).toContain('columns Quanzi does not know: note')
		expect(fileProblem('order_id,placed_at,total,items,total\n')).toContain('names these columns twice: total')
		expect(fileProblem('')).toContain('This file is empty')
		expect(fileProblem(`${HEADER}\n\n`)).toContain('a header but no orders')
	})

	test('a file not in UTF-8 (GBK from older Excel) or with an unclosed quote is refused with what to do', () => {
		const gbk = Uint8Array.from([...bytes(`${HEADER}\nSO-1,2025-03-08,,,,,1.00,,,`), 0xb2, 0xe8, 0x0a])
		expect(fileProblem(gbk)).toContain('save it as “CSV UTF-8”')
		expect(fileProblem(`${HEADER}\nSO-1,"2025-03-08,,,,,1.00,,,TEA\n`)).toMatch(/cannot be read as CSV near line \d/)
	})
})

describe('row errors, numbered as the spreadsheet shows them', () => {
	test('each problem is reported on its own row; blank rows are skipped but still counted', () => {
		const rows = [
			'SO-1,2025-03-08 14:05,mei@example.com,,,paid,128.00,,,TEA-01 x2 @59.00', // 2 ok
			',2025-03-08,,,,,1.00,,,TEA', // 3 missing id
			'   ,2025-03-08,,,,,1.00,,,TEA', // 4 blank id
			'SO-4,08/03/2025,,,,,1.00,,,TEA', // 5 bad date
			'SO-5,2025-03-08,,,,,-12.00,,,TEA', // 6 negative total
			'SO-6,2025-03-08,,,,,12 yuan,,,TEA', // 7 non-numeric total
			'SO-7,2025-03-08,,,,shipped,1.00,,,TEA', // 8 bad status
			'SO-8,2025-03-08,,,,,1.00,,,TEA x two', // 9 malformed items
			'SO-9,2025-03-08,not-an-email,,,,1.00,,,TEA', // 10 invalid email
			'SO-10,2025-03-08,,call me,,,1.00,,,TEA', // 11 invalid phone
			'', // 12 blank
			'SO-12,2025-03-08,,,,,1.00,,,', // 13 no items
			'SO-13,2025-03-08,,,,1.00,,,TEA', // 14 a cell short
			'SO-14,2030-01-01,,,,,1.00,,,TEA', // 15 in the future
		]
		expect(verdicts(parse([HEADER, ...rows].join('\n')))).toEqual([
			[2, 'ok'],
			[3, 'order_id is empty. Every order needs the shop’s order number.'],
			[4, 'order_id is empty. Every order needs the shop’s order number.'],
			[5, 'placed_at “08/03/2025” is not a date. Write 2025-03-08, 2025-03-08 14:05 (China time) or an ISO date such as 2025-03-08T06:05:00Z.'],
			[6, 'total -12.00 is negative. A total is 0 or more; record a refund with status refunded.'],
			[7, 'total “12 yuan” is not an amount in yuan. Write it like 128.00 (at most 2 decimals).'],
			[8, 'status “shipped” is not paid, refunded or cancelled. Leave it empty for paid.'],
			[9, 'The item “TEA x two” cannot be read. Write each item as SKU x2 @59.00 (quantity and price optional), separated by semicolons.'],
			[10, 'email “not-an-email” is not an email address. Fix it or leave the cell empty.'],
			[11, 'phone “call me” is not a phone number (6 to 15 digits). Fix it or leave the cell empty.'],
			[13, 'items is empty. List what was bought, e.g. TEA-01 x2 @59.00; CUP-02.'],
			[14, 'This row has 9 cells but the header has 10. Look for a stray comma; text with commas must be in quotes.'],
			[15, 'placed_at “2030-01-01” is in the future. Check the date.'],
		])
	})

	test('a duplicate order id is refused on every row after the first, naming the first row', () => {
		const rows = ['SO-1,2025-03-08,,,,,1.00,,,TEA', 'SO-2,2025-03-08,,,,,1.00,,,TEA', 'SO-1,2025-03-09,,,,,2.00,,,TEA', 'SO-1,2025-03-08,,,,,1.00,,,TEA']
		expect(verdicts(parse([HEADER, ...rows].join('\n')))).toEqual([
			[2, 'ok'],
			[3, 'ok'],
			[4, 'Order SO-1 appears twice: row 2 has it already. Keep one row per order.'],
			[5, 'Order SO-1 appears twice: row 2 has it already. Keep one row per order.'],
		])
	})

	test('text with commas and line breaks in quotes is one cell', () => {
		const orders = parse(`${HEADER}\nSO-1,2025-03-08,,,,,"1,280.00",,"gift, wrapped",TEA\n`)
		expect(orders[0]!.order).toMatchObject({ totalCents: 128000, ref: 'gift, wrapped' })
		// A quote inside an unquoted cell is just a character, as spreadsheets write it.
		expect(parse(`${HEADER}\nSO-2,2025-03-08,,,,,1.00,,12" plate,TEA\n`)[0]!.order).toMatchObject({ ref: '12" plate' })
	})
})

describe('file limits', () => {
	test(`more than ${MAX_CSV_ROWS.toLocaleString('en')} rows is refused with the count and the limit`, () => {
		const row = 'S,2025-03-08,,,,,1,,,T\n'
		const text = HEADER + '\n' + row.repeat(MAX_CSV_ROWS + 1)
		expect(fileProblem(text)).toBe('This file has 50001 orders; one import takes at most 50000. Split it into smaller files and import them one by one.')
		expect(parseOrdersCsv(bytes(HEADER + '\n' + row.repeat(MAX_CSV_ROWS)), NOW).ok).toBe(true)
	})

	test('a file over 10 MB is refused with its size and the limit', () => {
		const big = new Uint8Array(MAX_CSV_BYTES + 1).fill(0x41)
		expect(fileProblem(big)).toBe('This file is 10.0 MB; one import takes at most 10 MB. Split it into smaller files and import them one by one.')
	})
})

/** A multipart upload whose body is made as it is read, with no Content-Length: like a browser streaming a big file. */
function streamedUpload(fileBytes: number, chunk = 256 * 1024) {
	const boundary = 'quanzi-test-boundary'
	const head = bytes(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orders.csv"\r\nContent-Type: text/csv\r\n\r\n`)
	const tail = bytes(`\r\n--${boundary}--\r\n`)
	const block = new Uint8Array(chunk).fill(0x41)
	let sent = 0
	let pulls = 0
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(head)
		},
		pull(controller) {
			pulls++
			if (sent >= fileBytes) {
				controller.enqueue(tail)
				controller.close()
				return
			}
			const n = Math.min(chunk, fileBytes - sent)
			sent += n
			controller.enqueue(n === chunk ? block : block.subarray(0, n))
		},
	})
	const request = new Request('http://localhost/console/orders', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body, duplex: 'half' } as RequestInit)
	return { request, pulls: () => pulls }
}

const importsDir = () => path.resolve(process.env.DATA_DIR!, 'imports')

describe('the upload streams to disk, counted as it arrives', () => {
	test('a 12 MB upload without Content-Length is refused with its size, and nothing of it is kept', async () => {
		const upload = streamedUpload(12 * 1024 * 1024)
		const result = await receiveOrderFile(upload.request)
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(en(result.problem.key, result.problem.params)).toBe('This file is 12.0 MB; one import takes at most 10 MB. Split it into smaller files and import them one by one.')
		// Read to the end in pieces (the browser gets its answer), and nothing left on disk.
		expect(upload.pulls()).toBeGreaterThan(40)
		expect(existsSync(importsDir()) ? readdirSync(importsDir()) : []).toEqual([])
	})

	test('a file within the limit is kept under its SHA-256 for the import step', async () => {
		const text = `${HEADER}\nSO-1,2025-03-08,,,,,1.00,,,TEA\n`
		const boundary = 'b0undary'
		const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="march.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`
		const request = new Request('http://localhost/console/orders', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body })
		const result = await receiveOrderFile(request)
		const sha256 = createHash('sha256').update(text).digest('hex')
		expect(result).toEqual({ ok: true, sha256, name: 'march.csv', bytes: Buffer.byteLength(text) })
		expect((await readKeptFile(sha256))?.toString()).toBe(text)
		expect(await readKeptFile('../../etc/passwd')).toBeNull()
	})

	test('a form without a file asks for one', async () => {
		const boundary = 'b0undary'
		const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--${boundary}--\r\n`
		const result = await receiveOrderFile(new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body }))
		expect(result).toEqual({ ok: false, problem: { key: 'orders.file.missing' } })
	})
})
