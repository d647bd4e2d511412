import { dateFormat, numberFormat, usePrice } from '#app/lib/i18n/format.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export type CommissionHistoryItem = {
	id: string
	kind: string
	level: number
	currency: string
	baseCents: number
	rateBps: number
	amount: number
	note: string | null
	order: { externalId: string; ref: string | null } | null
	createdAt: string
}

const KINDS = { earn: 'earnings.kind.earn', reverse: 'earnings.kind.reverse', settle: 'earnings.kind.settle' } as const

/** A super-user's commission entries: what, from which order, at what rate, and when. */
export function CommissionHistory({ items }: { items: CommissionHistoryItem[] }) {
	const t = useT()
	const locale = useLocale()
	const price = usePrice()
	const when = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
	const rate = numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
	// The shop's source for the order: a share link (its code) or a group deal.
	const source = (ref: string) => {
		if (ref.startsWith('share:')) return t('earnings.via.share', { code: ref.slice('share:'.length) })
		if (ref.startsWith('deal:')) return t('earnings.via.deal')
		return t('earnings.via', { ref })
	}
	const amount = (e: CommissionHistoryItem) => {
		const sign = e.amount > 0 ? '+' : '−'
		return e.currency === 'cash' ? `${sign}${price(Math.abs(e.amount))}` : `${sign}${t('commission.pointsAmount', { count: Math.abs(e.amount) })}`
	}
	return (
		<ul className="ledger commission-history">
			{items.map((e) => (
				<li key={e.id}>
					<span className="ledger-reason">
						{t(KINDS[e.kind as keyof typeof KINDS] ?? 'earnings.kind.earn')}
						{e.kind !== 'settle' ? <span className="commission-level">{t('earnings.level', { level: e.level })}</span> : null}
					</span>
					<span className="commission-detail muted">
						{[
							e.order ? t('earnings.order', { order: e.order.externalId }) : null,
							e.order?.ref ? source(e.order.ref) : null,
							e.kind !== 'settle' ? t('earnings.rate', { rate: rate.format(e.rateBps / 10_000), base: price(e.baseCents) }) : null,
							e.note,
						].filter(Boolean).join(' · ')}
					</span>
					<time dateTime={e.createdAt}>{when.format(new Date(e.createdAt))}</time>
					<span className={e.amount > 0 ? 'ledger-amount plus' : 'ledger-amount minus'}>{amount(e)}</span>
				</li>
			))}
		</ul>
	)
}
