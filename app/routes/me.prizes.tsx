import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { listMemberDraws } from '#app/domain/lottery/campaigns.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'draws.mine')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	return { draws: await listMemberDraws(user.id) }
}

export default function MyPrizesPage() {
	const { draws } = useLoaderData<typeof loader>()
	const t = useT()
	const when = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium', timeStyle: 'short' })
	return (
		<section className="card" aria-labelledby="page-title">
			<h1 id="page-title">{t('draws.mine')}</h1>
			{draws.length === 0 ? (
				<EmptyState icon="star">
					{t('draws.mineEmpty')} <Link to="/draws">{t('draws.title')}</Link>
				</EmptyState>
			) : (
				<ul className="ledger">
					{draws.map((d) => (
						<li key={d.id}>
							<span className="ledger-reason">{d.prize.name}</span>
							<time dateTime={d.createdAt}>
								{when.format(new Date(d.createdAt))} · <Link to={`/draws/${d.campaign.id}`}>{d.campaign.title}</Link> ·{' '}
								<Link to={`/draws/${d.campaign.id}/verify?draw=${d.id}`}>{t('draws.verify')} {d.id}</Link>
							</time>
						</li>
					))}
				</ul>
			)}
		</section>
	)
}
