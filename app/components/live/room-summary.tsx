import type { RoomSummary } from '#app/domain/live/views.ts'
import { useDateFormat, usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { ROOM_TIME } from './room-card.tsx'

/** The merchant's view of a started or ended room: the crowd, the chat, and demand per product. */
export function RoomSummaryView({ summary }: { summary: RoomSummary }) {
	const t = useT()
	const price = usePrice()
	const format = useDateFormat(ROOM_TIME)
	const time = useDateFormat({ timeStyle: 'short', timeZone: 'UTC' })
	const { room, messages, products, sales } = summary
	return (
		<section className="card room-summary" aria-labelledby="summary-title">
			<h2 id="summary-title">{t('liveSummary.title')}</h2>
			{room.status === 'live' ? <p className="tag tag-warn">{t('liveSummary.asOfNow')}</p> : null}
			{room.startedAt && room.endedAt ? (
				<p className="muted">{t('liveSummary.duration', { from: format.format(new Date(room.startedAt)), to: `${time.format(new Date(room.endedAt))} UTC` })}</p>
			) : null}
			<dl className="stats summary-stats">
				<div className="stat">
					<dt>{t('liveSummary.peakViewers')}</dt>
					<dd data-testid="summary-peak">{room.peakViewers}</dd>
				</div>
				<div className="stat">
					<dt>{t('liveSummary.messages')}</dt>
					<dd data-testid="summary-messages">{messages.kept}</dd>
					{messages.deleted ? <dd className="stat-note">{t('liveSummary.messagesDeleted', { count: messages.deleted })}</dd> : null}
				</div>
				<div className="stat">
					<dt>{t('liveSummary.likes')}</dt>
					<dd data-testid="summary-likes">{room.likeCount}</dd>
				</div>
			</dl>

			<h3>{t('liveSummary.productsTitle')}</h3>
			{products.length === 0 ? <p className="muted">{t('liveSummary.productsEmpty')}</p> : (
				<div className="table-wrap">
					<table className="summary-table">
						<thead>
							<tr>
								<th scope="col">{t('liveSummary.col.product')}</th>
								<th scope="col">{t('liveSummary.col.wantTaps')}</th>
								<th scope="col">{t('liveSummary.col.wantMembers')}</th>
								<th scope="col">{t('liveSummary.col.claimed')}</th>
								<th scope="col">{t('liveSummary.col.claimers')}</th>
								<th scope="col">{t('liveSummary.col.forecast')}</th>
							</tr>
						</thead>
						<tbody>
							{products.map((p) => (
								<tr key={p.id} data-product={p.id}>
									<th scope="row" className="summary-product">
										{p.name}
										<span className="summary-tags">
											{p.featured ? <span className="tag">{t('liveSummary.featured')}</span> : null}
											{p.pinned ? <span className="tag tag-brand">{t('liveSummary.pinned')}</span> : null}
										</span>
									</th>
									<td data-label={t('liveSummary.col.wantTaps')}>{p.wantTaps}</td>
									<td data-label={t('liveSummary.col.wantMembers')}>{p.wantMembers}</td>
									<td data-label={t('liveSummary.col.claimed')}>{p.claimedUnits}</td>
									<td data-label={t('liveSummary.col.claimers')}>{p.claimers}</td>
									<td className="summary-forecast" data-label={t('liveSummary.col.forecast')} data-testid={`forecast-${p.id}`}>{p.forecast}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<p className="field-hint">{t('liveSummary.method')}</p>

			<h3>{t('liveSummary.salesTitle')}</h3>
			{sales.length === 0 ? <p className="muted">{t('liveSummary.salesEmpty')}</p> : (
				<div className="table-wrap">
					<table className="summary-table">
						<thead>
							<tr>
								<th scope="col">{t('liveSummary.col.product')}</th>
								<th scope="col">{t('liveSummary.col.price')}</th>
								<th scope="col">{t('liveSummary.col.stock')}</th>
								<th scope="col">{t('liveSummary.col.claimed')}</th>
								<th scope="col">{t('liveSummary.col.claimers')}</th>
								<th scope="col">{t('liveSummary.col.open')}</th>
							</tr>
						</thead>
						<tbody>
							{sales.map((s) => (
								<tr key={s.id}>
									<th scope="row" className="summary-product">{s.productName}</th>
									<td data-label={t('liveSummary.col.price')}>{price(s.priceCents)}</td>
									<td data-label={t('liveSummary.col.stock')}>{s.stock}</td>
									<td data-label={t('liveSummary.col.claimed')}>{s.claimed}</td>
									<td data-label={t('liveSummary.col.claimers')}>{s.claimers}</td>
									<td data-label={t('liveSummary.col.open')} className="summary-wide">
										{format.format(new Date(s.opensAt))} – {time.format(new Date(s.stoppedAt ?? s.closesAt))}
										{s.stoppedAt ? ` (${t('liveSummary.stopped')})` : ''}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	)
}
