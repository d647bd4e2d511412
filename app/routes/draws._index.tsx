import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { listOpenCampaigns } from '#app/domain/lottery/campaigns.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'draws.title')

export async function loader({ context }: LoaderFunctionArgs) {
	const campaigns = await listOpenCampaigns(context.user)
	return { campaigns: campaigns.map((c) => ({ ...c, endsAt: c.endsAt.toISOString() })) }
}

export default function DrawsPage() {
	const { campaigns } = useLoaderData<typeof loader>()
	const t = useT()
	const date = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium' })
	return (
		<section aria-labelledby="page-title">
			<h1 id="page-title">{t('draws.title')}</h1>
			{campaigns.length === 0 ? (
				<EmptyState icon="star">{t('draws.none')}</EmptyState>
			) : (
				<ul className="card-list">
					{campaigns.map((c) => (
						<li key={c.id}>
							<Link to={`/draws/${c.id}`} className="card draw-card">
								<strong>{c.title}</strong>
								<span className="muted">
									{c.costPoints > 0 ? t('draws.cost', { points: c.costPoints }) : t('draws.free')} · {t('draws.ends', { date: date.format(new Date(c.endsAt)) })}
								</span>
							</Link>
						</li>
					))}
				</ul>
			)}
		</section>
	)
}
