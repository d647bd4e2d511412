import type { TierBenefit } from '#app/domain/membership/benefits.ts'
import { numberFormat } from '#app/lib/i18n/format.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useCouponText } from './coupon-text.ts'

/** Every tier side by side: what it takes and what it gives; the member's own row is marked. */
export function TierBenefitsTable({ tiers }: { tiers: TierBenefit[] }) {
	const t = useT()
	const price = usePrice()
	const times = numberFormat(useLocale(), { maximumFractionDigits: 1 })
	const coupon = useCouponText()
	return (
		<div className="table-wrap">
			<table className="tier-table stack-table">
				<thead>
					<tr>
						<th scope="col">{t('membership.col.tier')}</th>
						<th scope="col">{t('membership.col.spend')}</th>
						<th scope="col">{t('membership.col.points')}</th>
						<th scope="col">{t('membership.col.coupon')}</th>
					</tr>
				</thead>
				<tbody>
					{tiers.map((tier) => (
						<tr key={tier.id} className={tier.current ? 'tier-current' : undefined} aria-current={tier.current ? 'true' : undefined}>
							<th scope="row">
								{tier.name}
								{tier.current ? <span className="tier-you">{t('membership.you')}</span> : null}
							</th>
							<td data-label={t('membership.col.spend')}>{tier.minSpendCents === 0 ? t('membership.everyone') : t('membership.from', { amount: price(tier.minSpendCents) })}</td>
							<td data-label={t('membership.col.points')}>{t('tiers.times', { times: times.format(tier.pointsMultiplierPct / 100) })}</td>
							<td className="wide" data-label={t('membership.col.coupon')}>{tier.coupon ? `${tier.coupon.name} · ${coupon.gives(tier.coupon.kind, tier.coupon.value)}` : t('membership.noCoupon')}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
