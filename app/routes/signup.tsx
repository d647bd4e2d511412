import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { signUp } from '#app/domain/accounts/accounts.server.ts'
import { SignupSchema } from '#app/domain/accounts/schemas.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import { safeRedirectPath } from '#app/lib/http.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signup.title')

export function loader({ context, request }: LoaderFunctionArgs) {
	if (context.user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')))
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await request.formData()
	const parsed = parseForm(SignupSchema, formData, ['password'])
	if (!parsed.ok) return data(parsed, { status: 400 })
	const result = await signUp(parsed.data, context.clientAddress)
	if (!result.ok) return data(refusalToForm(result, formData, ['password']), { status: result.error === 'error.tooManyAttempts' ? 429 : 400 })
	return redirect(safeRedirectPath(formData.get('redirectTo')), { headers: { 'Set-Cookie': result.setCookie } })
}

export default function SignupPage() {
	const t = useT()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const busy = useNavigation().state === 'submitting'
	const err = (field: string) => (failure?.fieldErrors[field] ? t(failure.fieldErrors[field]!) : undefined)
	return (
		<section className="auth-card" aria-labelledby="signup-title">
			<h1 id="signup-title">{t('signup.title')}</h1>
			<p className="muted">{t('signup.intro')}</p>
			<Form method="post" noValidate className="stack">
				<input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
				<FormAlert message={failure?.formError ? t(failure.formError, failure.formParams) : null} />
				<Field label={t('field.email')} name="email" type="email" autoComplete="email" inputMode="email" required defaultValue={failure?.values.email} error={err('email')} />
				<Field label={t('field.displayName')} name="displayName" autoComplete="nickname" required maxLength={40} hint={t('field.displayNameHint')} defaultValue={failure?.values.displayName} error={err('displayName')} />
				<Field label={t('field.password')} name="password" type="password" autoComplete="new-password" required minLength={8} hint={t('field.passwordHint')} error={err('password')} />
				<button type="submit" className="button button-primary button-block" disabled={busy}>{t('signup.submit')}</button>
			</Form>
			<p className="auth-switch">
				{t('signup.haveAccount')} <Link to={`/login${params.size ? `?${params}` : ''}`}>{t('nav.login')}</Link>
			</p>
		</section>
	)
}
