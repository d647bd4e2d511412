import { Link } from '@remix-run/react'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { SuperUserBadge } from './superuser-badge.tsx'

export type LeaderboardItem = { id: string; displayName: string; profileLine: string | null; membersBrought: number; sales: number; salesCents: number }

/** Super-users in rank order, each with what they brought: members and sales. */
export function LeaderboardList({ items }: { items: LeaderboardItem[] }) {
	const t = useT()
	const price = usePrice()
	if (items.length === 0) return <p className="muted">{t('leaders.empty')}</p>
	return (
		<ol className="leaderboard">
			{items.map((item, i) => (
				<li key={item.id} className="card leaderboard-row">
					<span className="leaderboard-rank" aria-label={t('leaders.rank', { rank: i + 1 })}>{i + 1}</span>
					<div className="leaderboard-who">
						<Link to={`/members/${item.id}`} className="leaderboard-name">{item.displayName}</Link>
						<SuperUserBadge profileLine={item.profileLine} />
					</div>
					<dl className="leaderboard-figures">
						<div><dt>{t('leaders.membersBrought')}</dt><dd>{item.membersBrought}</dd></div>
						<div><dt>{t('leaders.sales')}</dt><dd>{item.sales}</dd></div>
						<div><dt>{t('leaders.salesTotal')}</dt><dd>{price(item.salesCents)}</dd></div>
					</dl>
				</li>
			))}
		</ol>
	)
}
