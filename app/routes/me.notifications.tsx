import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { listNotifications, markAllRead } from '#app/domain/notifications/notifications.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.title')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const cursor = new URL(args.request.url).searchParams.get('cursor')
	return listNotifications(user.id, { cursor })
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	await markAllRead(user.id)
	return redirect('/me/notifications')
}

export default function NotificationsPage() {
	const { items, nextCursor } = useLoaderData<typeof loader>()
	const t = useT()
	const format = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium', timeStyle: 'short' })
	const anyUnread = items.some((n) => !n.read)
	return (
		<section aria-labelledby="page-title">
			<div className="page-head">
				<h1 id="page-title">{t('notifications.title')}</h1>
				<div className="notify-head-actions">
					{anyUnread ? (
						<Form method="post">
							<button type="submit" className="button button-quiet">{t('notifications.markAllRead')}</button>
						</Form>
					) : null}
					<Link to="/me/notification-settings" className="button button-quiet">{t('notifySettings.meLink')}</Link>
				</div>
			</div>
			{items.length === 0 ? (
				<EmptyState icon="bell">{t('notifications.empty')}</EmptyState>
			) : (
				<ul className="notification-list">
					{items.map((n) => {
						const text = t(`notification.${n.kind}` as MessageKey, n.params)
						return (
							<li key={n.id} className={n.read ? 'read' : 'unread'}>
								{n.read ? null : <span className="pill">{t('notifications.new')}</span>}
								{n.link ? <Link to={n.link}>{text}</Link> : <span>{text}</span>}
								<time dateTime={n.createdAt}>{format.format(new Date(n.createdAt))}</time>
							</li>
						)
					})}
				</ul>
			)}
			{nextCursor ? (
				<Link className="button button-quiet" to={`?cursor=${encodeURIComponent(nextCursor)}`}>{t('notifications.more')}</Link>
			) : null}
		</section>
	)
}
