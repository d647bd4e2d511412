import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { countMembersByRole, listMembers } from '#app/domain/accounts/members.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const cursor = new URL(args.request.url).searchParams.get('cursor')
	const [counts, members] = await Promise.all([countMembersByRole(), listMembers({ cursor })])
	return { counts, members }
}

export default function ConsolePage() {
	const { counts, members } = useLoaderData<typeof loader>()
	const t = useT()
	const format = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium' })
	const total = counts.customer + counts.superuser + counts.merchant
	const stats: [MessageKey, number][] = [
		['console.members', total],
		['console.customers', counts.customer],
		['console.superusers', counts.superuser],
		['console.merchants', counts.merchant],
	]
	return (
		<section aria-labelledby="page-title">
			<h1 id="page-title">{t('console.title')}</h1>
			<p className="muted">{t('console.intro')}</p>
			<p className="console-links">
				<Link to="/console/points" className="button button-quiet">{t('console.pointsLink')}</Link>
				<Link to="/console/prizes" className="button button-quiet">{t('console.prizesLink')}</Link>
				<Link to="/console/draws" className="button button-quiet">{t('console.drawsLink')}</Link>
				<Link to="/console/products" className="button button-quiet">{t('console.productsTitle')}</Link>
				<Link to="/console/moderation" className="button button-quiet">{t('console.moderationTitle')}</Link>
				<Link to="/console/voting" className="button button-quiet">{t('console.votingTitle')}</Link>
				<Link to="/console/live" className="button button-quiet">{t('liveConsole.title')}</Link>
				<Link to="/console/superusers" className="button button-quiet">{t('superusers.title')}</Link>
				<Link to="/console/orders" className="button button-quiet">{t('orders.consoleLink')}</Link>
				<Link to="/console/tiers" className="button button-quiet">{t('tiers.consoleLink')}</Link>
				<Link to="/console/coupons" className="button button-quiet">{t('coupons.consoleLink')}</Link>
				<Link to="/console/segments" className="button button-quiet">{t('segments.consoleLink')}</Link>
				<Link to="/console/notifications" className="button button-quiet">{t('notifyConsole.link')}</Link>
				<Link to="/console/days" className="button button-quiet">{t('days.consoleLink')}</Link>
				<Link to="/console/analytics" className="button button-quiet">{t('analytics.consoleLink')}</Link>
				<Link to="/console/audit" className="button button-quiet">{t('console.auditTitle')}</Link>
			</p>
			<dl className="stats">
				{stats.map(([label, value]) => (
					<div key={label} className="stat">
						<dt>{t(label)}</dt>
						<dd>{value}</dd>
					</div>
				))}
			</dl>
			<h2>{t('console.recent')}</h2>
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">{t('console.name')}</th>
							<th scope="col">{t('console.email')}</th>
							<th scope="col">{t('console.role')}</th>
							<th scope="col">{t('console.joined')}</th>
						</tr>
					</thead>
					<tbody>
						{members.items.map((m) => (
							<tr key={m.id}>
								<td>{m.displayName}</td>
								<td>{m.email}</td>
								<td><span className={`role role-${m.role}`}>{t(`role.${m.role}` as MessageKey)}</span></td>
								<td><time dateTime={m.createdAt}>{format.format(new Date(m.createdAt))}</time></td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{members.nextCursor ? (
				<Link className="button button-quiet" to={`?cursor=${encodeURIComponent(members.nextCursor)}`}>{t('console.more')}</Link>
			) : null}
		</section>
	)
}
