import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { listMemberOpenings, listOpenDaysFor } from '#app/domain/member-days/days.server.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'days.indexTitle')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const [days, openings] = await Promise.all([listOpenDaysFor(user), listMemberOpenings(user.id)])
	return {
		days: days.map((d) => ({ id: d.id, title: d.title, endsAt: d.endsAt.toISOString() })),
		openings: openings.map((o) => ({ id: o.id, createdAt: o.createdAt.toISOString(), item: o.item.name, pool: o.pool.name, dayId: o.pool.memberDay.id, day: o.pool.memberDay.title })),
	}
}

export default function MemberDaysIndex() {
	const { days, openings } = useLoaderData<typeof loader>()
	const t = useT()
	const when = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
	return (
		<div className="member-days">
			<h1>{t('days.indexTitle')}</h1>
			<section className="card" aria-labelledby="open-days">
				<h2 id="open-days">{t('days.openNow')}</h2>
				{days.length === 0 ? <p className="muted">{t('days.noneOpen')}</p> : (
					<ul className="ledger">
						{days.map((d) => (
							<li key={d.id}>
								<Link to={`/days/${d.id}`} className="ledger-reason">{d.title}</Link>
								<time dateTime={d.endsAt}>{t('days.endsAt', { date: when.format(new Date(d.endsAt)) })}</time>
							</li>
						))}
					</ul>
				)}
			</section>
			<section className="card" aria-labelledby="my-boxes">
				<h2 id="my-boxes">{t('days.myBoxes')}</h2>
				{openings.length === 0 ? <p className="muted">{t('days.noBoxes')}</p> : (
					<ul className="ledger">
						{openings.map((o) => (
							<li key={o.id}>
								<span className="ledger-reason">{o.item}</span>
								<span className="muted"><Link to={`/days/${o.dayId}`}>{o.day}</Link> · {o.pool} · <time dateTime={o.createdAt}>{when.format(new Date(o.createdAt))}</time></span>
							</li>
						))}
					</ul>
				)}
			</section>
		</div>
	)
}
