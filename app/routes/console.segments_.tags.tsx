import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { logAction } from '#app/domain/moderation/audit.server.ts'
import { MAX_TAG } from '#app/domain/segments/rules.ts'
import { addTag, listTags, membersWithTag, removeTag } from '#app/domain/segments/tags.server.ts'
import { refusalToForm } from '#app/lib/forms.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'tags.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const url = new URL(args.request.url)
	const tag = url.searchParams.get('tag')
	const [tags, members] = await Promise.all([listTags(), tag ? membersWithTag(tag, { cursor: url.searchParams.get('cursor') }) : null])
	return { tags, tag, members }
}

export async function action(args: ActionFunctionArgs) {
	const merchant = requireRole(args, 'merchant')
	const form = await args.request.formData()
	const text = (name: string) => String(form.get(name) ?? '')
	if (form.get('intent') === 'remove') {
		if (await removeTag(text('userId'), text('tag'))) await logAction({ actorId: merchant.id, action: 'tags.remove', targetType: 'tag', targetId: text('userId'), detail: { tag: text('tag') } })
		return redirect(`/console/segments/tags?${new URLSearchParams({ tag: text('tag'), removed: '1' })}`)
	}
	const added = await addTag(merchant.id, { email: text('email'), tag: text('tag') })
	if (!added.ok) return data(refusalToForm(added, form), { status: 400 })
	await logAction({ actorId: merchant.id, action: 'tags.add', targetType: 'tag', targetId: added.userId, detail: { tag: text('tag').trim().toLowerCase() } })
	return redirect(`/console/segments/tags?${new URLSearchParams({ tag: text('tag').trim().toLowerCase(), added: '1' })}`)
}

export default function ConsoleTagsPage() {
	const { tags, tag, members } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	const { fieldError: err, formError, value } = useFormFailure(failure)
	const busy = useNavigation().state === 'submitting'
	const date = useDateFormat({ dateStyle: 'medium' })
	return (
		<div className="segments-page">
			<p><Link to="/console/segments">← {t('segments.title')}</Link></p>
			<h1>{t('tags.title')}</h1>
			<p className="muted">{t('tags.intro')}</p>

			<section className="card" aria-labelledby="add-title">
				<h2 id="add-title">{t('tags.addTitle')}</h2>
				{params.get('added') && !failure ? <p className="form-success" role="status">{t('tags.added')}</p> : null}
				<Form method="post" noValidate className="stack">
					<FormAlert message={formError} />
					<div className="field-row">
						<Field label={t('tags.field.email')} name="email" type="email" autoComplete="off" defaultValue={value('email')} error={err('email')} />
						<Field label={t('tags.field.tag')} name="tag" maxLength={MAX_TAG} list="known-tags" hint={t('tags.field.tagHint')} defaultValue={value('tag') ?? tag ?? ''} error={err('tag')} />
					</div>
					<datalist id="known-tags">
						{tags.map((k) => <option key={k.tag} value={k.tag} />)}
					</datalist>
					<button type="submit" name="intent" value="add" className="button button-primary" disabled={busy}>{t('tags.add')}</button>
				</Form>
			</section>

			<section aria-labelledby="tags-title">
				<h2 id="tags-title">{t('tags.listTitle')}</h2>
				{tags.length === 0 ? <p className="muted">{t('tags.empty')}</p> : (
					<ul className="tag-cloud">
						{tags.map((k) => (
							<li key={k.tag}>
								<Link to={`?${new URLSearchParams({ tag: k.tag })}`} aria-current={k.tag === tag ? 'page' : undefined} className="tag">
									{k.tag} <span className="tag-count">{k.count}</span>
								</Link>
							</li>
						))}
					</ul>
				)}
			</section>

			{tag && members ? (
				<section aria-labelledby="members-title">
					<h2 id="members-title">{t('tags.membersTitle', { tag })}</h2>
					{params.get('removed') ? <p className="form-success" role="status">{t('tags.removed')}</p> : null}
					{members.items.length === 0 ? <p className="muted">{t('tags.membersEmpty')}</p> : (
						<div className="table-wrap">
							<table>
								<thead>
									<tr>
										<th scope="col">{t('tags.col.member')}</th>
										<th scope="col">{t('tags.col.since')}</th>
										<th scope="col"><span className="visually-hidden">{t('segments.col.actions')}</span></th>
									</tr>
								</thead>
								<tbody>
									{members.items.map((m) => (
										<tr key={m.id}>
											<td>{m.displayName}<br /><span className="muted">{m.email}</span></td>
											<td><time dateTime={m.taggedAt}>{date.format(new Date(m.taggedAt))}</time></td>
											<td>
												<Form method="post">
													<input type="hidden" name="userId" value={m.id} />
													<input type="hidden" name="tag" value={tag} />
													<button type="submit" name="intent" value="remove" className="button button-danger button-small" aria-label={t('tags.removeFrom', { tag, name: m.displayName })}>{t('tags.remove')}</button>
												</Form>
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					)}
					{members.nextCursor ? <Link to={`?${new URLSearchParams({ tag, cursor: members.nextCursor })}`} className="button button-quiet">{t('tags.more')}</Link> : null}
				</section>
			) : null}
		</div>
	)
}
