import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { changePassword } from '#app/domain/accounts/accounts.server.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { PasswordChangeSchema } from '#app/domain/accounts/schemas.ts'
import { parseForm, refusalStatus, refusalToForm } from '#app/lib/forms.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'password.title')

const SECRETS = ['currentPassword', 'newPassword', 'confirmPassword']

export function loader(args: LoaderFunctionArgs) {
	requireUser(args)
	return null
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const formData = await args.request.formData()
	const parsed = parseForm(PasswordChangeSchema, formData, SECRETS)
	if (!parsed.ok) return data(parsed, { status: 400 })
	const result = await changePassword(user.id, args.context.sessionToken!, parsed.data)
	if (!result.ok) return data(refusalToForm(result, formData, SECRETS), { status: refusalStatus(result) })
	return redirect('/me/password?done=1')
}

export default function PasswordPage() {
	const t = useT()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const busy = useNavigation().state === 'submitting'
	const { fieldError: err, formError } = useFormFailure(failure)
	return (
		<section className="card narrow" aria-labelledby="page-title">
			<h1 id="page-title">{t('password.title')}</h1>
			<p className="muted">{t('password.intro')}</p>
			{params.get('done') && !failure ? <p className="form-success" role="status">{t('password.done')}</p> : null}
			<Form method="post" noValidate className="stack">
				<FormAlert message={formError} />
				<Field label={t('field.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required error={err('currentPassword')} />
				<Field label={t('field.newPassword')} name="newPassword" type="password" autoComplete="new-password" required minLength={8} hint={t('field.passwordHint')} error={err('newPassword')} />
				<Field label={t('field.confirmPassword')} name="confirmPassword" type="password" autoComplete="new-password" required error={err('confirmPassword')} />
				<button type="submit" className="button button-primary" disabled={busy}>{t('password.submit')}</button>
			</Form>
		</section>
	)
}
