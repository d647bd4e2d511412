import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { BoxReveal } from '#app/components/member-days/box-reveal.tsx'
import { DayActivities } from '#app/components/member-days/day-activities.tsx'
import { useDayTicker } from '#app/components/member-days/use-day-ticker.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { dayActivities } from '#app/domain/member-days/activities.server.ts'
import { memberDayFor } from '#app/domain/member-days/days.server.ts'
import { openBlindBox } from '#app/domain/member-days/open-box.server.ts'
import { dayPools, notableWins } from '#app/domain/member-days/pools.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { numberFormat, useDateFormat, usePrice } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'days.title')

// A day outside the viewer's audience, or a surprise day not yet open, does not exist for them: 404.
export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const now = new Date()
	const day = await memberDayFor(user, args.params.id ?? '', now)
	invariantResponse(day, 'No such member day', { status: 404 })
	const [pools, wins, activities] = await Promise.all([dayPools(day.id, now), notableWins(day.id), dayActivities(day.id, now)])
	return {
		day: { id: day.id, title: day.title, description: day.description, startsAt: day.startsAt.toISOString(), endsAt: day.endsAt.toISOString(), dailyCapPoints: day.dailyCapPoints },
		open: now >= day.startsAt && now < day.endsAt,
		pools,
		wins,
		activities,
		publicUrl: getEnv().PUBLIC_URL,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const day = await memberDayFor(user, args.params.id ?? '')
	invariantResponse(day, 'No such member day', { status: 404 })
	const form = await args.request.formData()
	const poolId = String(form.get('poolId') ?? '')
	const result = await openBlindBox(poolId, user.id)
	return data({ poolId, ...result }, { status: result.ok ? 200 : result.error === 'days.error.busy' ? 503 : 400 })
}

export default function MemberDayPage() {
	const { day, open, pools, wins: loadedWins, activities, publicUrl } = useLoaderData<typeof loader>()
	const wins = useDayTicker(day.id, loadedWins)
	const result = useActionData<typeof action>()
	const busy = useNavigation().state === 'submitting'
	const t = useT()
	const when = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
	const percent = numberFormat(useLocale(), { style: 'percent', maximumFractionDigits: 2 })
	const price = usePrice()
	return (
		<div className="member-days">
			<section className="card days-hero" aria-labelledby="page-title">
				<h1 id="page-title">{day.title}</h1>
				{day.description ? <p>{day.description}</p> : null}
				<p className="muted">{when.format(new Date(day.startsAt))} – {when.format(new Date(day.endsAt))}</p>
				{day.dailyCapPoints ? <p>{t('days.dailyCap', { points: day.dailyCapPoints })}</p> : null}
			</section>
			{pools.map((pool) => (
				<section className="card stack" key={pool.id} aria-labelledby={`pool-${pool.id}`}>
					<h2 id={`pool-${pool.id}`}>{pool.name}</h2>
					<p>
						{[pool.pricePoints > 0 ? t('days.pricePoints', { points: pool.pricePoints }) : null, pool.priceCents > 0 ? price(pool.priceCents) : null].filter(Boolean).join(' + ') || t('days.free')}
						{' · '}{t('days.limit', { limit: pool.perMemberLimit })}
						{' · '}{t('days.remaining', { remaining: pool.remaining, total: pool.total })}
					</p>
					{pool.guaranteeEvery && pool.guaranteeItem ? <p>{t('days.guarantee', { every: pool.guaranteeEvery, item: pool.guaranteeItem })}</p> : null}
					<div className="table-wrap">
						<table>
							<caption>{t('days.oddsCaption')}</caption>
							<thead><tr><th scope="col">{t('days.item')}</th><th scope="col">{t('days.packed')}</th><th scope="col">{t('days.odds')}</th><th scope="col">{t('days.left')}</th></tr></thead>
							<tbody>
								{pool.odds.map((o) => (
									<tr key={o.id}><td>{o.name}</td><td>{o.total}</td><td>{percent.format(o.chance)}</td><td>{o.remaining}</td></tr>
								))}
							</tbody>
						</table>
					</div>
					<p className="muted days-commitment">{t('days.commitment')} <code>{pool.seedHash}</code>{pool.seed ? <> · {t('days.seed')} <code>{pool.seed}</code></> : null}</p>
					{open && pool.remaining > 0 ? (
						<Form method="post">
							<input type="hidden" name="poolId" value={pool.id} />
							<button type="submit" className="button button-primary" disabled={busy}>{busy ? t('days.opening') : t('days.open')}</button>
						</Form>
					) : null}
					{result && result.poolId === pool.id ? (
						result.ok ? (
							<BoxReveal key={result.openingId} item={result.item.name} rare={result.item.position === 0} shareUrl={`${publicUrl}/boxes/${result.shareCode}`} />
						) : (
							<p className="form-alert" role="alert">{t(result.error)}</p>
						)
					) : null}
				</section>
			))}
			{pools.length === 0 ? <p className="muted">{t('days.noPools')}</p> : null}
			{activities.campaigns.length + activities.sales.length > 0 ? <DayActivities activities={activities} /> : null}
			<section className="card" aria-labelledby="big-wins">
				<h2 id="big-wins">{t('days.bigWins')}</h2>
				<p className="muted">{t('days.liveTicker')}</p>
				<ul className="days-ticker" aria-live="polite">
					{wins.map((w) => <li key={w.id}>{t('days.bigWin', { member: w.member, item: w.item })}</li>)}
				</ul>
			</section>
		</div>
	)
}
