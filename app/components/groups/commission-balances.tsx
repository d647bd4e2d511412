import { Form, Link } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { SuperUserBadge } from './superuser-badge.tsx'

type Totals = { earned: number; reversed: number; settled: number; balance: number }
export type BalanceItem = { id: string; displayName: string; role: string; profileLine: string | null; cash: Totals; points: Totals }
export type PayoutFailure = FormFailure & { intent: 'payout'; superUserId: string }

/** Each super-user's commission: earned, reversed, paid out and owed, and a form to record a cash payout. */
export function CommissionBalances({ items, failure }: { items: BalanceItem[]; failure?: PayoutFailure }) {
	const t = useT()
	if (items.length === 0) return <p className="muted">{t('commission.noSuperUsers')}</p>
	return (
		<ul className="superuser-cards">
			{items.map((item) => <BalanceCard key={item.id} item={item} failure={failure?.superUserId === item.id ? failure : undefined} />)}
		</ul>
	)
}

function BalanceCard({ item, failure }: { item: BalanceItem; failure?: PayoutFailure }) {
	const t = useT()
	const price = usePrice()
	const points = (n: number) => t('commission.pointsAmount', { count: n })
	const { fieldError, formError, value } = useFormFailure(failure)
	const rows = [
		['commission.earned', price(item.cash.earned), points(item.points.earned)],
		['commission.reversed', price(item.cash.reversed), points(item.points.reversed)],
		['commission.settled', price(item.cash.settled), '—'],
		['commission.balance', price(item.cash.balance), points(item.points.balance)],
	] as const
	return (
		<li className="card superuser-card">
			<h3><Link to={`/members/${item.id}`}>{item.displayName}</Link></h3>
			{item.role === 'superuser' ? <SuperUserBadge profileLine={item.profileLine} /> : <p className="muted">{t('commission.demoted')}</p>}
			<div className="table-wrap">
				<table className="commission-totals">
					<thead>
						<tr><th scope="col"><span className="visually-hidden">{t('commission.movement')}</span></th><th scope="col">{t('commission.currency.cash')}</th><th scope="col">{t('commission.currency.points')}</th></tr>
					</thead>
					<tbody>
						{rows.map(([label, cash, pts]) => (
							<tr key={label} className={label === 'commission.balance' ? 'commission-balance-row' : undefined}><th scope="row">{t(label)}</th><td>{cash}</td><td>{pts}</td></tr>
						))}
					</tbody>
				</table>
			</div>
			{item.cash.balance > 0 || failure ? (
				<Form method="post" className="commission-payout" aria-label={t('commission.payoutFor', { name: item.displayName })}>
					<input type="hidden" name="intent" value="payout" />
					<input type="hidden" name="superUserId" value={item.id} />
					<FormAlert message={formError} />
					<Field label={t('commission.payoutAmount')} hint={t('commission.payoutHint', { balance: price(item.cash.balance) })} name="amount" type="number" inputMode="decimal" min={0.01} step={0.01} required
						defaultValue={value('amount') ?? ''} error={fieldError('amount')} />
					<Field label={t('commission.payoutNote')} name="note" maxLength={200} defaultValue={value('note') ?? ''} error={fieldError('note')} />
					<button type="submit" className="button button-quiet">{t('commission.recordPayout')}</button>
				</Form>
			) : <p className="field-hint">{t('commission.nothingOwed')}</p>}
		</li>
	)
}
