import { Link } from '@remix-run/react'
import type { TierCardProps } from '#app/domain/membership/benefits.ts'
import { numberFormat, useDateFormat } from '#app/lib/i18n/format.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'
import { usePrice } from '#app/lib/i18n/format.ts'

export type { TierCardProps } from '#app/domain/membership/benefits.ts'

/**
 * A member's tier at a glance: the tier, its points multiplier, spend over the period and what
 * the next tier needs by when (or how long they keep their tier while below it). Data from
 * tierCardData() in benefits.server.ts.
 */
export function TierCard({ standing, nextTier, link = false }: TierCardProps & { link?: boolean }) {
	const t = useT()
	const price = usePrice()
	const date = useDateFormat({ dateStyle: 'medium', timeZone: 'Asia/Shanghai' })
	const times = numberFormat(useLocale(), { maximumFractionDigits: 1 })
	if (!standing.tier) return null
	const reached = nextTier ? Math.min(standing.spendCents, nextTier.minSpendCents) : 1
	return (
		<section className="tier-card" aria-labelledby="tier-card-name">
			<p className="tier-card-label">{t('tiers.card.label')}</p>
			<h2 id="tier-card-name" className="tier-card-name">{standing.tier.name}</h2>
			<p className="tier-card-multiplier">{t('tiers.card.multiplier', { times: times.format(standing.tier.pointsMultiplierPct / 100) })}</p>
			<p className="tier-card-spend">{t('tiers.card.spend', { amount: price(standing.spendCents), days: standing.periodDays })}</p>
			{nextTier ? (
				<>
					<progress className="tier-progress" max={nextTier.minSpendCents || 1} value={reached} aria-label={t('tiers.card.progress', { tier: nextTier.name })} />
					<p className="tier-card-next">
						{nextTier.moreCents > 0
							? t('tiers.card.next', { amount: price(nextTier.moreCents), date: date.format(new Date(nextTier.by)), tier: nextTier.name })
							: t('tiers.card.nextDue', { tier: nextTier.name })}
					</p>
				</>
			) : (
				<p className="tier-card-next">{t('tiers.card.top')}</p>
			)}
			{standing.keepsUntil ? <p className="tier-card-grace">{t('tiers.card.keeps', { tier: standing.tier.name, date: date.format(new Date(standing.keepsUntil)) })}</p> : null}
			{link ? <Link to="/me/membership" className="tier-card-link">{t('tiers.card.benefits')}</Link> : null}
		</section>
	)
}
