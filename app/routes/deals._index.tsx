import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { DealCard } from '#app/components/groups/deal-card.tsx'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { listOpenDeals } from '#app/domain/groups/deals-read.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'deals.title')

export async function loader({ request, context }: LoaderFunctionArgs) {
	const cursor = new URL(request.url).searchParams.get('cursor')
	const page = await listOpenDeals(context.user, { cursor })
	return { ...page, canOpen: Boolean(context.user && hasRole(context.user.role, 'merchant')) }
}

export default function DealsPage() {
	const t = useT()
	const { items, nextCursor, canOpen } = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="page-title">
			<div className="page-head">
				<h1 id="page-title">{t('deals.title')}</h1>
				{canOpen ? <Link to="/deals/new" className="button button-primary">{t('deals.newTitle')}</Link> : null}
			</div>
			<p className="muted">{t('deals.intro')}</p>
			{items.length === 0 ? (
				<EmptyState icon="groups">{t('deals.empty')}</EmptyState>
			) : (
				<ul className="deal-grid">
					{items.map((deal) => <li key={deal.id}><DealCard deal={deal} /></li>)}
				</ul>
			)}
			{nextCursor ? <p><Link to={`/deals?cursor=${nextCursor}`} className="button button-quiet">{t('deals.more')}</Link></p> : null}
		</section>
	)
}
