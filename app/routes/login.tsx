import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { handleAuthForm } from '#app/domain/accounts/auth-form.server.ts'
import { redirectIfSignedIn } from '#app/domain/accounts/auth.server.ts'
import { logIn } from '#app/domain/accounts/accounts.server.ts'
import { LoginSchema } from '#app/domain/accounts/schemas.ts'
import { recordDevice } from '#app/domain/referrals/links.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'login.title')

export function loader(args: LoaderFunctionArgs) {
	redirectIfSignedIn(args)
	return null
}

export function action({ request, context }: ActionFunctionArgs) {
	return handleAuthForm(request, LoginSchema, async (input) => {
		const result = await logIn(input, context.clientAddress)
		if (result.ok) await recordDevice(result.userId, context.deviceId, context.clientAddress)
		return result
	})
}

export default function LoginPage() {
	const t = useT()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const busy = useNavigation().state === 'submitting'
	const { fieldError: err, formError, value } = useFormFailure(failure)
	return (
		<section className="auth-card" aria-labelledby="login-title">
			<h1 id="login-title">{t('login.title')}</h1>
			<Form method="post" noValidate className="stack">
				<input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
				<FormAlert message={formError} />
				<Field label={t('field.email')} name="email" type="email" autoComplete="username" inputMode="email" required defaultValue={value('email')} error={err('email')} />
				<Field label={t('field.password')} name="password" type="password" autoComplete="current-password" required error={err('password')} />
				<button type="submit" className="button button-primary button-block" disabled={busy}>{t('login.submit')}</button>
			</Form>
			<p className="auth-switch">
				{t('login.noAccount')} <Link to={`/signup${params.size ? `?${params}` : ''}`}>{t('nav.signup')}</Link>
			</p>
		</section>
	)
}
