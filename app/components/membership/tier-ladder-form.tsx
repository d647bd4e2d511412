import { Form } from '@remix-run/react'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

/** Six rows: the most tiers a ladder may have (tier-admin-parse.server.ts MAX_TIERS). */
const ROWS = 6

type Tier = { position: number; name: string; minSpendCents: number; pointsMultiplierPct: number; couponTemplateId: string | null }
type Props = {
	tiers: Tier[]
	settings: { periodDays: number; graceDays: number }
	templates: { id: string; name: string }[]
	failure?: FormFailure
}

/** The whole ladder in one form: each row a tier, lowest first; blank rows are left out. */
export function TierLadderForm({ tiers, settings, templates, failure }: Props) {
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(failure)
	const byPosition = new Map(tiers.map((tier) => [tier.position, tier]))
	// After a refused save the merchant's typing comes back; otherwise the saved ladder.
	const initial = (i: number, field: 'name' | 'threshold' | 'multiplier' | 'couponTemplateId') => {
		if (failure) return value(`tier${i}.${field}`) ?? ''
		const tier = byPosition.get(i)
		if (!tier) return ''
		if (field === 'name') return tier.name
		if (field === 'threshold') return String(tier.minSpendCents / 100)
		if (field === 'multiplier') return String(tier.pointsMultiplierPct / 100)
		return tier.couponTemplateId ?? ''
	}
	return (
		<Form method="post" noValidate className="stack tier-ladder">
			<input type="hidden" name="intent" value="ladder" />
			<p className="muted">{t('tiers.ladderHint')}</p>
			<FormAlert message={formError} />
			{Array.from({ length: ROWS }, (_, i) => (
				<fieldset key={i} className="tier-row">
					<legend>{t('tiers.row', { n: i + 1 })}</legend>
					<Field label={t('tiers.name')} name={`tier${i}.name`} maxLength={20} defaultValue={initial(i, 'name')} error={fieldError(`tier${i}.name`)} />
					<Field label={t('tiers.threshold')} hint={i === 0 ? t('tiers.thresholdFirstHint') : undefined} name={`tier${i}.threshold`} inputMode="decimal"
						defaultValue={initial(i, 'threshold')} error={fieldError(`tier${i}.threshold`)} />
					<Field label={t('tiers.multiplier')} name={`tier${i}.multiplier`} inputMode="decimal" defaultValue={initial(i, 'multiplier')} error={fieldError(`tier${i}.multiplier`)} />
					<SelectField label={t('tiers.coupon')} name={`tier${i}.couponTemplateId`} defaultValue={initial(i, 'couponTemplateId')} error={fieldError(`tier${i}.couponTemplateId`)}>
						<option value="">{t('tiers.noCoupon')}</option>
						{templates.map((template) => <option key={template.id} value={template.id}>{template.name}</option>)}
					</SelectField>
				</fieldset>
			))}
			<div className="field-row">
				<Field label={t('tiers.period')} hint={t('tiers.periodHint')} name="periodDays" type="number" inputMode="numeric" min={30} max={730}
					defaultValue={failure ? value('periodDays') : String(settings.periodDays)} error={fieldError('periodDays')} />
				<Field label={t('tiers.grace')} hint={t('tiers.graceHint')} name="graceDays" type="number" inputMode="numeric" min={0} max={180}
					defaultValue={failure ? value('graceDays') : String(settings.graceDays)} error={fieldError('graceDays')} />
			</div>
			<button type="submit" className="button button-primary">{t('tiers.save')}</button>
		</Form>
	)
}
