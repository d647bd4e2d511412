import { Link, useFetcher } from '@remix-run/react'
import type { DealActionReply, DealView } from '#app/domain/groups/views.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { DealProgress } from './use-deal-progress.ts'

/** The viewer's place in a deal and what they can do now: join, leave (before it fills), or sign in. */
export function DealActions({ deal, progress, over, reply }: { deal: DealView; progress: DealProgress; over: boolean; reply?: DealActionReply }) {
	const t = useT()
	// A fetcher, so a card on any page posts to the deal's own action and stays where it is.
	const fetcher = useFetcher<DealActionReply>()
	const answer = fetcher.data ?? reply
	const busy = fetcher.state !== 'idle'
	const { joined, target, cap, status } = progress
	const mine = deal.you.join
	const here = `/deals/${deal.id}`
	const closed = status === 'released' || over
	const canJoin = !closed && !mine && deal.you.eligible && joined < cap
	const canLeave = !closed && mine === 'held' && status === 'open' && joined < target
	return (
		<div className="deal-actions">
			{/* After a join this box is the confirmation (and says more than "joined" would). */}
			{mine ? <p className={`deal-mine deal-mine-${mine}`} role="status">{t(`deals.mine.${mine}`, { target })}</p> : null}
			{!closed && !deal.you.signedIn ? (
				<Link className="button button-primary" to={`/login?${new URLSearchParams({ redirectTo: here })}`}>{t('deals.signIn')}</Link>
			) : null}
			{!closed && deal.you.signedIn && !deal.you.eligible ? <p className="muted">{t('deals.membersOnly')}</p> : null}
			{canJoin || canLeave ? (
				<fetcher.Form method="post" action={here} preventScrollReset>
					{canJoin ? (
						<button type="submit" name="intent" value="join" className="button button-primary button-block" disabled={busy}>{t('deals.join')}</button>
					) : (
						<button type="submit" name="intent" value="leave" className="button button-quiet" disabled={busy}>{t('deals.leave')}</button>
					)}
				</fetcher.Form>
			) : null}
			{answer?.ok && answer.intent === 'leave' && !mine ? <p className="form-success" role="status">{t('deals.leftDone')}</p> : null}
			{answer && !answer.ok ? <p className="form-alert" role="alert">{t(answer.error)}</p> : null}
		</div>
	)
}
