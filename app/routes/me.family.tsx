import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { addChild, deleteChild, listChildren, MAX_CHILD_AGE_YEARS } from '#app/domain/segments/children.server.ts'
import { formValues, type FormFailure } from '#app/lib/forms.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { dateFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'family.title')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const now = new Date()
	const thisYear = now.getUTCFullYear()
	return {
		children: await listChildren(user.id, now),
		years: Array.from({ length: MAX_CHILD_AGE_YEARS + 1 }, (_, i) => thisYear - i),
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const form = await args.request.formData()
	if (form.get('intent') === 'delete') {
		// Another member's child, or one already gone: not found, and nothing is deleted.
		invariantResponse(await deleteChild(user.id, String(form.get('childId') ?? '')), 'family.error.notFound', { status: 404 })
		return redirect('/me/family?deleted=1')
	}
	const added = await addChild(user.id, Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')))
	if (!added.ok) return data({ ok: false, fieldErrors: added.fieldErrors, formError: added.formError, values: formValues(form) } satisfies FormFailure, { status: 400 })
	return redirect('/me/family?added=1')
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

export default function FamilyPage() {
	const { children, years } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	const locale = useLocale()
	const { fieldError: err, formError, value } = useFormFailure(failure)
	const busy = useNavigation().state === 'submitting'
	const monthYear = dateFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' })
	return (
		<div className="family-page">
			<p><Link to="/me">← {t('me.title')}</Link></p>
			<h1>{t('family.title')}</h1>
			<section className="card family-why" aria-labelledby="why-title">
				<h2 id="why-title">{t('family.whyTitle')}</h2>
				<p>{t('family.why')}</p>
				<p>{t('family.whatKept')}</p>
				<p className="muted">{t('family.deleteAnyTime')}</p>
			</section>

			<section aria-labelledby="children-title">
				<h2 id="children-title">{t('family.childrenTitle')}</h2>
				{params.get('added') && !failure ? <p className="form-success" role="status">{t('family.added')}</p> : null}
				{params.get('deleted') ? <p className="form-success" role="status">{t('family.deleted')}</p> : null}
				{children.length === 0 ? <p className="muted">{t('family.empty')}</p> : (
					<ul className="family-list">
						{children.map((c) => (
							<li key={c.id} className="card family-child">
								<div>
									<p className="family-born">{t('family.born', { date: monthYear.format(new Date(Date.UTC(c.birthYear, c.birthMonth - 1, 1))) })}</p>
									<p className="muted">{c.band ? t('family.inBand', { band: t(`family.band.${c.band}`) }) : t('family.noBand')}</p>
								</div>
								<Form method="post">
									<input type="hidden" name="childId" value={c.id} />
									<button type="submit" name="intent" value="delete" className="button button-danger">{t('family.delete')}</button>
								</Form>
							</li>
						))}
					</ul>
				)}
			</section>

			<section className="card" aria-labelledby="add-title">
				<h2 id="add-title">{t('family.addTitle')}</h2>
				<Form method="post" noValidate className="stack">
					<FormAlert message={formError} />
					<div className="field-row">
						<SelectField label={t('family.field.month')} name="birthMonth" defaultValue={value('birthMonth') ?? ''} error={err('birthMonth')}>
							<option value="">{t('family.field.choose')}</option>
							{MONTHS.map((m) => <option key={m} value={m}>{m}</option>)}
						</SelectField>
						<SelectField label={t('family.field.year')} name="birthYear" defaultValue={value('birthYear') ?? ''} error={err('birthYear')}>
							<option value="">{t('family.field.choose')}</option>
							{years.map((y) => <option key={y} value={y}>{y}</option>)}
						</SelectField>
					</div>
					<div className="field">
						<label className="check family-consent">
							<input type="checkbox" name="consent" aria-invalid={err('consent') ? true : undefined} aria-describedby={err('consent') ? 'consent-error' : undefined} />
							<span>{t('family.field.consent')}</span>
						</label>
						{err('consent') ? <p id="consent-error" className="field-error" role="alert">{err('consent')}</p> : null}
					</div>
					<button type="submit" name="intent" value="add" className="button button-primary" disabled={busy}>{t('family.add')}</button>
				</Form>
			</section>
		</div>
	)
}
