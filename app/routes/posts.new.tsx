import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { StarInput } from '#app/components/posts/stars.tsx'
import { AudienceSelect } from '#app/components/segments/audience-select.tsx'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { ACCEPT_PHOTOS, ACCEPT_VIDEOS, MAX_PHOTOS } from '#app/domain/media/limits.ts'
import { publishFromForm } from '#app/domain/posts/compose.server.ts'
import { listProductChoices } from '#app/domain/posts/products.server.ts'
import { MAX_BODY, MAX_TITLE, type PostKind } from '#app/domain/posts/schemas.ts'
import { memberGroup } from '#app/domain/groups/membership.server.ts'
import { listSegmentOptions } from '#app/domain/segments/segments.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { refusalStatus } from '#app/lib/forms.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'compose.title')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const env = getEnv()
	const url = new URL(args.request.url)
	const groupId = url.searchParams.get('group')
	const group = groupId ? await memberGroup(groupId, user.id) : null
	invariantResponse(!groupId || group, 'groups.error.notMember', { status: 403 })
	const staff = hasRole(user.role, 'merchant')
	return {
		group,
		products: await listProductChoices(),
		staff,
		// A group's post has the group as its audience; elsewhere the merchant may aim a post at a segment.
		segments: staff && !group ? await listSegmentOptions() : [],
		preselected: url.searchParams.get('product'),
		limits: { photoMb: env.MEDIA_PHOTO_MAX_MB, videoMb: env.MEDIA_VIDEO_MAX_MB, videoMinutes: Math.round((env.MEDIA_VIDEO_MAX_SECONDS / 60) * 10) / 10 },
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const result = await publishFromForm(args.request, user.id)
	if (!result.ok) return data(result, { status: result.formError ? refusalStatus({ error: result.formError }) : 400 })
	return redirect(`/posts/${result.id}?${result.status === 'held' ? 'held' : 'posted'}=1`)
}

export default function ComposePage() {
	const t = useT()
	const { products, staff, preselected, limits, group, segments } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const { fieldError: err, formError, value } = useFormFailure(failure)
	const busy = useNavigation().state === 'submitting'
	const [kind, setKind] = useState<PostKind>((value('kind') as PostKind | undefined) ?? (!group && (preselected || products.length) ? 'review' : 'show'))
	// A group's feed takes show-your-order posts (and the merchant's articles); reviews belong to the product.
	const kinds: PostKind[] = group ? (staff ? ['show', 'article'] : ['show']) : staff ? ['review', 'show', 'article'] : ['review', 'show']
	return (
		<section className="card compose" aria-labelledby="page-title">
			<h1 id="page-title">{group ? t('groups.compose.title', { name: group.name }) : t('compose.title')}</h1>
			<p className="muted">{group ? t('groups.compose.who') : t('compose.earn')}</p>
			<Form method="post" encType="multipart/form-data" noValidate className="stack">
				<FormAlert message={formError} />
				{group ? <input type="hidden" name="groupId" value={group.id} /> : null}
				<fieldset className="segmented">
					<legend>{t('compose.kind')}</legend>
					{kinds.map((k) => (
						<label key={k}>
							<input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
							<span>{t(`post.kind.${k}`)}</span>
						</label>
					))}
				</fieldset>
				<SelectField label={t('compose.product')} name="productId" defaultValue={value('productId') ?? preselected ?? ''} error={err('productId')}>
					<option value="">{kind === 'review' ? t('compose.productChoose') : t('compose.productNone')}</option>
					{products.map((p) => (
						<option key={p.id} value={p.id}>{p.name}</option>
					))}
				</SelectField>
				{kind === 'review' ? <StarInput name="rating" defaultValue={Number(value('rating')) || undefined} error={err('rating')} /> : null}
				<Field label={t('compose.titleField')} name="title" maxLength={MAX_TITLE} defaultValue={value('title')} error={err('title')} />
				<TextArea label={t('compose.body')} hint={t('compose.bodyHint')} name="body" defaultValue={value('body')} error={err('body')} />
				<AudienceSelect segments={segments} defaultValue={value('segmentId')} error={err('segmentId')} />
				<FilePicker label={t('compose.photos')} hint={t('compose.photosHint', { max: MAX_PHOTOS, mb: limits.photoMb })} name="photos" accept={ACCEPT_PHOTOS} multiple />
				<FilePicker label={t('compose.video')} hint={t('compose.videoHint', { mb: limits.videoMb, minutes: limits.videoMinutes })} name="video" accept={ACCEPT_VIDEOS} />
				<button type="submit" className="button button-primary button-block" disabled={busy}>{busy ? t('compose.sending') : t('compose.submit')}</button>
			</Form>
		</section>
	)
}

export function TextArea({ label, hint, error, ...props }: { label: string; hint?: string; error?: string; name: string; defaultValue?: string }) {
	return (
		<div className="field">
			<label htmlFor={`f-${props.name}`}>{label}</label>
			<textarea id={`f-${props.name}`} rows={6} maxLength={MAX_BODY} aria-invalid={error ? true : undefined} aria-describedby={hint ? `f-${props.name}-hint` : undefined} {...props} />
			{hint ? <p id={`f-${props.name}-hint`} className="field-hint">{hint}</p> : null}
			{error ? <p className="field-error" role="alert">{error}</p> : null}
		</div>
	)
}

/** A file input that previews the chosen photos before they are sent. */
function FilePicker({ label, hint, name, accept, multiple }: { label: string; hint: string; name: string; accept: string; multiple?: boolean }) {
	const [previews, setPreviews] = useState<string[]>([])
	useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews])
	return (
		<div className="field">
			<label htmlFor={`f-${name}`}>{label}</label>
			<input
				id={`f-${name}`}
				type="file"
				name={name}
				accept={accept}
				multiple={multiple}
				aria-describedby={`f-${name}-hint`}
				onChange={(e) => setPreviews([...(e.currentTarget.files ?? [])].filter((f) => f.type.startsWith('image/')).map((f) => URL.createObjectURL(f)))}
			/>
			<p id={`f-${name}-hint`} className="field-hint">{hint}</p>
			{previews.length ? (
				<ul className="previews" aria-hidden="true">
					{previews.map((url) => (
						<li key={url}><img src={url} alt="" /></li>
					))}
				</ul>
			) : null}
		</div>
	)
}
