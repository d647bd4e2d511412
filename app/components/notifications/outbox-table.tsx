import { Link } from '@remix-run/react'
import type { OutboxItem } from '#app/domain/notifications/outbox.server.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

/** The outbox, newest first; each subject opens the email below the table. */
export function OutboxTable({ items }: { items: OutboxItem[] }) {
	const t = useT()
	const date = useDateFormat({ dateStyle: 'short', timeStyle: 'short' })
	return (
		<div className="table-wrap">
			<table className="outbox-table">
				<thead>
					<tr>
						<th scope="col">{t('notifyConsole.col.created')}</th>
						<th scope="col">{t('notifyConsole.col.to')}</th>
						<th scope="col">{t('notifyConsole.col.subject')}</th>
						<th scope="col">{t('notifyConsole.col.status')}</th>
						<th scope="col">{t('notifyConsole.col.attempts')}</th>
					</tr>
				</thead>
				<tbody>
					{items.map((e) => (
						<tr key={e.id}>
							<td className="outbox-created"><time dateTime={e.createdAt}>{date.format(new Date(e.createdAt))}</time></td>
							<td className="outbox-to">{e.to}</td>
							<td className="outbox-subject"><Link to={`?email=${encodeURIComponent(e.id)}#email-title`} aria-label={`${t('notifyConsole.view')}: ${e.subject}`}>{e.subject}</Link></td>
							<td className="outbox-status"><span className={`email-status email-status-${e.status}`}>{t(`notifyConsole.status.${e.status}`)}</span></td>
							<td className="outbox-attempts" data-label={t('notifyConsole.col.attempts')}>{e.attempts}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
