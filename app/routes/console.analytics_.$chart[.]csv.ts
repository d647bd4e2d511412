import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { toCsv } from '#app/domain/analytics/csv.ts'
import { loadChart } from '#app/domain/analytics/dashboard.server.ts'
import { isChartName, isoDay, parseRange } from '#app/domain/analytics/range.ts'
import { chartTable } from '#app/domain/analytics/tables.ts'
import { translator } from '#app/lib/i18n/index.ts'

/** /console/analytics/<chart>.csv?from=&to=: one chart's figures as the page shows them, header row in the merchant's language. */
export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const chart = args.params.chart
	if (!isChartName(chart)) throw new Response('Not found', { status: 404 })
	const range = parseRange(new URL(args.request.url).searchParams)
	const table = chartTable(await loadChart(chart, range))
	const t = translator(args.context.locale)
	const filename = `quanzi-${chart}-${isoDay(range.from)}-${isoDay(range.to)}.csv`
	// A BOM first, so Excel on Windows opens the UTF-8 file without garbling Chinese text.
	return new Response(`\ufeff${toCsv(table.head.map((key) => t(key)), table.rows)}`, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'no-store',
		},
	})
}
