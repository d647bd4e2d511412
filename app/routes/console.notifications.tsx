import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { OutboxTable } from '#app/components/notifications/outbox-table.tsx'
import { Field } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { getWeeklyCap, saveWeeklyCap, WeeklyCapSchema } from '#app/domain/notifications/cap-settings.server.ts'
import { getOutboxEmail, isSmtpConfigured, listOutbox, outboxCounts } from '#app/domain/notifications/outbox.server.ts'
import { EMAIL_STATUSES } from '#app/domain/notifications/outbox.ts'
import { WEEKLY_CAP } from '#app/domain/notifications/policy.ts'
import { parseForm } from '#app/lib/forms.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifyConsole.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const url = new URL(args.request.url)
	const emailId = url.searchParams.get('email')
	const [cap, counts, outbox, email] = await Promise.all([
		getWeeklyCap(),
		outboxCounts(),
		listOutbox({ cursor: url.searchParams.get('cursor') }),
		emailId ? getOutboxEmail(emailId) : null,
	])
	return { cap, counts, outbox, email, emailAsked: Boolean(emailId), smtp: isSmtpConfigured() }
}

export async function action(args: ActionFunctionArgs) {
	requireRole(args, 'merchant')
	const parsed = parseForm(WeeklyCapSchema, await args.request.formData())
	if (!parsed.ok) return data(parsed, { status: 400 })
	await saveWeeklyCap(parsed.data.weeklyCap)
	return redirect('/console/notifications?saved=1')
}

export default function ConsoleNotificationsPage() {
	const { cap, counts, outbox, email, emailAsked, smtp } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const { fieldError, value } = useFormFailure(failure)
	const [params] = useSearchParams()
	const busy = useNavigation().state === 'submitting'
	const t = useT()
	const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
	return (
		<div className="notify-console">
			<h1>{t('notifyConsole.title')}</h1>
			<p className="muted">{t('notifyConsole.intro')}</p>

			<section className="card" aria-labelledby="cap-title">
				<h2 id="cap-title">{t('notifyConsole.capTitle')}</h2>
				{params.get('saved') && !failure ? <p className="form-success" role="status">{t('notifyConsole.capSaved')}</p> : null}
				<Form method="post" noValidate className="stack notify-cap-form">
					<Field
						label={t('notifyConsole.capLabel')}
						name="weeklyCap"
						type="number"
						inputMode="numeric"
						min={WEEKLY_CAP.min}
						max={WEEKLY_CAP.max}
						required
						defaultValue={value('weeklyCap') ?? String(cap)}
						hint={t('notifyConsole.capHint')}
						error={fieldError('weeklyCap')}
					/>
					<button type="submit" className="button button-primary" disabled={busy}>{t('notifyConsole.capSave')}</button>
				</Form>
			</section>

			<section aria-labelledby="outbox-title">
				<h2 id="outbox-title">{t('notifyConsole.outbox')}</h2>
				<p className="muted">{t(smtp ? 'notifyConsole.smtpOn' : 'notifyConsole.smtpOff')}</p>
				<dl className="stats notify-stats">
					{EMAIL_STATUSES.map((status) => (
						<div key={status} className="stat">
							<dt>{t(`notifyConsole.status.${status}`)}</dt>
							<dd>{counts[status]}</dd>
						</div>
					))}
				</dl>
				{outbox.items.length === 0 ? <EmptyState icon="bell">{t('notifyConsole.empty')}</EmptyState> : <OutboxTable items={outbox.items} />}
				{outbox.nextCursor ? <Link className="button button-quiet" to={`?cursor=${encodeURIComponent(outbox.nextCursor)}`}>{t('notifyConsole.more')}</Link> : null}
			</section>

			{email ? (
				<section className="card email-view" aria-labelledby="email-title">
					<h2 id="email-title">{email.subject}</h2>
					<p className="muted">
						{t('notifyConsole.col.to')}: {email.to} · {t(`notifyConsole.status.${email.status}`)} · <time dateTime={email.createdAt}>{date.format(new Date(email.createdAt))}</time>
					</p>
					{email.error ? <p className="form-alert">{t('notifyConsole.lastError', { error: email.error })}</p> : null}
					<pre className="email-text">{email.text}</pre>
					<Link to="/console/notifications" className="button button-quiet">{t('notifyConsole.close')}</Link>
				</section>
			) : emailAsked ? (
				<p className="form-alert" role="alert" id="email-title">{t('notifyConsole.notFound')}</p>
			) : null}
		</div>
	)
}
