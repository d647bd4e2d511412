import { Form } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { REMINDER_DAYS, WINBACK_DAYS } from '#app/domain/membership/coupon-schema.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Props = { settings: { winbackDays: number; reminderDays: number }; birthday: string | null; winback: string | null; failure?: FormFailure }

/** The automatic coupons: which templates go out by themselves, after how long, and when members are reminded. */
export function CouponAutoForm({ settings, birthday, winback, failure }: Props) {
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(failure)
	return (
		<Form method="post" noValidate className="stack">
			<input type="hidden" name="intent" value="auto" />
			<ul className="coupon-auto-status">
				<li>{birthday ? t('coupons.birthdayActive', { name: birthday }) : t('coupons.birthdayNone')}</li>
				<li>{winback ? t('coupons.winbackActive', { name: winback }) : t('coupons.winbackNone')}</li>
			</ul>
			<FormAlert message={formError} />
			<div className="coupon-auto-fields">
				<Field label={t('coupons.field.winbackDays')} hint={t('coupons.field.winbackDaysHint')} name="winbackDays" type="number" inputMode="numeric" min={WINBACK_DAYS.min} max={WINBACK_DAYS.max}
					defaultValue={failure ? value('winbackDays') : String(settings.winbackDays)} error={fieldError('winbackDays')} />
				<Field label={t('coupons.field.reminderDays')} hint={t('coupons.field.reminderDaysHint')} name="reminderDays" type="number" inputMode="numeric" min={REMINDER_DAYS.min} max={REMINDER_DAYS.max}
					defaultValue={failure ? value('reminderDays') : String(settings.reminderDays)} error={fieldError('reminderDays')} />
			</div>
			<button type="submit" className="button button-primary">{t('coupons.saveAuto')}</button>
		</Form>
	)
}
