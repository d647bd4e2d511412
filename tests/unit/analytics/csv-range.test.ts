import { describe, expect, test } from 'vitest'
import { csvCell, toCsv } from '#app/domain/analytics/csv.ts'
import { parseRange } from '#app/domain/analytics/range.ts'

describe('CSV cells', () => {
	test('quotes commas, quotes and line breaks, and neutralises formula-looking text', () => {
		expect(csvCell('Tea, green')).toBe('"Tea, green"')
		expect(csvCell('A "fine" cup')).toBe('"A ""fine"" cup"')
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
		for (const start of ['+', '-', '@']) expect(csvCell(`${start}1`)).toBe(`'${start}1`)
		expect(csvCell(-3)).toBe('-3') // our own numbers stay numbers
		expect(toCsv(['Room', 'Likes'], [['Tea', 1]])).toBe('Room,Likes\r\nTea,1\r\n')
	})
})

describe('the date range', () => {
	const now = new Date('2026-03-31T10:00:00Z')
	test('defaults to the last 90 days', () => {
		const range = parseRange(new URLSearchParams(), now)
		expect(range.to).toEqual(now)
		expect(range.from).toEqual(new Date('2025-12-31T10:00:00Z'))
	})
	test('takes both days whole, and falls back when reversed or unreadable', () => {
		expect(parseRange(new URLSearchParams('from=2026-01-05&to=2026-01-25'), now)).toEqual({ from: new Date('2026-01-05T00:00:00Z'), to: new Date('2026-01-25T23:59:59.999Z') })
		expect(parseRange(new URLSearchParams('from=2026-02-01&to=2026-01-01'), now).from).toEqual(new Date('2025-10-03T23:59:59.999Z'))
		expect(parseRange(new URLSearchParams('from=soon&to=2026-13-45'), now)).toEqual({ from: new Date('2025-12-31T10:00:00Z'), to: now })
	})
})
