import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CommissionBalances, type PayoutFailure } from '#app/components/groups/commission-balances.tsx'
import { CommissionSettingsForm } from '#app/components/groups/commission-settings-form.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { PayoutSchema, settleCash } from '#app/domain/groups/commission-payouts.server.ts'
import { commissionSummaries } from '#app/domain/groups/commission-reports.server.ts'
import { getCommissionSettings, saveCommissionSettings } from '#app/domain/groups/commission-settings.server.ts'
import { formValues, parseForm, type FormFailure } from '#app/lib/forms.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'commission.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const [settings, balances] = await Promise.all([getCommissionSettings(), commissionSummaries()])
	return { settings, balances }
}

type SettingsFailure = FormFailure & { intent: 'settings' }

export async function action(args: ActionFunctionArgs) {
	const merchant = requireRole(args, 'merchant')
	const form = await args.request.formData()
	const intent = form.get('intent')
	if (intent === 'payout') {
		const superUserId = String(form.get('superUserId') ?? '')
		const fail = (failure: FormFailure) => data({ ...failure, intent: 'payout' as const, superUserId } satisfies PayoutFailure, { status: 400 })
		const parsed = parseForm(PayoutSchema, form)
		if (!parsed.ok) return fail(parsed)
		const settled = await settleCash(parsed.data.superUserId, parsed.data.amount, parsed.data.note, merchant.id)
		if (!settled.ok) {
			const field = settled.error === 'commission.error.noteTooLong' ? 'note' : settled.error === 'commission.error.busy' ? null : 'amount'
			return fail({ ok: false, fieldErrors: field ? { [field]: settled.error } : {}, formError: field ? undefined : settled.error, values: formValues(form) })
		}
		return redirect('/console/commission?done=payout')
	}
	if (intent !== 'settings') throw new Response('Unknown form', { status: 400 })
	// Every posted field goes to the domain, which refuses a third level in whatever name it comes.
	const input = Object.fromEntries([...form].filter(([key, v]) => key !== 'intent' && typeof v === 'string'))
	const saved = await saveCommissionSettings(input)
	if (!saved.ok) return data({ ...saved, intent: 'settings' as const, values: formValues(form) } satisfies SettingsFailure, { status: 400 })
	return redirect('/console/commission?done=settings')
}

export default function ConsoleCommissionPage() {
	const { settings, balances } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	const done = params.get('done')
	return (
		<div className="commission-page">
			<div className="page-head">
				<h1>{t('commission.title')}</h1>
				<Link to="/console/superusers" className="button button-quiet">{t('superusers.title')}</Link>
			</div>
			<p className="muted">{t('commission.intro')}</p>

			<section className="card" aria-labelledby="terms-title">
				<h2 id="terms-title">{t('commission.terms')}</h2>
				<CommissionSettingsForm settings={settings} failure={failure?.intent === 'settings' ? failure : undefined} saved={done === 'settings'} />
			</section>

			<section aria-labelledby="balances-title">
				<h2 id="balances-title">{t('commission.balances')}</h2>
				{done === 'payout' && !failure ? <p className="form-success" role="status">{t('commission.payoutRecorded')}</p> : null}
				<p className="muted">{t('commission.balancesIntro')}</p>
				<CommissionBalances items={balances} failure={failure?.intent === 'payout' ? failure : undefined} />
			</section>
		</div>
	)
}
