import { Form, Link, useNavigation } from '@remix-run/react'
import { FormAlert } from '#app/components/ui/field.tsx'
import { EXPECTED_HEADER, MAX_CSV_BYTES, MAX_CSV_ROWS, MB } from '#app/domain/membership/order-schema.ts'
import type { ConsoleOutcome, ListedRow } from '#app/domain/membership/order-views.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Preview = Extract<ConsoleOutcome, { kind: 'preview' }>
type Imported = Extract<ConsoleOutcome, { kind: 'imported' }>

/** Step one: choose a file; its problems as a whole (size, header) come back above the input. */
export function OrderUploadForm({ fileError }: { fileError?: string | null }) {
	const t = useT()
	const busy = useNavigation().formEncType === 'multipart/form-data'
	return (
		<Form method="post" encType="multipart/form-data" className="stack" aria-labelledby="upload-title">
			<h2 id="upload-title">{t('orders.upload.title')}</h2>
			<FormAlert message={fileError} />
			<div className="field">
				<label htmlFor="orders-file">{t('orders.upload.file')}</label>
				<input id="orders-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="orders-file-hint" />
				<p id="orders-file-hint" className="field-hint">{t('orders.upload.hint', { mb: MAX_CSV_BYTES / MB, rows: MAX_CSV_ROWS.toLocaleString('en') })}</p>
			</div>
			<div className="orders-format">
				<p className="muted">{t('orders.upload.header')}</p>
				<pre className="orders-code orders-code-wrap">{EXPECTED_HEADER}</pre>
				<p className="muted">{t('orders.upload.columns')}</p>
			</div>
			<div className="orders-actions">
				<button type="submit" className="button button-primary" disabled={busy}>{busy ? t('orders.upload.sending') : t('orders.upload.submit')}</button>
				<Link to="/console/orders/example.csv" reloadDocument className="button button-quiet">{t('orders.upload.example')}</Link>
			</div>
		</Form>
	)
}

function RowsTable({ rows, labelledBy }: { rows: ListedRow[]; labelledBy: string }) {
	const t = useT()
	return (
		<div className="table-wrap">
			<table className="orders-table" aria-labelledby={labelledBy}>
				<thead>
					<tr><th>{t('orders.column.row')}</th><th>{t('orders.column.order')}</th><th>{t('orders.column.action')}</th><th>{t('orders.column.note')}</th></tr>
				</thead>
				<tbody>
					{rows.map((r) => (
						<tr key={r.row} className={`orders-row-${r.action}${r.message && r.action !== 'error' ? ' orders-row-warning' : ''}`}>
							<td className="orders-rownum" data-label={t('orders.column.row')}>{r.row}</td>
							<td className="orders-id">{r.id}</td>
							<td className="orders-what"><span className={`orders-action orders-action-${r.action}`}>{t(`orders.action.${r.action}`)}</span></td>
							<td className="orders-note">{r.message ? t(r.message.key, r.message.params) : ''}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

/** Step two: what the file would do, errors first, and the button that does it. */
export function OrderPreview({ preview }: { preview: Preview }) {
	const t = useT()
	const busy = useNavigation().formData?.get('intent') === 'import'
	const toImport = preview.counts.create + preview.counts.update
	const counts = ['create', 'update', 'unchanged', 'error', 'warning'] as const
	return (
		<section className="card stack" aria-labelledby="preview-title">
			<h2 id="preview-title">{t('orders.preview.title', { file: preview.fileName })}</h2>
			<dl className="stats orders-stats">
				{counts.map((c) => (
					<div key={c} className={`stat orders-stat-${c}`}><dt>{t(`orders.count.${c}`)}</dt><dd>{preview.counts[c]}</dd></div>
				))}
			</dl>
			<RowsTable rows={preview.rows} labelledBy="preview-title" />
			{preview.more > 0 ? <p className="muted">{t('orders.preview.more', { count: preview.more })}</p> : null}
			{toImport > 0 ? (
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="import" />
					<input type="hidden" name="sha256" value={preview.sha256} />
					<input type="hidden" name="fileName" value={preview.fileName} />
					{preview.counts.error > 0 ? <p className="muted">{t('orders.preview.skipHint')}</p> : null}
					<div className="orders-actions">
						<button type="submit" className="button button-primary" disabled={busy}>{busy ? t('orders.preview.importing') : t('orders.preview.import', { count: toImport })}</button>
					</div>
				</Form>
			) : (
				<p className="form-alert" role="status">{t('orders.preview.nothing')}</p>
			)}
		</section>
	)
}

/** After the import: what it did, and the rows it skipped with why. */
export function OrderImportResult({ result }: { result: Imported }) {
	const t = useT()
	return (
		<section className="card stack" aria-labelledby="imported-title">
			<h2 id="imported-title">{t('orders.imported.title', { file: result.fileName })}</h2>
			<p className="form-success" role="status">{t('orders.imported.summary', result.counts)}</p>
			{result.unlinked > 0 ? <p className="muted">{t('orders.imported.unlinked', { count: result.unlinked })}</p> : null}
			{result.errors.length > 0 ? (
				<>
					<h3 id="skipped-title">{t('orders.imported.errors')}</h3>
					<RowsTable rows={result.errors} labelledBy="skipped-title" />
					{result.more > 0 ? <p className="muted">{t('orders.preview.more', { count: result.more })}</p> : null}
				</>
			) : null}
		</section>
	)
}
