import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { sharedBox } from '#app/domain/member-days/share.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'days.shareTitle')

// Public: the member shared this box. Its fairness check runs for anyone once the day is over.
export async function loader({ params, context }: LoaderFunctionArgs) {
	const box = await sharedBox(params.code ?? '')
	invariantResponse(box, 'No such box: check the link', { status: 404 })
	return { box, signedIn: context.user !== null }
}

export default function SharedBoxPage() {
	const { box, signedIn } = useLoaderData<typeof loader>()
	const t = useT()
	const when = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
	const { check, record } = box
	return (
		<div className="member-days narrow">
			<section className="card days-shared" aria-labelledby="page-title">
				<h1 id="page-title">{t('days.shareTitle')}</h1>
				<p>{t('days.sharedBy', { member: box.member, pool: box.pool, day: box.day })}</p>
				<div className="days-reveal">
					<p className="days-prize">{t('days.sharedItem', { item: box.item })}</p>
					<p className="muted">{t('days.sharedOdds', { packed: box.packed, total: box.total })}</p>
				</div>
				<p className="muted"><time dateTime={box.openedAt}>{when.format(new Date(box.openedAt))}</time></p>
				{signedIn ? null : <p><Link to="/signup" className="button button-primary">{t('days.shareJoin')}</Link></p>}
			</section>
			<section className="card stack" aria-labelledby="fair-title">
				<h2 id="fair-title">{t('days.fairTitle')}</h2>
				<p className="muted">{t('days.fairIntro')}</p>
				<p className="days-commitment">{t('days.commitment')} <code>{record.seedHash}</code></p>
				<p className="days-commitment">
					{t('days.fairRecord', { poolId: record.poolId, memberId: record.memberId, number: record.number, poolBefore: record.poolBefore.join(', ') })}
				</p>
				{check ? (
					<div className={check.matches && check.seedMatchesCommitment ? 'form-success' : 'form-alert'} role="status">
						<p className="days-commitment">{t('days.seed')} <code>{check.seed}</code></p>
						<p>{t(check.seedMatchesCommitment ? 'days.fairSeedOk' : 'days.fairSeedBad')}</p>
						<p>
							{check.matches
								? t('days.fairMatch', { position: check.expectedPosition + 1 })
								: t('days.fairMismatch', { position: check.expectedPosition + 1, recorded: check.recordedPosition + 1 })}
						</p>
					</div>
				) : (
					<p role="status">{t('days.fairPending', { date: when.format(new Date(box.revealsAt)) })}</p>
				)}
			</section>
		</div>
	)
}
