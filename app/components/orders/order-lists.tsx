import { Link } from '@remix-run/react'
import { useDateFormat, usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type ImportRow = { id: string; fileName: string; rows: number; created: number; updated: number; unchanged: number; failed: number; createdAt: Date }
type OrderRow = {
	id: string
	externalId: string
	placedAt: Date
	totalCents: number
	status: string
	couponCode: string | null
	claimCode: string | null
	member: { id: string; displayName: string } | null
}

/** Order times as the shop keeps them: China time. */
const SHOP_TIME = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' } as const

export function RecentImports({ items }: { items: ImportRow[] }) {
	const t = useT()
	const date = useDateFormat(SHOP_TIME)
	if (items.length === 0) return <p className="muted">{t('orders.imports.empty')}</p>
	return (
		<div className="table-wrap">
			<table className="orders-imports" aria-labelledby="imports-title">
				<thead>
					<tr>
						<th>{t('orders.imports.date')}</th><th>{t('orders.imports.file')}</th><th>{t('orders.imports.rows')}</th><th>{t('orders.imports.created')}</th>
						<th>{t('orders.imports.updated')}</th><th>{t('orders.imports.unchanged')}</th><th>{t('orders.imports.failed')}</th>
					</tr>
				</thead>
				<tbody>
					{items.map((i) => (
						<tr key={i.id}>
							<td className="orders-when"><time dateTime={i.createdAt.toISOString()}>{date.format(i.createdAt)}</time></td>
							<td className="orders-file">{i.fileName}</td>
							<td className="orders-count" data-label={t('orders.imports.rows')}>{i.rows}</td>
							<td className="orders-count" data-label={t('orders.imports.created')}>{i.created}</td>
							<td className="orders-count" data-label={t('orders.imports.updated')}>{i.updated}</td>
							<td className="orders-count" data-label={t('orders.imports.unchanged')}>{i.unchanged}</td>
							<td className={`orders-count${i.failed > 0 ? ' orders-failed' : ''}`} data-label={t('orders.imports.failed')}>{i.failed}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

export function RecentOrders({ items }: { items: OrderRow[] }) {
	const t = useT()
	const date = useDateFormat(SHOP_TIME)
	const price = usePrice()
	if (items.length === 0) return <p className="muted">{t('orders.recent.empty')}</p>
	return (
		<div className="table-wrap">
			<table className="orders-list" aria-labelledby="orders-title">
				<thead>
					<tr>
						<th>{t('orders.column.order')}</th><th>{t('orders.recent.placed')}</th><th>{t('orders.recent.member')}</th>
						<th>{t('orders.recent.total')}</th><th>{t('orders.recent.status')}</th><th>{t('orders.recent.coupon')}</th>
					</tr>
				</thead>
				<tbody>
					{items.map((o) => (
						<tr key={o.id}>
							<td className="orders-id">{o.externalId}</td>
							<td className="orders-when"><time dateTime={o.placedAt.toISOString()}>{date.format(o.placedAt)}</time></td>
							<td className="orders-member">
								{o.member ? <Link to={`/members/${o.member.id}`}>{o.member.displayName}</Link> : (
									<span className="orders-unlinked">
										{t('orders.recent.notLinked')}
										{o.claimCode ? <span className="orders-claim">{t('orders.recent.claimCode', { code: o.claimCode })}</span> : null}
									</span>
								)}
							</td>
							<td className="orders-total">{price(o.totalCents)}</td>
							<td className="orders-state"><span className={`orders-status orders-status-${o.status}`}>{t(`orders.status.${o.status as 'paid'}`)}</span></td>
							<td className="orders-coupon-cell">{o.couponCode ?? ''}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
