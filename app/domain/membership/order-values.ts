import type { OrderLineInput, RowProblem } from './order-schema.ts'

// The text forms a merchant's spreadsheet holds: dates, yuan amounts and the items column.

/** China Standard Time: the shop's clock when a date carries no zone of its own. */
const CHINA_OFFSET_MINUTES = 8 * 60
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i

function zoneMinutes(zone: string | undefined): number {
	if (!zone) return CHINA_OFFSET_MINUTES
	if (zone.toUpperCase() === 'Z') return 0
	const digits = zone.slice(1).replace(':', '')
	const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)
	return zone.startsWith('-') ? -minutes : minutes
}

/**
 * "2025-03-08", "2025-03-08 14:05", "2025/3/8 14:05:09" or full ISO ("2025-03-08T06:05:00Z",
 * "…+08:00"). Without a zone the time is China time (+08:00). null for anything else,
 * including dates that do not exist (Feb 30th, 25:00).
 */
export function parsePlacedAt(text: string): Date | null {
	const m = DATE.exec(text.trim())
	if (!m) return null
	const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v))) as number[]
	const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0
	if (month! < 1 || month! > 12 || hour > 23 || minute > 59 || second > 59) return null
	const local = Date.UTC(year!, month! - 1, day!, hour, minute, second, ms)
	// Date.UTC rolls Feb 30th over into March; a date that does not come back unchanged is not real.
	if (new Date(local).getUTCDate() !== day) return null
	return new Date(local - zoneMinutes(m[8]) * 60_000)
}

/** Yuan as text ("128", "128.5", "¥1,280.00") in cents; 'negative' and 'invalid' name the problem. */
export function parseYuan(text: string): number | 'negative' | 'invalid' {
	const trimmed = text.trim().replace(/^[¥￥]\s*/, '')
	const negative = /^[-−]/.test(trimmed)
	const body = trimmed.replace(/^[-−]\s*[¥￥]?/, '')
	const plain = /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(body) ? body.replaceAll(',', '') : body
	if (!/^\d+(\.\d{1,2})?$/.test(plain)) return 'invalid'
	if (negative) return Number(plain) === 0 ? 0 : 'negative'
	const [whole, fraction = ''] = plain.split('.')
	// Integer arithmetic: 0.29 * 100 is 28.999… in floating point.
	return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

/** Cents as yuan for messages and notifications: "¥12.00". */
export function yuan(cents: number): string {
	const sign = cents < 0 ? '-' : ''
	const abs = Math.abs(cents)
	return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

// "SKU x2 @59.00": a SKU, then an optional quantity ("x2", "× 2", "*2"), then an optional unit price.
const ITEM = /^([A-Za-z0-9._-]{1,64})(?:(?:\s+[xX×]\s*|\s*[*×]\s*)(\d{1,4}))?(?:\s*@\s*[¥￥]?\s*([\d,]+(?:\.\d{1,2})?))?$/

/** The items column, "SKU x2 @59.00; SKU2": quantity defaults to 1, a missing price to 0. */
export function parseItems(text: string): OrderLineInput[] | RowProblem {
	const parts = text.split(/[;；]/).map((p) => p.trim()).filter(Boolean)
	if (parts.length === 0) return { key: 'orders.row.itemsMissing' }
	const lines: OrderLineInput[] = []
	for (const part of parts) {
		const m = ITEM.exec(part)
		const quantity = m?.[2] ? Number(m[2]) : 1
		const unit = m?.[3] ? parseYuan(m[3]) : 0
		if (!m || quantity < 1 || typeof unit !== 'number') return { key: 'orders.row.itemsInvalid', params: { item: part.slice(0, 80) } }
		lines.push({ sku: m[1]!, quantity, unitCents: unit })
	}
	return lines
}
