import type { ReactNode } from 'react'
import { chartTable, type ChartData } from '#app/domain/analytics/tables.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { ChartCanvas } from './chart-canvas.tsx'

/** A chart's card: title, notes, the canvas, its figures as a table for screen readers, and the CSV link. */
export function ChartCard({ chart, csvHref, empty, children }: { chart: ChartData; csvHref: string; empty: boolean; children?: ReactNode }) {
	const t = useT()
	const title = t(`analytics.chart.${chart.chart}`)
	const table = chartTable(chart)
	const id = `chart-${chart.chart}`
	return (
		<section className="card stack analytics-card" aria-labelledby={id}>
			<div className="analytics-card-head">
				<h2 id={id}>{title}</h2>
				<a className="button button-quiet" href={csvHref} download>{t('analytics.download')}</a>
			</div>
			{children}
			{empty ? <p className="muted">{t('analytics.empty')}</p> : <ChartCanvas chart={chart} label={title} />}
			{/* NOTE: a table never shrinks below its content, so the 1-pixel clip is on a wrapper: on the table itself it spilled past the page. */}
			<div className="visually-hidden">
				<table>
					<caption>{t('analytics.tableCaption', { title })}</caption>
					<thead>
						<tr>{table.head.map((key) => <th key={key} scope="col">{t(key)}</th>)}</tr>
					</thead>
					<tbody>
						{table.rows.map((row, i) => (
							<tr key={i}>{row.map((cell, j) => <td key={j}>{cell}</td>)}</tr>
						))}
					</tbody>
				</table>
			</div>
		</section>
	)
}
