import { Form, useNavigation } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { ACCEPT_PHOTOS } from '#app/domain/media/limits.ts'
import { GROUP_VISIBILITIES, MAX_GROUP_DESCRIPTION, MAX_GROUP_NAME, MEMBER_CAP } from '#app/domain/groups/schemas.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Saved = { name: string; description: string; visibility: string; memberCap: number }

/** The group's name, description, who may read it, how many may join, and a cover photo. */
export function GroupForm({ saved, failure, submitLabel }: { saved?: Saved; failure: Parameters<typeof useFormFailure>[0]; submitLabel: string }) {
	const t = useT()
	const { fieldError: err, formError, value } = useFormFailure(failure)
	const busy = useNavigation().state === 'submitting'
	const visibility = value('visibility') ?? saved?.visibility ?? 'public'
	return (
		<Form method="post" encType="multipart/form-data" noValidate className="stack">
			<FormAlert message={formError} />
			<Field label={t('groups.form.name')} name="name" maxLength={MAX_GROUP_NAME} required defaultValue={value('name') ?? saved?.name} error={err('name')} />
			<div className="field">
				<label htmlFor="f-description">{t('groups.form.description')}</label>
				<textarea id="f-description" name="description" rows={4} maxLength={MAX_GROUP_DESCRIPTION} defaultValue={value('description') ?? saved?.description} aria-invalid={err('description') ? true : undefined} />
				{err('description') ? <p className="field-error" role="alert">{err('description')}</p> : null}
			</div>
			<fieldset className="segmented">
				<legend>{t('groups.form.visibility')}</legend>
				{GROUP_VISIBILITIES.map((v) => (
					<label key={v}>
						<input type="radio" name="visibility" value={v} defaultChecked={visibility === v} />
						<span>{t(`groups.visibility.${v}`)}</span>
					</label>
				))}
			</fieldset>
			<p className="field-hint">{t('groups.form.visibilityHint')}</p>
			{err('visibility') ? <p className="field-error" role="alert">{err('visibility')}</p> : null}
			<Field
				label={t('groups.form.memberCap')}
				hint={t('groups.form.memberCapHint', { min: MEMBER_CAP.min, max: MEMBER_CAP.max })}
				name="memberCap"
				type="number"
				min={MEMBER_CAP.min}
				max={MEMBER_CAP.max}
				required
				defaultValue={value('memberCap') ?? String(saved?.memberCap ?? 200)}
				error={err('memberCap')}
			/>
			<div className="field">
				<label htmlFor="f-photos">{t('groups.form.cover')}</label>
				<input id="f-photos" type="file" name="photos" accept={ACCEPT_PHOTOS} />
			</div>
			<button type="submit" className="button button-primary button-block" disabled={busy}>{submitLabel}</button>
		</Form>
	)
}
