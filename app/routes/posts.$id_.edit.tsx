import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { StarInput } from '#app/components/posts/stars.tsx'
import { AudienceSelect } from '#app/components/segments/audience-select.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { editPost, loadAuthor } from '#app/domain/posts/posts.server.ts'
import { getPost, postTargeting } from '#app/domain/posts/queries.server.ts'
import { EditPostSchema, MAX_TITLE } from '#app/domain/posts/schemas.ts'
import { listSegmentOptions } from '#app/domain/segments/segments.server.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { TextArea } from './posts.new.tsx'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'compose.editTitle')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const post = await getPost(args.params.id!, user)
	// Only the author edits: staff hide a post, they never change its words or stars.
	invariantResponse(post && post.mine && post.status !== 'hidden', 'post.notFound', { status: 404 })
	// The merchant's own post may change its audience (not a group's: the group is its audience).
	const staff = hasRole(user.role, 'merchant')
	const [segments, targeting] = staff ? await Promise.all([listSegmentOptions(), postTargeting(post.id)]) : [[], null]
	return {
		post: { id: post.id, kind: post.kind, rating: post.rating, title: post.title, body: post.body },
		segments: targeting && !targeting.inGroup ? segments : [],
		segmentId: targeting?.segmentId ?? null,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const formData = await args.request.formData()
	const parsed = parseForm(EditPostSchema, formData)
	if (!parsed.ok) return data(parsed, { status: 400 })
	const author = await loadAuthor(user.id)
	invariantResponse(author, 'post.notFound', { status: 404 })
	const result = await editPost(author, args.params.id!, parsed.data)
	if (!result.ok) return data(refusalToForm(result, formData), { status: result.error === 'post.error.notFound' ? 404 : 400 })
	return redirect(`/posts/${args.params.id}${result.status === 'held' ? '?held=1' : ''}`)
}

export default function EditPostPage() {
	const t = useT()
	const { post, segments, segmentId } = useLoaderData<typeof loader>()
	const { fieldError: err, formError, value } = useFormFailure(useActionData<typeof action>())
	const busy = useNavigation().state === 'submitting'
	return (
		<section className="card compose" aria-labelledby="page-title">
			<h1 id="page-title">{t('compose.editTitle')}</h1>
			<Form method="post" noValidate className="stack">
				<FormAlert message={formError} />
				{post.kind === 'review' ? <StarInput name="rating" defaultValue={Number(value('rating')) || post.rating || undefined} error={err('rating')} /> : null}
				<Field label={t('compose.titleField')} name="title" maxLength={MAX_TITLE} defaultValue={value('title') ?? post.title ?? ''} error={err('title')} />
				<TextArea label={t('compose.body')} name="body" defaultValue={value('body') ?? post.body} error={err('body')} />
				<AudienceSelect segments={segments} defaultValue={value('segmentId') ?? segmentId} error={err('segmentId')} />
				<button type="submit" className="button button-primary button-block" disabled={busy}>{t('compose.save')}</button>
			</Form>
		</section>
	)
}
