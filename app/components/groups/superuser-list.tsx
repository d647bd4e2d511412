import { Form, Link } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { failureFor, type SuperUserFailure } from './superuser-forms.ts'

export type SuperUserItem = { id: string; displayName: string; email: string; profileLine: string | null; groupsLed: number }

/** The merchant's super-users: edit each one's profile line, or demote them. */
export function SuperUserList({ items, failure }: { items: SuperUserItem[]; failure?: SuperUserFailure }) {
	const t = useT()
	if (items.length === 0) return <p className="muted">{t('superusers.empty')}</p>
	return (
		<ul className="superuser-cards">
			{items.map((s) => <SuperUserCard key={s.id} item={s} failure={failureFor(failure, s.id, ['profile', 'demote'])} />)}
		</ul>
	)
}

function SuperUserCard({ item, failure }: { item: SuperUserItem; failure?: SuperUserFailure }) {
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(failure)
	return (
		<li className="card superuser-card">
			<h3><Link to={`/members/${item.id}`}>{item.displayName}</Link></h3>
			<p className="muted">{item.email} · {t('superusers.groupsLed', { count: item.groupsLed })}</p>
			<FormAlert message={formError} />
			<Form method="post" className="superuser-line-form">
				<input type="hidden" name="intent" value="profile" />
				<input type="hidden" name="memberId" value={item.id} />
				<Field label={t('superusers.profileLine')} name="profileLine" maxLength={80} required defaultValue={value('profileLine') ?? item.profileLine ?? ''} error={fieldError('profileLine')} />
				<button type="submit" className="button button-quiet">{t('superusers.saveLine')}</button>
			</Form>
			<Form method="post" className="superuser-demote">
				<input type="hidden" name="intent" value="demote" />
				<input type="hidden" name="memberId" value={item.id} />
				<p className="field-hint">{t(item.groupsLed > 0 ? 'superusers.demoteHintGroups' : 'superusers.demoteHint')}</p>
				<button type="submit" className="button button-quiet">{t('superusers.demote', { name: item.displayName })}</button>
			</Form>
		</li>
	)
}
