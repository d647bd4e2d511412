/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * A text cell a spreadsheet would read as a formula (= + - @, or a leading tab or carriage
 * return) gets a ' first: a member's candidate or room title must not run in the merchant's
 * Excel. Numbers we computed are written as they are (a negative figure stays a number).
 */
export function csvCell(value: string | number): string {
	let text = String(value)
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(head: string[], rows: (string | number)[][]): string {
	return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
