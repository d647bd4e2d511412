import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { CommissionHistory } from '#app/components/groups/commission-history.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { commissionBalance } from '#app/domain/groups/commission-payouts.server.ts'
import { earningsHistory } from '#app/domain/groups/commission-reports.server.ts'
import { getCommissionSettings } from '#app/domain/groups/commission-settings.server.ts'
import { numberFormat, usePrice } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'earnings.title')

export async function loader(args: LoaderFunctionArgs) {
	// Super-users (and the merchant, who earns nothing but may look); a customer gets the 403 page.
	const user = requireRole(args, 'superuser')
	const cursor = new URL(args.request.url).searchParams.get('cursor')
	const [balance, history, settings] = await Promise.all([commissionBalance(user.id), earningsHistory(user.id, { cursor }), getCommissionSettings()])
	return { balance, history, settings }
}

export default function EarningsPage() {
	const { balance, history, settings } = useLoaderData<typeof loader>()
	const t = useT()
	const price = usePrice()
	const rate = numberFormat(useLocale(), { style: 'percent', maximumFractionDigits: 2 })
	return (
		<div className="earnings-page">
			<h1>{t('earnings.title')}</h1>
			<p className="muted">
				{t(settings.level2Bps > 0 ? 'earnings.termsTwoLevels' : 'earnings.terms', {
					level1: rate.format(settings.level1Bps / 10_000),
					level2: rate.format(settings.level2Bps / 10_000),
				})}
			</p>
			<dl className="stats">
				<div className="stat"><dt>{t('earnings.cashOwed')}</dt><dd>{price(balance.cashCents)}</dd></div>
				<div className="stat"><dt>{t('earnings.pointsEarned')}</dt><dd>{balance.points}</dd></div>
			</dl>
			<section className="card" aria-labelledby="history-title">
				<h2 id="history-title">{t('earnings.history')}</h2>
				{history.items.length === 0 ? <EmptyState icon="star">{t('earnings.empty')}</EmptyState> : <CommissionHistory items={history.items} />}
				{history.nextCursor ? <Link className="button button-quiet" to={`?cursor=${encodeURIComponent(history.nextCursor)}`}>{t('earnings.more')}</Link> : null}
			</section>
			<p><Link to="/groups/leaders" className="button button-quiet">{t('leaders.title')}</Link></p>
		</div>
	)
}
