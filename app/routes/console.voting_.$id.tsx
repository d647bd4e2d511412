import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { CandidateForm } from '#app/components/voting/candidate-form.tsx'
import { VoteCount } from '#app/components/voting/candidate-card.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { getCandidate } from '#app/domain/voting/candidates.server.ts'
import { handleVotingConsole, listForConsole, saveCandidateFromForm, voterNotes } from '#app/domain/voting/console.server.ts'
import { weightedVotes } from '#app/domain/voting/counts.server.ts'
import { forecast } from '#app/domain/voting/presale.server.ts'
import { listRounds } from '#app/domain/voting/rounds.server.ts'
import { FORWARD } from '#app/domain/voting/schemas.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.votingTitle')

export async function loader(args: LoaderFunctionArgs) {
	const staff = requireRole(args, 'merchant')
	const candidate = await getCandidate(args.params.id!, staff)
	invariantResponse(candidate, 'vote.error.notFound', { status: 404 })
	const [plan, notes, weights, rounds, all] = await Promise.all([forecast(candidate.id), voterNotes(candidate.id), weightedVotes([candidate.id]), listRounds({ openOnly: true }), listForConsole()])
	const mergeTargets = all.filter((c) => c.id !== candidate.id && c.roundId === (candidate.round?.id ?? null) && c.stage !== 'declined')
	return { candidate, plan, notes, weighted: weights.get(candidate.id) ?? 0, rounds, mergeTargets }
}

export async function action(args: ActionFunctionArgs) {
	const staff = requireRole(args, 'merchant')
	if (args.request.headers.get('content-type')?.startsWith('multipart/form-data')) {
		const saved = await saveCandidateFromForm(args.request, staff.id, args.params.id!)
		if (!saved.ok) return data({ ...saved, intent: 'candidate' }, { status: 400 })
		return redirect(`/console/voting/${saved.id}?saved=1`)
	}
	const formData = await args.request.formData()
	formData.set('id', args.params.id!)
	const result = await handleVotingConsole(staff.id, formData)
	return data(result, { status: result.ok ? 200 : 400 })
}

export default function ConsoleCandidatePage() {
	const t = useT()
	const price = usePrice()
	const { candidate: c, plan, notes, weighted, rounds, mergeTargets } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const [params] = useSearchParams()
	const stageForm = useFormFailure(result && !result.ok && (result.intent === 'stage' || result.intent === 'merge') ? result : undefined)
	const next = FORWARD.slice(FORWARD.indexOf(c.stage) + 1)
	return (
		<>
			<p><Link to="/console/voting">← {t('console.votingTitle')}</Link></p>
			<section className="card stack" aria-labelledby="page-title">
				<h1 id="page-title">{c.title}</h1>
				<p><span className={`tag stage-${c.stage}`}>{t(`vote.stage.${c.stage}`)}</span> <Link to={`/vote/${c.id}`}>{t('console.openPost')}</Link></p>
				{params.get('saved') && !result ? <p className="form-success" role="status">{t('console.candidateSaved')}</p> : null}
				{result?.ok ? <p className="form-success" role="status">{t(result.message, result.params)}</p> : null}
				<VoteCount count={c.count} />
				<p className="muted" title={t('console.weightedHint')}>{t('console.weighted', { count: weighted })}</p>
				<FormAlert message={stageForm.formError} />
				{c.stage !== 'declined' && c.stage !== 'instock' ? (
					<>
						<Form method="post" className="button-row">
							<label htmlFor="stage-to">{t('console.stageTo')}</label>
							<select id="stage-to" name="to" defaultValue={next[0]}>
								{next.map((s) => <option key={s} value={s}>{t(`vote.stage.${s}`)}</option>)}
							</select>
							<button type="submit" name="intent" value="stage" className="button button-primary">{t('console.stageMove')}</button>
						</Form>
						<Form method="post" className="button-row">
							<input type="hidden" name="to" value="declined" />
							<label className="visually-hidden" htmlFor="decline-reason">{t('console.declineReason')}</label>
							<input id="decline-reason" name="reason" placeholder={t('console.declineReason')} maxLength={300} aria-invalid={stageForm.fieldError('reason') ? true : undefined} />
							<button type="submit" name="intent" value="stage" className="button button-quiet link-danger">{t('console.decline')}</button>
						</Form>
						{stageForm.fieldError('reason') ? <p className="field-error" role="alert">{stageForm.fieldError('reason')}</p> : null}
						{mergeTargets.length ? (
							<Form method="post" className="button-row">
								<label htmlFor="merge-into">{t('console.mergeInto')}</label>
								<select id="merge-into" name="into">
									{mergeTargets.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
								</select>
								<button type="submit" name="intent" value="merge" className="button button-quiet">{t('console.merge')}</button>
							</Form>
						) : null}
					</>
				) : null}
			</section>
			<section className="card" aria-labelledby="forecast-title">
				<h2 id="forecast-title">{t('console.forecastTitle')}</h2>
				<div className="table-wrap">
					<table>
						<thead>
							<tr><th>{t('console.forecastVariant')}</th><th>{t('console.forecastVotes')}</th><th>{t('console.forecastReservations')}</th><th>{t('console.forecastQuantity')}</th><th>{t('console.forecastDeposits')}</th></tr>
						</thead>
						<tbody>
							{plan.rows.map((r) => (
								<tr key={r.variant}>
									<td>{r.variant || t('console.variantNone')}</td><td>{r.votes}</td><td>{r.reservations}</td><td data-testid={`forecast-quantity-${r.variant}`}>{r.quantity}</td><td>{price(r.depositCents)}</td>
								</tr>
							))}
							<tr>
								<th>{t('console.forecastTotal')}</th><td>{plan.totals.votes}</td><td>{plan.totals.reservations}</td><td>{plan.totals.quantity}</td><td>{price(plan.totals.depositCents)}</td>
							</tr>
						</tbody>
					</table>
				</div>
			</section>
			<section className="card" aria-labelledby="notes-title">
				<h2 id="notes-title">{t('console.voterNotes')}</h2>
				{notes.length === 0 ? <p className="muted">{t('console.voterNotesEmpty')}</p> : (
					<ul className="comment-list">
						{notes.map((n) => (
							<li key={n.id} className="comment"><strong>{n.member.displayName}</strong>{n.variant ? ` · ${n.variant}` : ''}<p>{n.comment}</p></li>
						))}
					</ul>
				)}
			</section>
			<section className="card" aria-labelledby="edit-title">
				<h2 id="edit-title">{t('post.edit')}</h2>
				<CandidateForm rounds={rounds} candidate={{ ...c, roundId: c.round?.id ?? null }} failure={result && !result.ok && result.intent === 'candidate' ? result : undefined} submitLabel={t('console.saveSetting')} />
			</section>
		</>
	)
}
