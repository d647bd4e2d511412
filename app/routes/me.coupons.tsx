import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { CouponList } from '#app/components/membership/coupon-list.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { listMemberCoupons } from '#app/domain/membership/coupons.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'coupons.meTitle')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const now = new Date()
	return { coupons: await listMemberCoupons(user.id, now), now: now.toISOString() }
}

export default function MyCouponsPage() {
	const { coupons, now } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<div className="coupons-page">
			<div className="page-head">
				<h1>{t('coupons.meTitle')}</h1>
				<Link to="/me/membership" className="button button-quiet">{t('membership.meLink')}</Link>
			</div>
			<p className="muted">{t('coupons.meIntro')}</p>
			{coupons.length === 0 ? <EmptyState icon="star">{t('coupons.meEmpty')}</EmptyState> : <CouponList coupons={coupons} now={now} />}
		</div>
	)
}
