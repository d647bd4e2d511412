import { Link } from '@remix-run/react'
import type { ActivityState, DayActivitiesView } from '#app/domain/member-days/activities.server.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

const STATE_KEY = {
	upcoming: 'dayActivities.state.upcoming',
	open: 'dayActivities.state.open',
	over: 'dayActivities.state.over',
} as const satisfies Record<ActivityState, string>

/** A member day's draws and flash sales (the result of dayActivities), each with a link to take part. */
export function DayActivities({ activities }: { activities: DayActivitiesView }) {
	const t = useT()
	const when = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
	const span = (from: string, until: string) => t('dayActivities.window', { from: when.format(new Date(from)), until: when.format(new Date(until)) })
	const empty = activities.campaigns.length === 0 && activities.sales.length === 0
	return (
		<section className="card" aria-labelledby="day-activities-title">
			<h2 id="day-activities-title">{t('dayActivities.title')}</h2>
			{empty ? <p className="muted">{t('dayActivities.none')}</p> : null}
			{activities.campaigns.length > 0 ? (
				<>
					<h3>{t('dayActivities.draws')}</h3>
					<ul className="ledger">
						{activities.campaigns.map((c) => (
							<li key={c.id}>
								<span>
									<Link to={c.link}><strong>{c.title}</strong></Link> · {c.costPoints > 0 ? t('dayActivities.cost', { points: c.costPoints }) : t('dayActivities.free')}
								</span>
								<time dateTime={c.startsAt}>{span(c.startsAt, c.endsAt)}</time>
								<span className="ledger-amount">{t(STATE_KEY[c.state])}</span>
							</li>
						))}
					</ul>
				</>
			) : null}
			{activities.sales.length > 0 ? (
				<>
					<h3>{t('dayActivities.sales')}</h3>
					<ul className="ledger">
						{activities.sales.map((s) => (
							<li key={s.id}>
								<span>
									<Link to={s.link}><strong>{s.productName}</strong></Link> · {t('dayActivities.inRoom', { room: s.roomTitle })} · {t('dayActivities.left', { remaining: s.remaining, stock: s.stock })}
								</span>
								<time dateTime={s.opensAt}>{span(s.opensAt, s.closesAt)}</time>
								<span className="ledger-amount">{t(STATE_KEY[s.state])}</span>
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	)
}
