import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { SuperUserCandidates } from '#app/components/groups/superuser-candidates.tsx'
import type { SuperUserFailure } from '#app/components/groups/superuser-forms.ts'
import { SuperUserList } from '#app/components/groups/superuser-list.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { CANDIDATE_WEIGHTS, promotionCandidates } from '#app/domain/groups/superuser-candidates.server.ts'
import { demoteSuperUser, listSuperUsers, ProfileLineSchema, promoteByEmail, promoteToSuperUser, PromoteByEmailSchema, updateProfileLine } from '#app/domain/groups/superusers.server.ts'
import { formValues, parseForm } from '#app/lib/forms.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'superusers.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const [superUsers, candidates] = await Promise.all([listSuperUsers(), promotionCandidates()])
	return { superUsers, candidates, weights: CANDIDATE_WEIGHTS }
}

const DemoteSchema = z.object({ memberId: z.string().min(1) })
const INTENTS = ['promote', 'promoteEmail', 'profile', 'demote'] as const
/** The promote-by-email form is not a member's row; its failures are filed under this id. */
const BY_EMAIL = 'by-email'

export async function action(args: ActionFunctionArgs) {
	const merchant = requireRole(args, 'merchant')
	const form = await args.request.formData()
	const intent = z.enum(INTENTS).safeParse(form.get('intent'))
	if (!intent.success) throw new Response('Unknown form', { status: 400 })
	const rowIntent = intent.data === 'promoteEmail' ? 'promote' : intent.data
	const fail = (failure: Omit<SuperUserFailure, 'intent' | 'memberId'>, memberId: string) =>
		data({ ...failure, intent: rowIntent, memberId } satisfies SuperUserFailure, { status: 400 })

	if (intent.data === 'promoteEmail') {
		const parsed = parseForm(PromoteByEmailSchema, form)
		if (!parsed.ok) return fail(parsed, BY_EMAIL)
		const result = await promoteByEmail(merchant.id, parsed.data.email, parsed.data.profileLine)
		if (!result.ok) return fail({ ok: false, fieldErrors: { email: result.error }, values: formValues(form) }, BY_EMAIL)
		return redirect('/console/superusers?done=promoted')
	}
	if (intent.data === 'demote') {
		const parsed = parseForm(DemoteSchema, form)
		if (!parsed.ok) throw new Response('Missing member', { status: 400 })
		const result = await demoteSuperUser(merchant.id, parsed.data.memberId)
		if (!result.ok) return fail({ ok: false, fieldErrors: {}, formError: result.error, values: formValues(form) }, parsed.data.memberId)
		return redirect('/console/superusers?done=demoted')
	}
	const parsed = parseForm(ProfileLineSchema, form)
	const memberId = String(form.get('memberId') ?? '')
	if (!parsed.ok) return fail(parsed, memberId)
	const result = intent.data === 'promote'
		? await promoteToSuperUser(merchant.id, parsed.data.memberId, parsed.data.profileLine)
		: await updateProfileLine(merchant.id, parsed.data.memberId, parsed.data.profileLine)
	if (!result.ok) return fail({ ok: false, fieldErrors: {}, formError: result.error, values: formValues(form) }, memberId)
	return redirect(`/console/superusers?done=${intent.data === 'promote' ? 'promoted' : 'saved'}`)
}

const DONE = { promoted: 'superusers.done.promoted', demoted: 'superusers.done.demoted', saved: 'superusers.done.saved' } as const

export default function ConsoleSuperUsersPage() {
	const { superUsers, candidates, weights } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	const done = DONE[params.get('done') as keyof typeof DONE]
	return (
		<div className="superusers-page">
			<div className="page-head">
				<h1>{t('superusers.title')}</h1>
				<Link to="/console/commission" className="button button-quiet">{t('commission.title')}</Link>
			</div>
			<p className="muted">{t('superusers.intro')}</p>
			{done && !failure ? <p className="form-success" role="status">{t(done)}</p> : null}

			<section aria-labelledby="current-title">
				<h2 id="current-title">{t('superusers.current', { count: superUsers.length })}</h2>
				<SuperUserList items={superUsers} failure={failure} />
			</section>

			<section aria-labelledby="candidates-title">
				<h2 id="candidates-title">{t('superusers.candidates')}</h2>
				<SuperUserCandidates items={candidates} weights={weights} failure={failure} />
			</section>

			<section className="card" aria-labelledby="by-email-title">
				<h2 id="by-email-title">{t('superusers.byEmail')}</h2>
				<PromoteByEmailForm failure={failure?.memberId === BY_EMAIL ? failure : undefined} />
			</section>
		</div>
	)
}

function PromoteByEmailForm({ failure }: { failure?: SuperUserFailure }) {
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(failure)
	return (
		<Form method="post" className="stack superusers-by-email">
			<FormAlert message={formError} />
			<input type="hidden" name="intent" value="promoteEmail" />
			<Field label={t('field.email')} name="email" type="email" required defaultValue={value('email') ?? ''} error={fieldError('email')} />
			<Field label={t('superusers.profileLine')} hint={t('superusers.profileLineHint')} name="profileLine" maxLength={80} required defaultValue={value('profileLine') ?? ''} error={fieldError('profileLine')} />
			<button type="submit" className="button button-primary">{t('superusers.promoteByEmail')}</button>
		</Form>
	)
}
