import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { MediaGallery } from '#app/components/posts/media-gallery.tsx'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { VoteCount } from '#app/components/voting/candidate-card.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { handleCandidateAction } from '#app/domain/voting/candidate-actions.server.ts'
import { getCandidate } from '#app/domain/voting/candidates.server.ts'
import { credits, myReservations } from '#app/domain/voting/presale.server.ts'
import { MAX_COMMENT, MAX_QUANTITY, VOTABLE } from '#app/domain/voting/schemas.ts'
import type { VoteCount as Count } from '#app/domain/voting/views.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { VOTE_ROOM } from '#app/realtime/events.ts'
import { usePublicRoom } from '#app/realtime/use-socket.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.candidate.title} · Quanzi` : 'Quanzi' }]

export async function loader({ params, context }: LoaderFunctionArgs) {
	const candidate = await getCandidate(params.id!, context.user)
	invariantResponse(candidate, 'vote.error.notFound', { status: 404 })
	const [fans, reservations] = await Promise.all([credits(candidate.id), context.user ? myReservations(context.user.id, candidate.id) : []])
	return { candidate, fans, reservations, signedIn: Boolean(context.user) }
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const result = await handleCandidateAction(user.id, args.params.id!, await args.request.formData())
	return data(result, { status: result.ok ? 200 : result.status })
}

export default function CandidatePage() {
	const t = useT()
	const price = usePrice()
	const { candidate: c, fans, reservations, signedIn } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const [params] = useSearchParams()
	const [count, setCount] = useState<Count | null>(null)
	usePublicRoom(VOTE_ROOM, 'vote:count', (pushed) => pushed.candidateId === c.id && setCount({ votes: pushed.votes, newVotes: pushed.newVotes }))
	const open = VOTABLE.includes(c.stage) && (!c.round || c.round.open)
	const merged = c.declineReason?.startsWith('merged:') ? c.declineReason.slice(7) : null
	return (
		<article className="post-page" aria-labelledby="page-title">
			<p><Link to="/vote">← {t('vote.title')}</Link></p>
			{params.get('suggested') ? <p className="form-success" role="status">{t('vote.suggestDone')}</p> : null}
			{c.review === 'pending' ? <p className="post-status">{t('vote.pending')}</p> : null}
			<section className="card">
				<span className={`tag stage-${c.stage}`}>{t(`vote.stage.${c.stage}`)}</span>
				<h1 id="page-title">{c.title}</h1>
				{c.targetPriceCents ? <p className="product-price">{t('vote.targetPrice', { price: price(c.targetPriceCents) })}</p> : null}
				<VoteCount count={count ?? c.count} />
				{c.selectAt && c.stage === 'voting' ? <p className="muted">{t('vote.selectAt', { count: c.selectAt })}</p> : null}
				{c.stage === 'declined' ? <p className="post-status">{merged ? t('vote.mergedInto', { title: merged }) : t('vote.declinedBecause', { reason: c.declineReason ?? '' })}</p> : null}
				{c.description ? <p className="post-body-full">{c.description}</p> : null}
				<MediaGallery media={c.media} label={c.title} />
				{fans.fans > 0 && ['selected', 'presale', 'instock'].includes(c.stage) ? (
					<p className="fans">
						<strong>{t('vote.chosenBy', { count: fans.fans })}</strong>
						{fans.names.length ? ` · ${t('vote.chosenNames', { names: fans.names.join(', ') })}` : ''}
					</p>
				) : null}
			</section>
			{result?.ok ? <p className="form-success" role="status">{t(result.message)}</p> : null}
			{open ? <VoteBox candidate={c} signedIn={signedIn} failure={result && !result.ok && result.intent !== 'reserve' ? result : undefined} /> : null}
			{c.stage === 'presale' && signedIn ? <ReserveBox candidate={c} reservations={reservations} failure={result && !result.ok && result.intent === 'reserve' ? result : undefined} /> : null}
		</article>
	)
}

type Candidate = ReturnType<typeof useLoaderData<typeof loader>>['candidate']

function VoteBox({ candidate: c, signedIn, failure }: { candidate: Candidate; signedIn: boolean; failure?: Parameters<typeof useFormFailure>[0] }) {
	const t = useT()
	const busy = useNavigation().state === 'submitting'
	const { fieldError, formError } = useFormFailure(failure)
	if (!signedIn) return <p className="card"><Link to={`/login?redirectTo=/vote/${c.id}`}>{t('vote.signIn')}</Link></p>
	if (c.myVote) {
		return (
			<Form method="post" className="card stack" preventScrollReset>
				<FormAlert message={formError} />
				<p><strong>{t('vote.yourVote')}</strong>{c.myVote.variant ? ` · ${t('vote.yourVariant', { variant: c.myVote.variant })}` : ''}</p>
				<button type="submit" name="intent" value="withdraw" className="button button-quiet" disabled={busy}>{t('vote.withdraw')}</button>
			</Form>
		)
	}
	return (
		<Form method="post" className="card stack" preventScrollReset>
			<FormAlert message={formError} />
			{c.variants.length ? (
				<SelectField label={t('vote.variant')} name="variant" defaultValue="" error={fieldError('variant')}>
					<option value="">{t('vote.variantAny')}</option>
					{c.variants.map((v) => <option key={v} value={v}>{v}</option>)}
				</SelectField>
			) : null}
			<Field label={t('vote.comment')} name="comment" maxLength={MAX_COMMENT} error={fieldError('comment')} />
			<button type="submit" name="intent" value="vote" className="button button-primary button-block" disabled={busy}>{t('vote.voteFor')}</button>
		</Form>
	)
}

function ReserveBox({ candidate: c, reservations, failure }: { candidate: Candidate; reservations: { variant: string; quantity: number; depositCents: number }[]; failure?: Parameters<typeof useFormFailure>[0] }) {
	const t = useT()
	const price = usePrice()
	const { fieldError, formError } = useFormFailure(failure)
	return (
		<section className="card stack" aria-labelledby="reserve-title">
			<h2 id="reserve-title">{t('vote.reserveTitle')}</h2>
			<p className="muted">{t('vote.reserveIntro')}</p>
			{c.depositCents ? <p>{t('vote.deposit', { amount: price(c.depositCents) })}</p> : null}
			{reservations.map((r) => (
				<Form key={r.variant} method="post" className="button-row" preventScrollReset>
					<span className="tag tag-ok">{t('vote.reserved', { quantity: r.quantity, variant: r.variant || '—' })}</span>
					<input type="hidden" name="variant" value={r.variant} />
					<button type="submit" name="intent" value="cancelReservation" className="post-action">{t('vote.cancelReservation')}</button>
				</Form>
			))}
			<Form method="post" className="stack" preventScrollReset>
				<FormAlert message={formError} />
				{c.variants.length ? (
					<SelectField label={t('vote.variant')} name="variant" defaultValue={c.myVote?.variant ?? c.variants[0]} error={fieldError('variant')}>
						{c.variants.map((v) => <option key={v} value={v}>{v}</option>)}
					</SelectField>
				) : null}
				<Field label={t('vote.quantity')} name="quantity" type="number" min={1} max={MAX_QUANTITY} defaultValue="1" error={fieldError('quantity')} />
				<button type="submit" name="intent" value="reserve" className="button button-primary">{t('vote.reserve')}</button>
			</Form>
		</section>
	)
}
