import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { listMemberDraws } from '#app/domain/lottery/campaigns.server.ts'
import { listMemberOpenings } from '#app/domain/member-days/days.server.ts'
import { parsePrizeRef, setShippingAddress, type PrizeSource } from '#app/domain/lottery/fulfilment.server.ts'
import { MAX_ADDRESS_LENGTH } from '#app/domain/lottery/limits.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'draws.mine')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const [draws, openings] = await Promise.all([listMemberDraws(user.id), listMemberOpenings(user.id)])
	return {
		draws,
		boxes: openings.map((o) => ({
			id: o.id, createdAt: o.createdAt.toISOString(), item: o.item.name, pool: o.pool.name, day: o.pool.memberDay.title, shareCode: o.shareCode,
			shipTo: o.shipTo, shippedAt: o.shippedAt?.toISOString() ?? null,
		})),
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const form = await args.request.formData()
	const ref = parsePrizeRef(form.get('source'), form.get('id'))
	if (!ref) throw new Response('Not a prize of yours', { status: 404 })
	const outcome = await setShippingAddress(ref, user.id, String(form.get('shipTo') ?? ''))
	if (outcome === 'invalid') return data({ prize: `${ref.source}:${ref.id}`, error: 'prizes.addressInvalid' as const }, { status: 400 })
	if (outcome === 'notYours') throw new Response('Not your prize, or already sent', { status: 404 })
	return redirect('/me/prizes')
}

export default function MyPrizesPage() {
	const { draws, boxes } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const t = useT()
	const when = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium', timeStyle: 'short' })
	return (
		<div className="stack">
			<section className="card" aria-labelledby="page-title">
				<h1 id="page-title">{t('draws.mine')}</h1>
				{draws.length === 0 ? (
					boxes.length === 0 ? (
						<EmptyState icon="star">
							{t('draws.mineEmpty')} <Link to="/draws">{t('draws.title')}</Link>
						</EmptyState>
					) : null
				) : (
					<ul className="ledger">
						{draws.map((d) => (
							<li key={d.id}>
								<span className="ledger-reason">{d.prize.name}</span>
								<time dateTime={d.createdAt}>
									{when.format(new Date(d.createdAt))} · <Link to={`/draws/${d.campaign.id}`}>{d.campaign.title}</Link> ·{' '}
									<Link to={`/draws/${d.campaign.id}/verify?draw=${d.id}`}>{t('draws.verify')} {d.id}</Link>
								</time>
								{d.prize.kind === 'physical' ? <Shipping source="draw" prize={d} failure={failure} /> : null}
							</li>
						))}
					</ul>
				)}
			</section>
			{boxes.length > 0 ? (
				<section className="card" aria-labelledby="from-boxes">
					<h2 id="from-boxes">{t('days.fromBoxes')}</h2>
					<ul className="ledger">
						{boxes.map((b) => (
							<li key={b.id}>
								<span className="ledger-reason">{b.item}</span>
								<time dateTime={b.createdAt}>
									{when.format(new Date(b.createdAt))} · {b.day} · {b.pool} · <Link to={`/boxes/${b.shareCode}`}>{t('days.shareLink')}</Link>
								</time>
								<Shipping source="box" prize={b} failure={failure} />
							</li>
						))}
					</ul>
				</section>
			) : null}
		</div>
	)
}

/** Sent on a date, or the form for where to send it (until it is sent). */
function Shipping({ source, prize, failure }: { source: PrizeSource; prize: { id: string; shipTo: string | null; shippedAt: string | null }; failure: { prize: string; error: 'prizes.addressInvalid' } | undefined }) {
	const t = useT()
	const when = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium' })
	if (prize.shippedAt) return <p className="prize-status">{t('prizes.sent', { date: when.format(new Date(prize.shippedAt)) })}</p>
	return (
		<Form method="post" className="ship-form">
			<input type="hidden" name="source" value={source} />
			<input type="hidden" name="id" value={prize.id} />
			<label>
				<span>{t(prize.shipTo ? 'prizes.addressSaved' : 'prizes.addressNeeded')}</span>
				<textarea name="shipTo" rows={2} maxLength={MAX_ADDRESS_LENGTH} defaultValue={prize.shipTo ?? ''} aria-label={t('prizes.address')} required />
			</label>
			{failure?.prize === `${source}:${prize.id}` ? <p className="field-error" role="alert">{t(failure.error)}</p> : null}
			<button type="submit" className="button button-quiet">{t('prizes.saveAddress')}</button>
		</Form>
	)
}
