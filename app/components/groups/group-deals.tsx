import { Link } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import type { DealView } from '#app/domain/groups/views.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { DealCard } from './deal-card.tsx'

/** A group's deals: each with its live progress and join button; the leader and helpers open new ones. */
export function GroupDeals({ deals, groupId, canOpen }: { deals: { items: DealView[] }; groupId: string; canOpen: boolean }) {
	const t = useT()
	return (
		<section aria-label={t('groups.tab.deals')} className="group-deals">
			{canOpen ? <p><Link className="button button-primary" to={`/deals/new?group=${groupId}`}>{t('groups.openDeal')}</Link></p> : null}
			{deals.items.length === 0 ? (
				<EmptyState icon="groups">{t('groups.dealsEmpty')}</EmptyState>
			) : (
				<ul className="group-grid">{deals.items.map((deal) => <li key={deal.id}><DealCard deal={deal} /></li>)}</ul>
			)}
		</section>
	)
}
