import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { CandidateForm } from '#app/components/voting/candidate-form.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { listPending } from '#app/domain/voting/candidates.server.ts'
import { handleVotingConsole, listForConsole, saveCandidateFromForm } from '#app/domain/voting/console.server.ts'
import { listRounds } from '#app/domain/voting/rounds.server.ts'
import { getNewVoterHours } from '#app/domain/voting/settings.server.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.votingTitle')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const [rounds, candidates, pending, hours] = await Promise.all([listRounds(), listForConsole(), listPending(), getNewVoterHours()])
	return { rounds, candidates, pending, hours }
}

export async function action(args: ActionFunctionArgs) {
	const staff = requireRole(args, 'merchant')
	if (args.request.headers.get('content-type')?.startsWith('multipart/form-data')) {
		const saved = await saveCandidateFromForm(args.request, staff.id)
		if (!saved.ok) return data({ ...saved, intent: 'candidate' }, { status: 400 })
		return redirect(`/console/voting/${saved.id}?saved=1`)
	}
	const result = await handleVotingConsole(staff.id, await args.request.formData())
	return data(result, { status: result.ok ? 200 : 400 })
}

export default function VotingConsole() {
	const t = useT()
	const { rounds, candidates, pending, hours } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const when = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
	const failureOf = (intent: string) => (result && !result.ok && result.intent === intent ? result : undefined)
	const openRounds = rounds.filter((r) => r.open)
	const hoursForm = useFormFailure(failureOf('hours'))
	return (
		<>
			<section aria-labelledby="page-title">
				<h1 id="page-title">{t('console.votingTitle')}</h1>
				<p className="muted">{t('console.votingIntro')}</p>
				{result?.ok ? <p className="form-success" role="status">{t(result.message, result.params)}</p> : null}
			</section>
			<section className="card" aria-labelledby="pending-title">
				<h2 id="pending-title">{t('console.pendingTitle')}</h2>
				{pending.length === 0 ? <p className="muted">{t('console.pendingEmpty')}</p> : (
					<ul className="card-list">
						{pending.map((c) => (
							<li key={c.id} className="queue-item">
								<strong>{c.title}</strong>
								<span className="muted">{c.proposedBy.displayName}</span>
								{c.description ? <p className="post-body">{c.description}</p> : null}
								<Form method="post" className="button-row">
									<input type="hidden" name="id" value={c.id} />
									<label className="visually-hidden" htmlFor={`round-${c.id}`}>{t('console.candidateRound')}</label>
									<select id={`round-${c.id}`} name="roundId" defaultValue={openRounds[0]?.id ?? ''}>
										<option value="">{t('console.candidateNoRound')}</option>
										{openRounds.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
									</select>
									<button type="submit" name="intent" value="approve" className="button button-primary">{t('console.approveInto')}</button>
									<button type="submit" name="intent" value="reject" className="button button-quiet">{t('console.rejectSuggestion')}</button>
								</Form>
							</li>
						))}
					</ul>
				)}
			</section>
			<section aria-labelledby="ideas-title">
				<h2 id="ideas-title">{t('console.candidates')}</h2>
				<div className="table-wrap">
					<table>
						<thead>
							<tr><th>{t('console.roundTitle')}</th><th>{t('console.candidateRound')}</th><th>{t('product.status')}</th><th>{t('console.forecastVotes')}</th><th>{t('console.weighted', { count: '' })}</th><th /></tr>
						</thead>
						<tbody>
							{candidates.map((c) => (
								<tr key={c.id}>
									<td><Link to={`/vote/${c.id}`}>{c.title}</Link></td>
									<td>{c.round?.title ?? '—'}</td>
									<td>{t(`vote.stage.${c.stage}`)}</td>
									<td>{c.count.votes}{c.count.newVotes ? ` (+${c.count.newVotes})` : ''}</td>
									<td>{c.weighted}</td>
									<td><Link to={`/console/voting/${c.id}`}>{t('console.manage')}</Link></td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
				<p className="muted">{t('console.weightedHint')}</p>
			</section>
			<section className="card" aria-labelledby="new-idea">
				<h2 id="new-idea">{t('console.candidateNew')}</h2>
				<CandidateForm rounds={openRounds} failure={failureOf('candidate')} submitLabel={t('console.candidateCreate')} />
			</section>
			<section className="card" aria-labelledby="rounds-title">
				<h2 id="rounds-title">{t('console.roundNew')}</h2>
				<RoundForm failure={failureOf('round')} />
				<ul className="card-list rounds-list">
					{rounds.map((r) => (
						<li key={r.id} className="button-row">
							<strong>{r.title}</strong>
							<span className="muted">{r.open ? t('vote.roundEnds', { date: when.format(new Date(r.endsAt)) }) : t('vote.roundClosed')}</span>
							{r.open ? (
								<Form method="post">
									<input type="hidden" name="id" value={r.id} />
									<button type="submit" name="intent" value="closeRound" className="post-action">{t('console.roundClose')}</button>
								</Form>
							) : null}
						</li>
					))}
				</ul>
			</section>
			<section className="card" aria-labelledby="hours-title">
				<h2 id="hours-title">{t('vote.settings')}</h2>
				<Form method="post" className="stack">
					<FormAlert message={hoursForm.formError} />
					<Field label={t('console.newVoterHours')} name="hours" type="number" min={0} max={2160} defaultValue={String(hours)} error={hoursForm.fieldError('hours')} />
					<button type="submit" name="intent" value="hours" className="button button-quiet">{t('console.saveSetting')}</button>
				</Form>
			</section>
		</>
	)
}

function RoundForm({ failure }: { failure: Parameters<typeof useFormFailure>[0] }) {
	const t = useT()
	const { fieldError: err, formError, value } = useFormFailure(failure)
	return (
		<Form method="post" noValidate className="stack">
			<FormAlert message={formError} />
			<Field label={t('console.roundTitle')} name="title" required maxLength={100} defaultValue={value('title')} error={err('title')} />
			<Field label={t('console.roundDescription')} name="description" maxLength={2000} defaultValue={value('description')} error={err('description')} />
			<div className="field-row">
				<Field label={t('console.roundMaxVotes')} name="maxVotes" inputMode="numeric" defaultValue={value('maxVotes')} error={err('maxVotes')} />
				<Field label={t('console.roundDays')} name="days" inputMode="numeric" defaultValue={value('days') ?? '14'} error={err('days')} />
			</div>
			<button type="submit" name="intent" value="round" className="button button-primary">{t('console.roundCreate')}</button>
		</Form>
	)
}
