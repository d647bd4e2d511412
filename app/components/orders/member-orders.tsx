import { Link } from '@remix-run/react'
import { useDateFormat, usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Line = { sku: string; quantity: number; unitCents: number; product: { id: string; name: string } | null }
type Order = { id: string; externalId: string; placedAt: Date; totalCents: number; status: string; couponCode: string | null; lines: Line[] }

/** A member's orders as cards: what was bought (by product name where the shop's SKU is in the catalogue), total and status. */
export function MemberOrderList({ items }: { items: Order[] }) {
	const t = useT()
	const date = useDateFormat({ dateStyle: 'medium', timeZone: 'Asia/Shanghai' })
	const price = usePrice()
	return (
		<ul className="orders-cards">
			{items.map((o) => (
				<li key={o.id} className="card orders-card">
					<div className="orders-card-head">
						<h3>{t('orders.me.order', { order: o.externalId })}</h3>
						<span className={`orders-status orders-status-${o.status}`}>{t(`orders.status.${o.status as 'paid'}`)}</span>
					</div>
					<p className="muted">
						<time dateTime={o.placedAt.toISOString()}>{t('orders.me.placed', { date: date.format(o.placedAt) })}</time>
					</p>
					<ul className="orders-lines">
						{o.lines.map((l, i) => (
							<li key={`${l.sku}-${i}`}>
								<span>{l.product ? <Link to={`/products/${l.product.id}`}>{l.product.name}</Link> : l.sku}</span>
								<span className="muted">{t('orders.me.quantity', { quantity: l.quantity })}</span>
							</li>
						))}
					</ul>
					<div className="orders-card-foot">
						{o.couponCode ? <span className="orders-coupon">{t('orders.me.coupon', { code: o.couponCode })}</span> : <span />}
						<strong>{price(o.totalCents)}</strong>
					</div>
				</li>
			))}
		</ul>
	)
}
