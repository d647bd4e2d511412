import { Form, Link } from '@remix-run/react'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { COUPON_AUTOS, MAX_PERCENT_OFF, VALID_DAYS, type CouponAuto, type CouponKind } from '#app/domain/membership/coupon-schema.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Template = { id: string; name: string; kind: CouponKind; value: number; minSpendCents: number; validDays: number; auto: CouponAuto; active: boolean }

/** A coupon template: what it gives (yuan or percent off), from what spend, for how many days, and when it goes out by itself. */
export function CouponTemplateForm({ editing, failure }: { editing: Template | null; failure?: FormFailure }) {
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(failure)
	const initial = (field: string, saved: string) => (failure ? (value(field) ?? '') : saved)
	const savedValue = editing ? String(editing.kind === 'amount' ? editing.value / 100 : editing.value) : ''
	return (
		<Form method="post" noValidate className="stack">
			<input type="hidden" name="intent" value="template" />
			{editing ? <input type="hidden" name="id" value={editing.id} /> : null}
			<FormAlert message={formError} />
			<Field label={t('coupons.field.name')} hint={t('coupons.field.nameHint')} name="name" maxLength={40} defaultValue={initial('name', editing?.name ?? '')} error={fieldError('name')} />
			<div className="field-row">
				<SelectField label={t('coupons.field.kind')} name="kind" defaultValue={initial('kind', editing?.kind ?? 'amount')} error={fieldError('kind')}>
					<option value="amount">{t('coupons.kind.amount')}</option>
					<option value="percent">{t('coupons.kind.percent')}</option>
				</SelectField>
				<Field label={t('coupons.field.value')} hint={t('coupons.field.valueHint', { max: MAX_PERCENT_OFF })} name="value" inputMode="decimal"
					defaultValue={initial('value', savedValue)} error={fieldError('value')} />
				<Field label={t('coupons.field.minSpend')} hint={t('coupons.field.minSpendHint')} name="minSpend" inputMode="decimal"
					defaultValue={initial('minSpend', editing ? String(editing.minSpendCents / 100) : '0')} error={fieldError('minSpend')} />
				<Field label={t('coupons.field.validDays')} hint={t('coupons.field.validDaysHint', { max: VALID_DAYS.max })} name="validDays" type="number" inputMode="numeric"
					min={VALID_DAYS.min} max={VALID_DAYS.max} defaultValue={initial('validDays', editing ? String(editing.validDays) : '30')} error={fieldError('validDays')} />
			</div>
			<SelectField label={t('coupons.field.auto')} hint={t('coupons.field.autoHint')} name="auto" defaultValue={initial('auto', editing?.auto ?? 'none')} error={fieldError('auto')}>
				{COUPON_AUTOS.map((auto) => <option key={auto} value={auto}>{t(`coupons.auto.${auto}`)}</option>)}
			</SelectField>
			<label className="check">
				<input type="checkbox" name="active" defaultChecked={failure ? value('active') === 'on' : (editing?.active ?? true)} /> {t('coupons.field.active')}
			</label>
			<div className="form-actions">
				<button type="submit" className="button button-primary">{t(editing ? 'coupons.saveTemplate' : 'coupons.createTemplate')}</button>
				{editing ? <Link to="/console/coupons" className="button button-quiet">{t('coupons.cancelEdit')}</Link> : null}
			</div>
		</Form>
	)
}
