import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { listAudit } from '#app/domain/moderation/audit.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.auditTitle')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	return listAudit({ cursor: new URL(args.request.url).searchParams.get('cursor') })
}

const LINKS: Record<string, (id: string) => string> = { post: (id) => `/posts/${id}`, member: (id) => `/members/${id}`, product: (id) => `/console/products/${id}`, room: (id) => `/console/live/${id}`, group: (id) => `/groups/${id}`, deal: (id) => `/deals/${id}`, tag: (id) => `/members/${id}`, segment: () => '/console/segments', orders: () => '/console/orders', tier: () => '/console/tiers', coupon: () => '/console/coupons' }

export default function AuditPage() {
	const t = useT()
	const { items, nextCursor } = useLoaderData<typeof loader>()
	const when = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium', timeStyle: 'short' })
	return (
		<section aria-labelledby="page-title">
			<h1 id="page-title">{t('console.auditTitle')}</h1>
			<p className="muted">{t('console.auditIntro')}</p>
			{items.length === 0 ? <p className="muted">{t('console.auditEmpty')}</p> : (
				<div className="table-wrap">
					<table>
						<thead>
							<tr><th>{t('console.auditWhen')}</th><th>{t('console.auditWho')}</th><th>{t('console.auditWhat')}</th><th>{t('console.auditTarget')}</th></tr>
						</thead>
						<tbody>
							{items.map((row) => {
								const link = LINKS[row.targetType]
								return (
									<tr key={row.id}>
										<td>{when.format(new Date(row.createdAt))}</td>
										<td>{row.actorName}</td>
										<td><code>{row.action}</code></td>
										<td>{link ? <Link to={link(row.targetId)}>{row.targetType}</Link> : row.targetType}</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</div>
			)}
			{nextCursor ? <p className="more"><Link to={`?cursor=${nextCursor}`} className="button button-quiet">{t('feed.more')}</Link></p> : null}
		</section>
	)
}
