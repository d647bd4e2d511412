import { Form } from '@remix-run/react'
import { REPORT_REASONS } from '#app/domain/posts/schemas.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { Icon } from '../icons.tsx'

type Result = { ok: boolean; intent: string; target?: string; values?: Record<string, string>; message?: MessageKey; formError?: MessageKey; fieldErrors?: Partial<Record<string, MessageKey>> } | undefined

/** "Report": a reason from the list and optional details, tucked away until opened. */
export function ReportForm({ targetType, targetId, result }: { targetType: 'post' | 'comment'; targetId: string; result: Result }) {
	const t = useT()
	// Several report forms share the page's one action result: each answers only for its own target.
	const mine = result?.intent === 'report' && (result.target ?? result.values?.targetId) === targetId
	if (mine && result?.ok) return <p className="post-action muted" role="status">{t('report.thanks')}</p>
	const error = mine ? (result?.fieldErrors?.reason ?? result?.formError) : undefined
	return (
		<details className="report" open={mine && !result?.ok}>
			<summary className="post-action">
				<Icon name="flag" width={18} height={18} />
				{t('report.open')}
			</summary>
			<Form method="post" className="stack report-form" preventScrollReset>
				<input type="hidden" name="targetType" value={targetType} />
				<input type="hidden" name="targetId" value={targetId} />
				<fieldset className="field">
					<legend>{t('report.reasonLabel')}</legend>
					{REPORT_REASONS.map((r) => (
						<label key={r} className="check">
							<input type="radio" name="reason" value={r} />
							{t(`report.reason.${r}`)}
						</label>
					))}
				</fieldset>
				<div className="field">
					<label htmlFor={`report-note-${targetId}`}>{t('report.note')}</label>
					<textarea id={`report-note-${targetId}`} name="note" rows={2} maxLength={500} />
				</div>
				{error ? <p className="field-error" role="alert">{t(error)}</p> : null}
				<button type="submit" name="intent" value="report" className="button button-quiet">{t('report.submit')}</button>
			</Form>
		</details>
	)
}
