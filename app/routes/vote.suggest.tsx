import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { loadAuthor } from '#app/domain/posts/posts.server.ts'
import { createCandidate } from '#app/domain/voting/candidates.server.ts'
import { MAX_DESCRIPTION, MAX_TITLE, SuggestionSchema } from '#app/domain/voting/schemas.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { SimilarIdeas } from './vote.similar.tsx'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vote.suggestTitle')

export function loader(args: LoaderFunctionArgs) {
	requireUser(args)
	return null
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const formData = await args.request.formData()
	const parsed = parseForm(SuggestionSchema, formData)
	if (!parsed.ok) return data(parsed, { status: 400 })
	const author = await loadAuthor(user.id)
	invariantResponse(author, 'vote.error.notFound', { status: 404 })
	const result = await createCandidate(author, parsed.data)
	if (!result.ok) return data(refusalToForm(result, formData), { status: 400 })
	return redirect(`/vote/${result.id}?suggested=1`)
}

export default function SuggestPage() {
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(useActionData<typeof action>())
	const busy = useNavigation().state === 'submitting'
	const [matches, setMatches] = useState<SimilarIdeas['similar']>([])
	const timer = useRef<ReturnType<typeof setTimeout>>()
	const pending = useRef<AbortController>()
	const stop = () => {
		clearTimeout(timer.current)
		pending.current?.abort()
	}
	useEffect(() => stop, [])
	// While the member types, look up ideas like theirs (after a short pause, not on every key).
	// NOTE: a plain fetch of the JSON route, not a Remix fetcher: a fetcher still loading when the
	// form is sent can surface as the page's error.
	const lookUp = (text: string) => {
		stop()
		timer.current = setTimeout(() => {
			const controller = new AbortController()
			pending.current = controller
			fetch(`/vote/similar?${new URLSearchParams({ q: text })}`, { signal: controller.signal })
				.then((r) => (r.ok ? (r.json() as Promise<SimilarIdeas>) : { similar: [] }))
				.then((d) => setMatches(d.similar))
				.catch(() => {})
		}, 250)
	}
	return (
		<section className="card compose" aria-labelledby="page-title">
			<h1 id="page-title">{t('vote.suggestTitle')}</h1>
			<p className="muted">{t('vote.suggestIntro')}</p>
			<Form method="post" noValidate className="stack" onSubmit={stop}>
				<FormAlert message={formError} />
				<div className="field">
					<label htmlFor="idea-title">{t('vote.field.title')}</label>
					<input id="idea-title" name="title" maxLength={MAX_TITLE} required defaultValue={value('title')} autoComplete="off" onChange={(e) => lookUp(e.currentTarget.value)} aria-invalid={fieldError('title') ? true : undefined} aria-describedby="similar" />
					{fieldError('title') ? <p className="field-error" role="alert">{fieldError('title')}</p> : null}
				</div>
				<div id="similar" aria-live="polite">
					{matches.length ? (
						<div className="notice">
							<p>{t('vote.similarTitle')}</p>
							<ul>
								{matches.map((m) => (
									<li key={m.id}><Link to={`/vote/${m.id}`}>{m.title}</Link></li>
								))}
							</ul>
						</div>
					) : null}
				</div>
				<div className="field">
					<label htmlFor="idea-description">{t('vote.field.description')}</label>
					<textarea id="idea-description" name="description" rows={5} maxLength={MAX_DESCRIPTION} defaultValue={value('description')} />
					{fieldError('description') ? <p className="field-error" role="alert">{fieldError('description')}</p> : null}
				</div>
				<button type="submit" className="button button-primary button-block" disabled={busy}>{t('vote.suggestSubmit')}</button>
			</Form>
		</section>
	)
}
