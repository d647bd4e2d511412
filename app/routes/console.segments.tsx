import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { RuleSummary } from '#app/components/segments/rule-summary.tsx'
import { SegmentForm } from '#app/components/segments/segment-form.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { logAction } from '#app/domain/moderation/audit.server.ts'
import { listTiers } from '#app/domain/membership/tiers.server.ts'
import { checkSegmentForm, type SegmentUses } from '#app/domain/segments/segment-admin.server.ts'
import { deleteSegment, listSegmentsWithCounts, previewSegment, saveSegment } from '#app/domain/segments/segments.server.ts'
import { formValues, refusalToForm } from '#app/lib/forms.ts'
import { numberFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'segments.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const [segments, tiers] = await Promise.all([listSegmentsWithCounts(), listTiers()])
	const editId = new URL(args.request.url).searchParams.get('edit')
	return { segments, tiers: tiers.map((t) => ({ id: t.id, name: t.name })), editing: segments.find((s) => s.id === editId) ?? null }
}

/** The form's values, with the checked boxes as one comma-separated list each, so a refused form shows them still checked. */
function keptValues(form: FormData) {
	return { ...formValues(form), tiers: form.getAll('tiers').join(','), childBands: form.getAll('childBands').join(',') }
}

export async function action(args: ActionFunctionArgs) {
	const staff = requireRole(args, 'merchant')
	const form = await args.request.formData()
	const intent = form.get('intent')
	if (intent === 'delete') {
		const id = String(form.get('id') ?? '')
		const deleted = await deleteSegment(id)
		if (deleted.ok) {
			await logAction({ actorId: staff.id, action: 'segments.delete', targetType: 'segment', targetId: id })
			return redirect('/console/segments?deleted=1')
		}
		const uses: SegmentUses | null = 'uses' in deleted ? deleted.uses : null
		return data({ intent: 'delete' as const, id: String(form.get('id')), error: deleted.error, uses }, { status: uses ? 409 : 404 })
	}
	if (intent !== 'preview' && intent !== 'save') throw new Response('Unknown form', { status: 400 })
	return saveOrPreview(intent, form, staff.id)
}

async function saveOrPreview(intent: 'preview' | 'save', form: FormData, staffId: string) {
	const checked = checkSegmentForm(form)
	if (!checked.ok) return data({ intent, failure: { ...checked, values: keptValues(form) } }, { status: 400 })
	if (intent === 'preview') return { intent, preview: { ...(await previewSegment(checked.rules)), values: keptValues(form) } }
	const id = String(form.get('id') ?? '') || undefined
	const saved = await saveSegment({ id, name: checked.name, rules: checked.rules })
	if (!saved.ok) return data({ intent, failure: { ...refusalToForm(saved, form), values: keptValues(form) } }, { status: saved.error === 'segments.error.notFound' ? 404 : 400 })
	await logAction({ actorId: staffId, action: id ? 'segments.update' : 'segments.create', targetType: 'segment', targetId: saved.id, detail: { name: checked.name, rules: checked.rules } })
	// Rules that match nobody today are saved all the same, with a warning: members may grow into them.
	return redirect(`/console/segments?saved=1${saved.count === 0 ? '&empty=1' : ''}`)
}

export default function ConsoleSegmentsPage() {
	const { segments, tiers, editing } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	const count = numberFormat(useLocale())
	const tierNames = Object.fromEntries(tiers.map((tier) => [tier.id, tier.name]))
	return (
		<div className="segments-page">
			<div className="page-head">
				<h1>{t('segments.title')}</h1>
				<Link to="/console/segments/tags" className="button button-quiet">{t('tags.title')}</Link>
			</div>
			<p className="muted">{t('segments.intro')}</p>
			{params.get('saved') && !result ? <p className="form-success" role="status">{t('segments.saved')}</p> : null}
			{params.get('empty') && !result ? <p className="segment-warning" role="status">{t('segments.savedEmpty')}</p> : null}
			{params.get('deleted') && !result ? <p className="form-success" role="status">{t('segments.deleted')}</p> : null}
			{result?.intent === 'delete' ? <DeleteRefusal uses={result.uses} /> : null}

			<section aria-labelledby="list-title">
				<h2 id="list-title">{t('segments.listTitle')}</h2>
				{segments.length === 0 ? <p className="muted">{t('segments.empty')}</p> : (
					<ul className="segment-list">
						{segments.map((s) => (
							<li key={s.id} className="card segment-card" aria-labelledby={`segment-${s.id}`}>
								<div className="segment-card-head">
									<h3 id={`segment-${s.id}`}>{s.name}</h3>
									{s.count === 0 ? (
										<span className="tag tag-warn">{t('segments.noneToday')}</span>
									) : (
										<span className="tag tag-ok">{s.count === 1 ? t('segments.membersOne') : t('segments.members', { count: count.format(s.count) })}</span>
									)}
								</div>
								<RuleSummary rules={s.rules} tierNames={tierNames} />
								<div className="segment-actions">
									<Link to={`/console/segments?edit=${s.id}#form-title`} className="button button-quiet button-small">{t('segments.edit')}</Link>
									<Form method="post">
										<input type="hidden" name="id" value={s.id} />
										<button type="submit" name="intent" value="delete" className="button button-danger button-small" aria-label={t('segments.deleteNamed', { name: s.name })}>{t('segments.delete')}</button>
									</Form>
								</div>
							</li>
						))}
					</ul>
				)}
			</section>

			<section className="card" aria-labelledby="form-title">
				<h2 id="form-title">{editing ? t('segments.editTitle', { name: editing.name }) : t('segments.newTitle')}</h2>
				<SegmentForm
					editing={editing}
					tiers={tiers}
					failure={result && 'failure' in result ? result.failure : undefined}
					preview={result && 'preview' in result ? result.preview : undefined}
				/>
			</section>
		</div>
	)
}

/** Why a segment could not be deleted: the content aimed at it, each a link to change its audience. */
function DeleteRefusal({ uses }: { uses: SegmentUses | null }) {
	const t = useT()
	if (!uses) return <p className="form-alert" role="alert">{t('segments.error.notFound')}</p>
	return (
		<div className="form-alert" role="alert">
			<p>{t('segments.error.inUse')}</p>
			<ul>
				{uses.posts.map((p) => (
					<li key={p.id}><Link to={`/posts/${p.id}`}>{t('segments.usedByPost', { title: p.title ?? p.id })}</Link></li>
				))}
				{uses.rooms.map((r) => (
					<li key={r.id}><Link to={`/console/live/${r.id}`}>{t('segments.usedByRoom', { title: r.title })}</Link></li>
				))}
			</ul>
		</div>
	)
}
