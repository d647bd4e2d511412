import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { LeaderboardList } from '#app/components/groups/leaderboard-list.tsx'
import { superUserLeaderboard } from '#app/domain/groups/commission-reports.server.ts'
import { LEADERBOARD_ORDERS, type LeaderboardOrder } from '#app/domain/groups/commission-views.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'leaders.title')

export async function loader({ request }: LoaderFunctionArgs) {
	const asked = new URL(request.url).searchParams.get('by')
	const by: LeaderboardOrder = (LEADERBOARD_ORDERS as readonly string[]).includes(asked ?? '') ? (asked as LeaderboardOrder) : 'members'
	return { by, leaders: await superUserLeaderboard(by) }
}

export default function LeadersPage() {
	const { by, leaders } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<section aria-labelledby="page-title" className="leaders-page">
			<h1 id="page-title">{t('leaders.title')}</h1>
			<p className="muted">{t('leaders.intro')}</p>
			<nav className="leaderboard-sort" aria-label={t('leaders.sortBy')}>
				{LEADERBOARD_ORDERS.map((o) => (
					<Link key={o} to={`?by=${o}`} className={`button ${o === by ? 'button-primary' : 'button-quiet'}`} aria-current={o === by ? 'page' : undefined}>
						{t(`leaders.by.${o}`)}
					</Link>
				))}
			</nav>
			<LeaderboardList items={leaders} />
		</section>
	)
}
