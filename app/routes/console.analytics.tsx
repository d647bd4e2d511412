import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ChartCard } from '#app/components/analytics/chart-card.tsx'
import { PointValueForm } from '#app/components/analytics/point-value-form.tsx'
import { Field } from '#app/components/ui/field.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { MAX_SIGNUPS } from '#app/domain/analytics/acquisition.server.ts'
import { loadChart } from '#app/domain/analytics/dashboard.server.ts'
import { MAX_OPENERS } from '#app/domain/analytics/days.server.ts'
import { getCentsPer100Points, PointValueSchema, saveCentsPer100Points } from '#app/domain/analytics/point-value.server.ts'
import { CHARTS, isoDay, parseRange } from '#app/domain/analytics/range.ts'
import { parseForm } from '#app/lib/forms.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'analytics.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const range = parseRange(new URL(args.request.url).searchParams)
	const [charts, centsPer100] = await Promise.all([Promise.all(CHARTS.map((chart) => loadChart(chart, range))), getCentsPer100Points()])
	return { from: isoDay(range.from), to: isoDay(range.to), charts, centsPer100, maxSignups: MAX_SIGNUPS, maxOpeners: MAX_OPENERS }
}

export async function action(args: ActionFunctionArgs) {
	requireRole(args, 'merchant')
	const form = await args.request.formData()
	const parsed = parseForm(PointValueSchema, form)
	if (!parsed.ok) return data(parsed, { status: 400 })
	await saveCentsPer100Points(parsed.data.yuanPer100)
	const back = new URL(args.request.url).searchParams
	back.set('done', 'pointValue')
	return redirect(`/console/analytics?${back}`)
}

export default function ConsoleAnalyticsPage() {
	const { from, to, charts, centsPer100, maxSignups, maxOpeners } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	const price = usePrice()
	const query = `?from=${from}&to=${to}`
	return (
		<div className="analytics-page stack">
			<div className="page-head">
				<h1>{t('analytics.title')}</h1>
			</div>
			<p className="muted">{t('analytics.intro')}</p>
			<Form method="get" className="card analytics-range">
				<Field label={t('analytics.from')} name="from" type="date" defaultValue={from} />
				<Field label={t('analytics.to')} name="to" type="date" defaultValue={to} />
				<button type="submit" className="button button-primary">{t('analytics.show')}</button>
			</Form>
			<div className="analytics-grid">
				{charts.map((chart) => {
					const csvHref = `/console/analytics/${chart.chart}.csv${query}`
					switch (chart.chart) {
						case 'acquisition': {
							const d = chart.data
							return (
								<ChartCard key={chart.chart} chart={chart} csvHref={csvHref} empty={d.weeks.every((w) => w.referral + w.share + w.other === 0)}>
									<p>{t('analytics.acquisition.cost', { cost: price(d.costPerMemberCents), members: d.referred, points: price(d.pointsCents), commission: price(d.commissionCents) })}</p>
									<p className="field-hint">{t('analytics.acquisition.note')}</p>
									{d.truncated ? <p className="field-hint">{t('analytics.truncated', { count: maxSignups })}</p> : null}
								</ChartCard>
							)
						}
						case 'repurchase': {
							const d = chart.data
							return (
								<ChartCard key={chart.chart} chart={chart} csvHref={csvHref} empty={d.repeaters === 0}>
									<p>{t('analytics.repurchase.rate', { rate: `${Math.round(d.rate * 1000) / 10}%`, repeaters: d.repeaters, buyers: d.buyers })}</p>
									<p>{d.medianDaysToSecond === null ? t('analytics.repurchase.noMedian') : t('analytics.repurchase.median', { days: Math.round(d.medianDaysToSecond * 10) / 10 })}</p>
								</ChartCard>
							)
						}
						case 'tiers':
							return (
								<ChartCard key={chart.chart} chart={chart} csvHref={csvHref} empty={chart.data.every((d) => d.members === 0)}>
									<p className="field-hint">{t('analytics.tiers.note')}</p>
								</ChartCard>
							)
						case 'draws':
							return (
								<ChartCard key={chart.chart} chart={chart} csvHref={csvHref} empty={chart.data.length === 0}>
									{chart.data.length ? <ul className="muted">{chart.data.map((c, i) => <li key={i}>{t('analytics.draws.campaign', { campaign: c.campaign, draws: c.draws })}</li>)}</ul> : null}
								</ChartCard>
							)
						case 'days': {
							const d = chart.data
							return (
								<ChartCard key={chart.chart} chart={chart} csvHref={csvHref} empty={d.days.length === 0}>
									<p className="field-hint">{t('analytics.days.note')}</p>
									{d.truncated ? <p className="field-hint">{t('analytics.days.truncated', { count: maxOpeners })}</p> : null}
								</ChartCard>
							)
						}
						case 'boxes':
							return (
								<ChartCard key={chart.chart} chart={chart} csvHref={csvHref} empty={chart.data.length === 0}>
									{chart.data.length ? <ul className="muted">{chart.data.map((b, i) => <li key={i}>{t('analytics.boxes.pool', { pool: b.pool, day: b.day, opened: b.opened })}</li>)}</ul> : null}
								</ChartCard>
							)
						default:
							return <ChartCard key={chart.chart} chart={chart} csvHref={csvHref} empty={chart.data.length === 0} />
					}
				})}
			</div>
			<PointValueForm centsPer100={centsPer100} failure={failure ?? undefined} saved={params.get('done') === 'pointValue'} />
		</div>
	)
}
