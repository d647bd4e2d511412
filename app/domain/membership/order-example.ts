import { EXPECTED_HEADER } from './order-schema.ts'

// The examples the console offers: a CSV file to download and a webhook body to copy. A test
// imports both, so they can never teach a merchant a format the import refuses.

const ROWS = [
	['SO-20250308-001', '2025-03-08 14:05', 'mei@example.com', '', '', 'paid', '128.00', '', '', 'TEA-GREEN-250 x2 @59.00; CUP-CELADON'],
	['SO-20250308-002', '2025-03-08 15:40', '', '+86 138 0013 8000', 'RECEIPT0002', 'paid', '59.00', '', 'share:AB12CD', 'TEA-GREEN-250'],
	['SO-20250309-003', '2025-03-09T10:00:00+08:00', 'lin@example.com', '', '', 'refunded', '1,280.00', 'SPRING10', '', 'TEA-SET-GIFT @1280.00'],
]

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)

export function exampleOrdersCsv(): string {
	return [EXPECTED_HEADER, ...ROWS.map((row) => row.map(quote).join(','))].join('\r\n') + '\r\n'
}

export function exampleWebhookBody(): string {
	return JSON.stringify(
		{
			orders: [
				{
					id: 'SO-20250308-001',
					placedAt: '2025-03-08T14:05:00+08:00',
					email: 'mei@example.com',
					status: 'paid',
					totalCents: 12800,
					lines: [
						{ sku: 'TEA-GREEN-250', quantity: 2, unitCents: 5900 },
						{ sku: 'CUP-CELADON', quantity: 1, unitCents: 1000 },
					],
				},
			],
		},
		null,
		2,
	)
}
