import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { exampleOrdersCsv } from '#app/domain/membership/order-example.ts'

/** /console/orders/example.csv: a file with the right header and a few rows to copy. */
export function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	// A BOM first, so Excel on Windows opens the UTF-8 file without garbling Chinese text.
	return new Response(`\ufeff${exampleOrdersCsv()}`, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="quanzi-orders-example.csv"',
			'Cache-Control': 'no-store',
		},
	})
}
