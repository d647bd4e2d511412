import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { getBalance, listHistory, upcomingExpiries } from '#app/domain/points/ledger.server.ts'
import { isMessageKey } from '#app/lib/i18n/index.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'points.title')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const cursor = new URL(args.request.url).searchParams.get('cursor')
	// The balance first: reading it expires any lots past their date.
	const balance = await getBalance(user.id)
	const [expiring, history] = await Promise.all([upcomingExpiries(user.id), listHistory(user.id, { cursor })])
	return { balance, expiring, history }
}

export default function PointsPage() {
	const { balance, expiring, history } = useLoaderData<typeof loader>()
	const t = useT()
	const locale = useLocale()
	const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
	const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
	const number = new Intl.NumberFormat(locale)
	return (
		<div className="points">
			<section className="points-hero" aria-labelledby="page-title">
				<h1 id="page-title">{t('points.title')}</h1>
				<p className="points-balance">
					<span className="points-figure" data-testid="points-balance">{number.format(balance)}</span>
					<span>{t('points.balance')}</span>
				</p>
				{expiring.length > 0 ? (
					<ul className="points-expiring">
						{expiring.map((e) => (
							<li key={e.date}>{t('points.expiring', { points: number.format(e.points), date: day.format(new Date(e.date)) })}</li>
						))}
					</ul>
				) : (
					<p className="points-expiring">{t('points.noneExpiring')}</p>
				)}
			</section>

			<section className="card" aria-labelledby="history-title">
				<h2 id="history-title">{t('points.historyTitle')}</h2>
				{history.items.length === 0 ? (
					<EmptyState icon="vote">{t('points.empty')}</EmptyState>
				) : (
					<ul className="ledger">
						{history.items.map((e) => {
							const reason = `points.reason.${e.reason}`
							return (
								<li key={e.id}>
									<span className="ledger-reason">{t(isMessageKey(reason) ? reason : 'points.reason.other')}</span>
									<time dateTime={e.createdAt}>{when.format(new Date(e.createdAt))}</time>
									<span className={e.amount > 0 ? 'ledger-amount plus' : 'ledger-amount minus'}>
										{e.amount > 0 ? '+' : '−'}
										{number.format(Math.abs(e.amount))}
									</span>
								</li>
							)
						})}
					</ul>
				)}
				{history.nextCursor ? (
					<Link className="button button-quiet" to={`?cursor=${encodeURIComponent(history.nextCursor)}`}>{t('points.more')}</Link>
				) : null}
			</section>

			<p>
				<Link to="/draws" className="button button-primary">{t('draws.title')}</Link>
			</p>

			<section className="card" aria-labelledby="how-title">
				<h2 id="how-title">{t('points.howTitle')}</h2>
				<p className="muted">{t('points.howText')}</p>
			</section>
		</div>
	)
}
