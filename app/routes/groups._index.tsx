import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { GroupCard } from '#app/components/groups/group-card.tsx'
import { listGroups, mayCreateGroups } from '#app/domain/groups/groups.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'groups.title')

export async function loader({ context }: LoaderFunctionArgs) {
	const { mine, discover } = await listGroups(context.user)
	return { mine, discover, canCreate: mayCreateGroups(context.user), signedIn: Boolean(context.user) }
}

export default function GroupsPage() {
	const t = useT()
	const { mine, discover, canCreate, signedIn } = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="page-title" className="groups-page">
			<div className="page-head">
				<h1 id="page-title">{t('groups.title')}</h1>
				<div className="page-actions">
					<Link className="button button-quiet" to="/groups/leaders">{t('groups.leadersLink')}</Link>
					{canCreate ? <Link className="button button-primary" to="/groups/new">{t('groups.create')}</Link> : null}
				</div>
			</div>
			<p className="muted">{t('groups.intro')}</p>
			{signedIn ? (
				<>
					<h2>{t('groups.mine')}</h2>
					{mine.length ? (
						<ul className="group-grid">{mine.map((g) => <li key={g.id}><GroupCard group={g} /></li>)}</ul>
					) : (
						<EmptyState icon="groups">{t('groups.mineEmpty')}</EmptyState>
					)}
				</>
			) : null}
			<h2>{t('groups.discover')}</h2>
			{discover.length ? (
				<ul className="group-grid">{discover.map((g) => <li key={g.id}><GroupCard group={g} /></li>)}</ul>
			) : (
				<EmptyState icon="groups">{t('groups.empty')}</EmptyState>
			)}
		</section>
	)
}
