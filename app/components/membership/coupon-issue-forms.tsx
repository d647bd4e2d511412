import { Form, useNavigation } from '@remix-run/react'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Option = { id: string; name: string }
type MemberResult = { ok: true; code: string; duplicate: boolean; email: string } | FormFailure
type SegmentResult = { ok: true; members: number; issued: number } | FormFailure

function TemplateSelect({ templates, failure }: { templates: Option[]; failure?: FormFailure }) {
	const t = useT()
	const { fieldError, value } = useFormFailure(failure)
	return (
		<SelectField label={t('coupons.field.template')} name="templateId" defaultValue={value('templateId') ?? ''} error={fieldError('templateId')}>
			<option value="" disabled>{t('coupons.pickTemplate')}</option>
			{templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
		</SelectField>
	)
}

/** One coupon to one member by email. The page's issueId makes a double click issue once. */
export function IssueToMemberForm({ templates, issueId, result }: { templates: Option[]; issueId: string; result?: MemberResult }) {
	const t = useT()
	const failure = result && !result.ok ? result : undefined
	const { fieldError, formError, value } = useFormFailure(failure)
	const busy = useNavigation().formData?.get('intent') === 'issueMember'
	return (
		<Form method="post" noValidate className="stack">
			<input type="hidden" name="intent" value="issueMember" />
			<input type="hidden" name="issueId" value={failure?.values.issueId ?? issueId} />
			<FormAlert message={formError} />
			{result?.ok ? <p className="form-success" role="status">{t(result.duplicate ? 'coupons.issuedAlready' : 'coupons.issuedMember', { code: result.code, email: result.email })}</p> : null}
			<TemplateSelect templates={templates} failure={failure} />
			<Field label={t('coupons.field.email')} name="email" type="email" autoComplete="off" defaultValue={value('email')} error={fieldError('email')} />
			<button type="submit" className="button button-primary" disabled={busy}>{t('coupons.issue')}</button>
		</Form>
	)
}

/** The template to every member of a segment today; each member gets one, however often it is sent. */
export function IssueToSegmentForm({ templates, segments, issueId, result }: { templates: Option[]; segments: Option[]; issueId: string; result?: SegmentResult }) {
	const t = useT()
	const failure = result && !result.ok ? result : undefined
	const { fieldError, formError, value } = useFormFailure(failure)
	const busy = useNavigation().formData?.get('intent') === 'issueSegment'
	return (
		<Form method="post" noValidate className="stack">
			<input type="hidden" name="intent" value="issueSegment" />
			<input type="hidden" name="issueId" value={failure?.values.issueId ?? issueId} />
			<FormAlert message={formError} />
			{result?.ok ? <p className="form-success" role="status">{t('coupons.issuedSegment', { issued: result.issued, members: result.members })}</p> : null}
			<TemplateSelect templates={templates} failure={failure} />
			<SelectField label={t('coupons.field.segment')} hint={segments.length === 0 ? t('coupons.noSegments') : undefined} name="segmentId" defaultValue={value('segmentId') ?? ''} error={fieldError('segmentId')}>
				<option value="" disabled>{t('coupons.pickSegment')}</option>
				{segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
			</SelectField>
			<button type="submit" className="button button-primary" disabled={busy}>{t('coupons.issueToSegment')}</button>
		</Form>
	)
}
