import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { MediaImage } from '#app/components/posts/media-gallery.tsx'
import { Stars } from '#app/components/posts/stars.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { handleModerationAction } from '#app/domain/moderation/console-actions.server.ts'
import { listQueue, type QueueEntry } from '#app/domain/moderation/queue.server.ts'
import { WATCH_ACTIONS } from '#app/domain/moderation/constants.ts'
import { listWatchWords } from '#app/domain/moderation/watch-words.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.moderationTitle')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const cursor = new URL(args.request.url).searchParams.get('cursor')
	const [queue, words] = await Promise.all([listQueue({ cursor }), listWatchWords()])
	return { ...queue, words }
}

export async function action(args: ActionFunctionArgs) {
	const staff = requireRole(args, 'merchant')
	const result = await handleModerationAction(staff.id, await args.request.formData())
	return data(result, { status: result.ok ? 200 : 400 })
}

export default function ModerationPage() {
	const t = useT()
	const { items, nextCursor, words } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	return (
		<>
			<section aria-labelledby="page-title">
				<div className="page-head">
					<h1 id="page-title">{t('console.moderationTitle')}</h1>
					<Link to="/console/audit" className="button button-quiet">{t('console.auditTitle')}</Link>
				</div>
				<p className="muted">{t('console.moderationIntro')}</p>
				{result ? result.ok ? <p className="form-success" role="status">{t(result.message, result.params)}</p> : <p className="form-alert" role="alert">{t(result.error)}</p> : null}
				{items.length === 0 ? (
					<EmptyState icon="shield">{t('console.queueEmpty')}</EmptyState>
				) : (
					<Form method="post" className="stack">
						<div className="button-row sticky-actions">
							<strong>{t('console.queueCount', { count: items.length })}</strong>
							<button type="submit" name="intent" value="bulk:approve" className="button button-primary">{t('console.publish')}</button>
							<button type="submit" name="intent" value="bulk:hide" className="button button-quiet">{t('console.hide')}</button>
							<button type="submit" name="intent" value="bulk:delete" className="button button-quiet link-danger">{t('console.remove')}</button>
						</div>
						<ul className="card-list">
							{items.map((item) => <QueueItem key={item.id} item={item} />)}
						</ul>
					</Form>
				)}
				{nextCursor ? <p className="more"><Link to={`?cursor=${nextCursor}`} className="button button-quiet">{t('feed.more')}</Link></p> : null}
			</section>
			<WatchList words={words} />
		</>
	)
}

function QueueItem({ item }: { item: QueueEntry }) {
	const t = useT()
	const when = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(item.openedAt))
	const target = item.target
	return (
		<li className="card queue-item">
			<label className="check">
				<input type="checkbox" name="itemId" value={item.id} aria-label={`${t('console.select')}: ${target?.title ?? target?.body.slice(0, 40) ?? item.targetId}`} />
				<span className="tag">{t(item.targetType === 'post' ? 'member.posts' : 'comment.title')}</span>
				<span className="muted">{when}</span>
			</label>
			<p className="queue-reasons">
				{item.reasons.map((r) => (
					<span key={r} className="tag tag-warn">{r.startsWith('report:') ? `${t('console.reason.report')}: ${t(`report.reason.${r.slice(7)}` as MessageKey)}` : t(`console.reason.${r}` as MessageKey)}</span>
				))}
				{item.reportCount ? <span className="muted">{t('console.reports', { count: item.reportCount })}</span> : null}
			</p>
			{target ? (
				<>
					<p className="post-byline">
						<Link to={`/members/${target.author.id}`} className="post-author">{target.author.displayName}</Link>
						{target.author.bannedAt ? <span className="tag">{t('member.banned')}</span> : null}
						{target.rating ? <Stars rating={target.rating} size="sm" /> : null}
					</p>
					{target.title ? <strong>{target.title}</strong> : null}
					<p className="post-body">{target.body.length > 400 ? `${target.body.slice(0, 400)}…` : target.body}</p>
					{target.mediaIds.length ? (
						<div className="media-strip media-strip-4">
							{target.mediaIds.map((id) => (
								<div key={id} className="media-thumb"><MediaImage media={{ id, kind: 'image', status: 'ready', width: null, height: null, placeholder: null, format: 'webp' }} alt="" sizes="120px" /></div>
							))}
						</div>
					) : null}
					{item.reports.filter((r) => r.note).map((r, i) => <p key={i} className="muted">“{r.note}”</p>)}
					<div className="button-row">
						<Link to={`/posts/${target.postId}`} className="button button-quiet">{t('console.openPost')}</Link>
						<button type="submit" name="intent" value={`item:${item.id}:approve`} className="button button-quiet">{t('console.publish')}</button>
						<button type="submit" name="intent" value={`item:${item.id}:hide`} className="button button-quiet">{t('console.hide')}</button>
						<button type="submit" name="intent" value={`item:${item.id}:delete`} className="button button-quiet link-danger">{t('console.remove')}</button>
						<button type="submit" name="intent" value={`warn:${item.id}`} className="button button-quiet">{t('console.warn')}</button>
						<button type="submit" name="intent" value={`${target.author.bannedAt ? 'unban' : 'ban'}:${item.id}`} className="button button-quiet">{t(target.author.bannedAt ? 'console.unban' : 'console.ban')}</button>
					</div>
				</>
			) : (
				<p className="muted">{t('console.targetGone')}</p>
			)}
		</li>
	)
}

function WatchList({ words }: { words: { id: string; phrase: string; action: string }[] }) {
	const t = useT()
	return (
		<section className="card" aria-labelledby="watch-title">
			<h2 id="watch-title">{t('console.watchTitle')}</h2>
			<p className="muted">{t('console.watchIntro')}</p>
			<Form method="post" className="rule-form">
				<label className="visually-hidden" htmlFor="watch-phrase">{t('console.watchPhrase')}</label>
				<input id="watch-phrase" name="phrase" required maxLength={80} placeholder={t('console.watchPhrase')} />
				<label className="visually-hidden" htmlFor="watch-action">{t('console.watchAction')}</label>
				<select id="watch-action" name="action" defaultValue="hold">
					{WATCH_ACTIONS.map((a) => <option key={a} value={a}>{t(`console.watch.${a}`)}</option>)}
				</select>
				<button type="submit" name="intent" value="word:add" className="button button-primary">{t('console.watchAdd')}</button>
			</Form>
			{words.length === 0 ? <p className="muted">{t('console.watchEmpty')}</p> : (
				<ul className="word-list">
					{words.map((w) => (
						<li key={w.id}>
							<span className={`tag${w.action === 'block' ? ' tag-warn' : ''}`}>{t(`console.watch.${w.action as 'block'}`)}</span>
							<span>{w.phrase}</span>
							<Form method="post">
								<input type="hidden" name="wordId" value={w.id} />
								<button type="submit" name="intent" value="word:remove" className="post-action">{t('console.watchRemove')}</button>
							</Form>
						</li>
					))}
				</ul>
			)}
		</section>
	)
}
