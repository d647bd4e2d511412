import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { TierBenefitsTable } from '#app/components/membership/tier-benefits-table.tsx'
import { TierCard } from '#app/components/membership/tier-card.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { tierBenefits, tierCardData } from '#app/domain/membership/benefits.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'membership.title')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const card = await tierCardData(user.id)
	const benefits = card ? await tierBenefits(card.standing.tier?.position ?? null) : []
	return { card, benefits }
}

export default function MembershipPage() {
	const { card, benefits } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="membership-page">
			<div className="page-head">
				<h1>{t('membership.title')}</h1>
				<Link to="/me/coupons" className="button button-quiet">{t('coupons.meLink')}</Link>
			</div>
			{card ? (
				<>
					<TierCard {...card} />
					<section className="card" aria-labelledby="benefits-title">
						<h2 id="benefits-title">{t('membership.benefits')}</h2>
						<p className="muted">{t('membership.benefitsIntro', { days: card.standing.periodDays })}</p>
						<TierBenefitsTable tiers={benefits} />
						<p className="muted">{t('membership.membersOnly')}</p>
					</section>
				</>
			) : (
				<EmptyState icon="star">{t('membership.noTiers')}</EmptyState>
			)}
		</div>
	)
}
