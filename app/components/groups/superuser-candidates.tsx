import { Form, Link } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { failureFor, type SuperUserFailure } from './superuser-forms.ts'

export type CandidateItem = { id: string; displayName: string; referrals: number; featured: number; winningVotes: number; likes: number; score: number }
type Weights = { referrals: number; featured: number; winningVotes: number; likes: number }

/** Customers worth promoting, with each signal of their score shown, and a promote form each. */
export function SuperUserCandidates({ items, weights, failure }: { items: CandidateItem[]; weights: Weights; failure?: SuperUserFailure }) {
	const t = useT()
	return (
		<>
			<p className="muted">{t('superusers.scoreExplained', weights)}</p>
			{items.length === 0 ? <p className="muted">{t('superusers.candidatesEmpty')}</p> : (
				<ol className="superuser-cards">
					{items.map((c) => <CandidateCard key={c.id} item={c} failure={failureFor(failure, c.id, ['promote'])} />)}
				</ol>
			)}
		</>
	)
}

function CandidateCard({ item, failure }: { item: CandidateItem; failure?: SuperUserFailure }) {
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(failure)
	const signals = [
		['superusers.signal.referrals', item.referrals],
		['superusers.signal.featured', item.featured],
		['superusers.signal.winningVotes', item.winningVotes],
		['superusers.signal.likes', item.likes],
	] as const
	return (
		<li className="card superuser-card">
			<h3><Link to={`/members/${item.id}`}>{item.displayName}</Link> <span className="superuser-score">{t('superusers.score', { score: item.score })}</span></h3>
			<dl className="superuser-signals">
				{signals.map(([label, n]) => (
					<div key={label}><dt>{t(label)}</dt><dd>{n}</dd></div>
				))}
			</dl>
			<FormAlert message={formError} />
			<Form method="post" className="superuser-line-form">
				<input type="hidden" name="intent" value="promote" />
				<input type="hidden" name="memberId" value={item.id} />
				<Field label={t('superusers.profileLine')} hint={t('superusers.profileLineHint')} name="profileLine" maxLength={80} required defaultValue={value('profileLine') ?? ''} error={fieldError('profileLine')} />
				<button type="submit" className="button button-primary">{t('superusers.promote', { name: item.displayName })}</button>
			</Form>
		</li>
	)
}
