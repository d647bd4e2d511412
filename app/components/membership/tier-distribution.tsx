import { numberFormat } from '#app/lib/i18n/format.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'
import { usePrice } from '#app/lib/i18n/format.ts'

type Tier = { id: string; name: string; minSpendCents: number; pointsMultiplierPct: number }

/** How many members stand in each tier, with a bar for the share of all members. */
export function TierDistribution({ tiers, distribution }: { tiers: Tier[]; distribution: { tierId: string; members: number }[] }) {
	const t = useT()
	const price = usePrice()
	const locale = useLocale()
	const times = numberFormat(locale, { maximumFractionDigits: 1 })
	const count = numberFormat(locale)
	const byTier = new Map(distribution.map((d) => [d.tierId, d.members]))
	const total = distribution.reduce((sum, d) => sum + d.members, 0)
	return (
		<div className="table-wrap">
			<table className="tier-table stack-table">
				<thead>
					<tr>
						<th scope="col">{t('membership.col.tier')}</th>
						<th scope="col">{t('membership.col.spend')}</th>
						<th scope="col">{t('membership.col.points')}</th>
						<th scope="col">{t('tiers.col.members')}</th>
					</tr>
				</thead>
				<tbody>
					{tiers.map((tier) => {
						const members = byTier.get(tier.id) ?? 0
						return (
							<tr key={tier.id}>
								<th scope="row">{tier.name}</th>
								<td data-label={t('membership.col.spend')}>{tier.minSpendCents === 0 ? t('membership.everyone') : t('membership.from', { amount: price(tier.minSpendCents) })}</td>
								<td data-label={t('membership.col.points')}>{t('tiers.times', { times: times.format(tier.pointsMultiplierPct / 100) })}</td>
								<td className="wide" data-label={t('tiers.col.members')}>
									<span className="tier-count">{count.format(members)}</span>
									<meter className="tier-share" min={0} max={total || 1} value={members} aria-label={t('tiers.share', { tier: tier.name })} />
								</td>
							</tr>
						)
					})}
				</tbody>
			</table>
		</div>
	)
}
