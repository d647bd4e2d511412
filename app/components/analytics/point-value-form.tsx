import { Form } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

/** The merchant's point value (yuan per 100 points), which prices the points in the cost per acquired member. */
export function PointValueForm({ centsPer100, failure, saved }: { centsPer100: number; failure?: FormFailure; saved: boolean }) {
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(failure)
	return (
		<section className="card stack" aria-labelledby="point-value-title">
			<h2 id="point-value-title">{t('analytics.pointValue.title')}</h2>
			<FormAlert message={formError} />
			{saved && !failure ? <p className="form-success" role="status">{t('analytics.pointValue.saved')}</p> : null}
			<Form method="post" noValidate className="analytics-point-value">
				<Field label={t('analytics.pointValue.label')} hint={t('analytics.pointValue.hint')} name="yuanPer100" inputMode="decimal"
					defaultValue={value('yuanPer100') ?? (centsPer100 / 100).toFixed(2)} error={fieldError('yuanPer100')} />
				<button type="submit" className="button button-primary">{t('analytics.pointValue.save')}</button>
			</Form>
		</section>
	)
}
