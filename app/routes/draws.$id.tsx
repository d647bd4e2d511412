import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { countMemberDraws, getCampaign } from '#app/domain/lottery/campaigns.server.ts'
import { draw } from '#app/domain/lottery/draws.server.ts'
import { canSeeDayActivity } from '#app/domain/member-days/activities.server.ts'
import { getShareCode } from '#app/domain/referrals/links.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'draws.title')

export async function loader({ params, context }: LoaderFunctionArgs) {
	const campaign = await getCampaign(params.id ?? '')
	const user = context.user
	// A member day's draw does not exist for those outside the day's audience.
	invariantResponse(campaign && (await canSeeDayActivity(user, campaign.memberDayId)), 'No such draw', { status: 404 })
	const [used, shareCode] = user
		? await Promise.all([countMemberDraws(campaign.id, user.id), getShareCode(user.id, 'draw', campaign.id)])
		: [0, null]
	return {
		campaign: { ...campaign, startsAt: campaign.startsAt.toISOString(), endsAt: campaign.endsAt.toISOString() },
		used,
		shareLink: shareCode ? `${getEnv().PUBLIC_URL}/s/${shareCode}` : null,
		signedIn: Boolean(user),
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const result = await draw(args.params.id ?? '', user.id)
	// For a member outside the day's audience the draw does not exist; staff see it but take no part.
	invariantResponse(result.ok || result.error !== 'dayActivities.error.notEligible' || hasRole(user.role, 'merchant'), 'No such draw', { status: 404 })
	return data(result, { status: result.ok ? 200 : result.error === 'lottery.busy' ? 503 : 400 })
}

export default function DrawPage() {
	const { campaign, used, shareLink, signedIn } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const busy = useNavigation().state === 'submitting'
	const t = useT()
	const locale = useLocale()
	const total = campaign.prizes.reduce((sum, p) => sum + p.remaining, 0)
	const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
	const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
	return (
		<div className="draw">
			<section className="draw-hero" aria-labelledby="page-title">
				<h1 id="page-title">{campaign.title}</h1>
				<p>
					{campaign.costPoints > 0 ? t('draws.cost', { points: campaign.costPoints }) : t('draws.free')} · {t('draws.ends', { date: date.format(new Date(campaign.endsAt)) })}
				</p>
				{signedIn ? <p>{t('draws.left', { count: Math.max(campaign.perMemberLimit - used, 0), limit: campaign.perMemberLimit })}</p> : null}
				{campaign.open ? (
					<Form method="post">
						<button type="submit" className="button button-light draw-button" disabled={busy}>
							{busy ? t('draws.drawing') : t('draws.draw')}
						</button>
					</Form>
				) : null}
				{result ? (
					result.ok ? (
						<div className="draw-reveal" role="status">
							<p className="draw-prize">{t(result.prize.kind === 'nothing' ? 'draws.noPrize' : 'draws.youWon', { prize: result.prize.name })}</p>
							{shareLink ? (
								<p className="draw-share">
									{t('draws.share')}: <span data-testid="share-link">{shareLink}</span>
								</p>
							) : null}
						</div>
					) : (
						<p className="form-alert" role="alert">{t(result.error)}</p>
					)
				) : null}
			</section>

			<section className="card" aria-labelledby="odds-title">
				<h2 id="odds-title">{t('draws.odds')}</h2>
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">{t('draws.prize')}</th>
								<th scope="col">{t('draws.remaining')}</th>
								<th scope="col">{t('draws.chance')}</th>
							</tr>
						</thead>
						<tbody>
							{campaign.prizes.map((p) => (
								<tr key={p.id}>
									<td>{p.name}</td>
									<td>{p.remaining} / {p.total}</td>
									<td>{total > 0 ? percent.format(p.remaining / total) : '—'}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>

			<section className="card" aria-labelledby="fair-title">
				<h2 id="fair-title">{t('draws.fairTitle')}</h2>
				<p className="muted">{t('draws.fairText')}</p>
				<p className="hash"><strong>{t('draws.commitment')}:</strong> <code>{campaign.seedHash}</code></p>
				<p className="hash"><strong>{t('draws.seed')}:</strong> <code>{campaign.seed ?? t('lottery.seedHidden')}</code></p>
			</section>
		</div>
	)
}
