import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { TierDistribution } from '#app/components/membership/tier-distribution.tsx'
import { TierLadderForm } from '#app/components/membership/tier-ladder-form.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { logAction } from '#app/domain/moderation/audit.server.ts'
import { templateOptions } from '#app/domain/membership/coupon-templates.server.ts'
import { ladderFormInput } from '#app/domain/membership/tier-admin-parse.server.ts'
import { saveTiers, SUGGESTED_LADDER, tierDistribution } from '#app/domain/membership/tier-admin.server.ts'
import { getTierSettings, listTiers } from '#app/domain/membership/tiers.server.ts'
import { formValues, type FormFailure } from '#app/lib/forms.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'tiers.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const [tiers, settings, distribution, templates] = await Promise.all([listTiers(), getTierSettings(), tierDistribution(), templateOptions()])
	return { tiers, settings, distribution, templates }
}

export async function action(args: ActionFunctionArgs) {
	const staff = requireRole(args, 'merchant')
	const form = await args.request.formData()
	const intent = form.get('intent')
	if (intent !== 'ladder' && intent !== 'suggested') throw new Response('Unknown form', { status: 400 })
	// The suggested ladder is offered only while there is none: it never overwrites the merchant's.
	if (intent === 'suggested' && (await listTiers()).length > 0) {
		return data({ ok: false, fieldErrors: {}, formError: 'tiers.error.suggestedExists', values: {} } satisfies FormFailure, { status: 400 })
	}
	const saved = await saveTiers(intent === 'suggested' ? SUGGESTED_LADDER : ladderFormInput(form))
	if (!saved.ok) return data({ ...saved, values: formValues(form) } satisfies FormFailure, { status: 400 })
	await logAction({ actorId: staff.id, action: `tiers.${intent}`, targetType: 'tier', targetId: 'ladder', detail: { refreshed: saved.refreshed } })
	return redirect('/console/tiers?saved=1')
}

export default function ConsoleTiersPage() {
	const { tiers, settings, distribution, templates } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	return (
		<div className="tiers-console">
			<div className="page-head">
				<h1>{t('tiers.title')}</h1>
				<Link to="/console/coupons" className="button button-quiet">{t('coupons.consoleLink')}</Link>
			</div>
			<p className="muted">{t('tiers.intro')}</p>
			{params.get('saved') && !failure ? <p className="form-success" role="status">{t('tiers.saved')}</p> : null}
			{tiers.length === 0 ? (
				<div className="card stack">
					<EmptyState icon="star">{t('tiers.empty')}</EmptyState>
					<Form method="post" className="stack">
						<input type="hidden" name="intent" value="suggested" />
						<button type="submit" className="button button-primary">{t('tiers.useSuggested')}</button>
					</Form>
				</div>
			) : (
				<section className="card" aria-labelledby="distribution-title">
					<h2 id="distribution-title">{t('tiers.distribution')}</h2>
					<TierDistribution tiers={tiers} distribution={distribution} />
				</section>
			)}
			<section className="card" aria-labelledby="ladder-title">
				<h2 id="ladder-title">{t('tiers.ladder')}</h2>
				<TierLadderForm tiers={tiers} settings={settings} templates={templates} failure={failure} />
			</section>
		</div>
	)
}
