import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { logIn } from '#app/domain/accounts/accounts.server.ts'
import { LoginSchema } from '#app/domain/accounts/schemas.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import { safeRedirectPath } from '#app/lib/http.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export function loader({ context, request }: LoaderFunctionArgs) {
	if (context.user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')))
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await request.formData()
	const parsed = parseForm(LoginSchema, formData, ['password'])
	if (!parsed.ok) return data(parsed, { status: 400 })
	const result = await logIn(parsed.data, context.clientAddress)
	if (!result.ok) return data(refusalToForm(result, formData, ['password']), { status: result.error === 'error.tooManyAttempts' ? 429 : 400 })
	return redirect(safeRedirectPath(formData.get('redirectTo')), { headers: { 'Set-Cookie': result.setCookie } })
}

export default function LoginPage() {
	const t = useT()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const busy = useNavigation().state === 'submitting'
	const err = (field: string) => (failure?.fieldErrors[field] ? t(failure.fieldErrors[field]!) : undefined)
	return (
		<section className="auth-card" aria-labelledby="login-title">
			<h1 id="login-title">{t('login.title')}</h1>
			<Form method="post" noValidate className="stack">
				<input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
				<FormAlert message={failure?.formError ? t(failure.formError, failure.formParams) : null} />
				<Field label={t('field.email')} name="email" type="email" autoComplete="username" inputMode="email" required defaultValue={failure?.values.email} error={err('email')} />
				<Field label={t('field.password')} name="password" type="password" autoComplete="current-password" required error={err('password')} />
				<button type="submit" className="button button-primary button-block" disabled={busy}>{t('login.submit')}</button>
			</Form>
			<p className="auth-switch">
				{t('login.noAccount')} <Link to={`/signup${params.size ? `?${params}` : ''}`}>{t('nav.signup')}</Link>
			</p>
		</section>
	)
}
