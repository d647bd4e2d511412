import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { handleAuthForm } from '#app/domain/accounts/auth-form.server.ts'
import { redirectIfSignedIn } from '#app/domain/accounts/auth.server.ts'
import { signUp } from '#app/domain/accounts/accounts.server.ts'
import { SignupSchema } from '#app/domain/accounts/schemas.ts'
import { attributeSignup } from '#app/domain/referrals/attribution.server.ts'
import { recordDevice } from '#app/domain/referrals/links.server.ts'
import { readVisit } from '#app/domain/referrals/visit-cookie.server.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signup.title')

export function loader(args: LoaderFunctionArgs) {
	redirectIfSignedIn(args)
	return null
}

export function action({ request, context }: ActionFunctionArgs) {
	return handleAuthForm(request, SignupSchema, async (input) => {
		const result = await signUp(input, context.clientAddress)
		if (!result.ok) return result
		// Who brought them is checked against the referrer's browsers before this one is recorded.
		const visit = readVisit(request.headers.get('Cookie'))
		if (visit) await attributeSignup({ memberId: result.userId, visit, ip: context.clientAddress, deviceId: context.deviceId })
		await recordDevice(result.userId, context.deviceId, context.clientAddress)
		return result
	})
}

export default function SignupPage() {
	const t = useT()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const busy = useNavigation().state === 'submitting'
	const { fieldError: err, formError, value } = useFormFailure(failure)
	return (
		<section className="auth-card" aria-labelledby="signup-title">
			<h1 id="signup-title">{t('signup.title')}</h1>
			<p className="muted">{t('signup.intro')}</p>
			<Form method="post" noValidate className="stack">
				<input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
				<FormAlert message={formError} />
				<Field label={t('field.email')} name="email" type="email" autoComplete="email" inputMode="email" required defaultValue={value('email')} error={err('email')} />
				<Field label={t('field.displayName')} name="displayName" autoComplete="nickname" required maxLength={40} hint={t('field.displayNameHint')} defaultValue={value('displayName')} error={err('displayName')} />
				<Field label={t('field.password')} name="password" type="password" autoComplete="new-password" required minLength={8} hint={t('field.passwordHint')} error={err('password')} />
				<button type="submit" className="button button-primary button-block" disabled={busy}>{t('signup.submit')}</button>
			</Form>
			<p className="auth-switch">
				{t('signup.haveAccount')} <Link to={`/login${params.size ? `?${params}` : ''}`}>{t('nav.login')}</Link>
			</p>
		</section>
	)
}
