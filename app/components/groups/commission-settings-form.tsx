import { Form } from '@remix-run/react'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Settings = { level1Bps: number; level2Bps: number; currency: 'points' | 'cash'; pointsPerYuan: number }

/** The merchant's commission terms. Rates are typed in percent; there is no third level to type. */
export function CommissionSettingsForm({ settings, failure, saved }: { settings: Settings; failure?: FormFailure; saved: boolean }) {
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(failure)
	return (
		<Form method="post" noValidate className="stack commission-settings">
			<input type="hidden" name="intent" value="settings" />
			<p className="muted">{t('commission.twoLevelsRule')}</p>
			<FormAlert message={formError} />
			{saved && !failure ? <p className="form-success" role="status">{t('commission.saved')}</p> : null}
			<div className="commission-rates">
				<Field label={t('commission.level1')} hint={t('commission.level1Hint')} name="level1Percent" type="number" inputMode="decimal" min={0} max={30} step={0.01}
					defaultValue={value('level1Percent') ?? String(settings.level1Bps / 100)} error={fieldError('level1Percent')} />
				<Field label={t('commission.level2')} hint={t('commission.level2Hint')} name="level2Percent" type="number" inputMode="decimal" min={0} max={30} step={0.01}
					defaultValue={value('level2Percent') ?? String(settings.level2Bps / 100)} error={fieldError('level2Percent')} />
			</div>
			<div className="commission-rates">
				<SelectField label={t('commission.currency')} name="currency" defaultValue={value('currency') ?? settings.currency} error={fieldError('currency')}>
					<option value="points">{t('commission.currency.points')}</option>
					<option value="cash">{t('commission.currency.cash')}</option>
				</SelectField>
				<Field label={t('commission.pointsPerYuan')} hint={t('commission.pointsPerYuanHint')} name="pointsPerYuan" type="number" inputMode="numeric" min={1} max={1000} step={1}
					defaultValue={value('pointsPerYuan') ?? String(settings.pointsPerYuan)} error={fieldError('pointsPerYuan')} />
			</div>
			<p className="field-hint">{t('commission.whenPaid')}</p>
			<button type="submit" className="button button-primary">{t('commission.save')}</button>
		</Form>
	)
}
