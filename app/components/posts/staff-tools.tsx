import { Form } from '@remix-run/react'
import type { PostView } from '#app/domain/posts/views.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Result = { ok: boolean; intent: string; message?: MessageKey; fieldErrors?: Partial<Record<string, MessageKey>> } | undefined

/** What the shop's staff can do on a post: feature it, reply, decide on it, warn or stop its author. */
export function StaffTools({ post, result }: { post: PostView & { holdReason: string | null }; result: Result }) {
	const t = useT()
	const replyError = result?.intent === 'reply' ? result.fieldErrors?.body : undefined
	return (
		<section className="card staff-tools" aria-labelledby="staff-title">
			<h2 id="staff-title">{t('console.staffTools')}</h2>
			{result?.ok && result.message ? <p className="form-success" role="status">{t(result.message)}</p> : null}
			{post.holdReason ? (
				<p className="muted">{post.holdReason.split(',').map((r) => t(`console.reason.${r}` as MessageKey)).join(' · ')}</p>
			) : null}
			<Form method="post" className="button-row" preventScrollReset>
				{post.status === 'published' ? (
					<button type="submit" name="intent" value={post.featured ? 'unfeature' : 'feature'} className="button button-primary">
						{t(post.featured ? 'console.unfeature' : 'console.feature')}
					</button>
				) : null}
				{post.status !== 'published' ? <button type="submit" name="intent" value="approve" className="button button-primary">{t('console.publish')}</button> : null}
				{post.status !== 'hidden' ? <button type="submit" name="intent" value="hide" className="button button-quiet">{t('console.hide')}</button> : null}
				<button type="submit" name="intent" value="delete-staff" className="button button-quiet link-danger">{t('console.remove')}</button>
				{post.mine ? null : (
					<>
						<button type="submit" name="intent" value="warn" className="button button-quiet">{t('console.warn')}</button>
						<button type="submit" name="intent" value="ban" className="button button-quiet">{t('console.ban')}</button>
					</>
				)}
			</Form>
			{post.status === 'published' ? (
				<Form method="post" className="stack" preventScrollReset>
					<div className="field">
						<label htmlFor="reply-body">{t('console.replyLabel')}</label>
						<textarea id="reply-body" name="body" rows={3} maxLength={2000} defaultValue={post.reply?.body} aria-invalid={replyError ? true : undefined} />
						{replyError ? <p className="field-error" role="alert">{t(replyError)}</p> : null}
					</div>
					<button type="submit" name="intent" value="reply" className="button button-quiet">{t('console.replySave')}</button>
				</Form>
			) : null}
		</section>
	)
}
