import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from '@remix-run/react'
import { useEffect } from 'react'
import { MediaGallery } from '#app/components/posts/media-gallery.tsx'
import { LikeButton, PostByline } from '#app/components/posts/post-card.tsx'
import { PostReply } from '#app/components/posts/post-list.tsx'
import { ReportForm } from '#app/components/posts/report-form.tsx'
import { StaffTools } from '#app/components/posts/staff-tools.tsx'
import { Stars } from '#app/components/posts/stars.tsx'
import { FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { handlePostAction } from '#app/domain/posts/post-actions.server.ts'
import { listComments } from '#app/domain/posts/engagement.server.ts'
import { getPost, isStaff } from '#app/domain/posts/queries.server.ts'
import { MAX_COMMENT } from '#app/domain/posts/schemas.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { isMessageKey } from '#app/lib/i18n/index.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.post.title ?? d.post.author.displayName} · Quanzi` : 'Quanzi' }]

export async function loader({ params, context }: LoaderFunctionArgs) {
	const post = await getPost(params.id!, context.user)
	invariantResponse(post, 'post.notFound', { status: 404 })
	const comments = await listComments(post.id, context.user)
	return { post, comments: comments.items, staff: isStaff(context.user), signedIn: Boolean(context.user) }
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const formData = await args.request.formData()
	const result = await handlePostAction(user, args.params.id!, formData)
	if ('redirect' in result) return redirect(result.redirect)
	return data(result, { status: result.ok ? 200 : result.status })
}

export default function PostPage() {
	const t = useT()
	const { post, comments, staff, signedIn } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const [params] = useSearchParams()
	const date = useDateFormat({ dateStyle: 'medium' }).format(new Date(post.createdAt))
	const failure = result && !result.ok ? result : undefined
	const video = post.media.find((m) => m.kind === 'video')
	useRefreshWhile(video?.status === 'processing')
	return (
		<article className="post-page" aria-labelledby="page-title">
			{params.get('posted') ? <p className="form-success" role="status">{t('compose.posted')}</p> : null}
			{params.get('held') ? <p className="form-success" role="status">{t('compose.held')}</p> : null}
			{post.status !== 'published' ? <p className="post-status">{t(post.status === 'held' ? 'post.pending' : 'post.hidden')}</p> : null}
			<div className="card">
				<PostByline post={post} date={date} />
				<h1 id="page-title" className="post-title">{post.title ?? (post.product ? t('post.about', { product: post.product.name }) : t(`post.kind.${post.kind}`))}</h1>
				{post.rating ? <Stars rating={post.rating} size="lg" /> : null}
				<p className="post-body post-body-full">{post.body}</p>
				{video?.status === 'processing' ? <p className="notice">{t('post.videoProcessing')}</p> : null}
				{video?.status === 'failed' ? <p className="form-alert">{t('post.videoFailed', { reason: video.failureReason && isMessageKey(video.failureReason) ? t(video.failureReason) : '' })}</p> : null}
				<MediaGallery media={post.media} label={post.title ?? post.author.displayName} />
				<PostReply reply={post.reply} />
				<div className="post-actions">
					<LikeButton post={post} signedIn={signedIn} />
					{post.mine ? <AuthorTools postId={post.id} canEdit={post.status !== 'hidden'} /> : null}
					{signedIn && !post.mine && post.status === 'published' ? <ReportForm targetType="post" targetId={post.id} result={result} /> : null}
				</div>
			</div>
			{staff ? <StaffTools post={post} result={result} /> : null}
			<Comments postId={post.id} comments={comments} signedIn={signedIn} staff={staff} open={post.status === 'published'} failure={failure?.intent === 'comment' ? failure : undefined} result={result} />
		</article>
	)
}

/** While a video is being processed, look again every few seconds, so it appears when ready. */
function useRefreshWhile(waiting: boolean) {
	const revalidator = useRevalidator()
	useEffect(() => {
		if (!waiting) return
		const timer = setInterval(() => revalidator.state === 'idle' && revalidator.revalidate(), 4000)
		return () => clearInterval(timer)
	}, [waiting, revalidator])
}

function AuthorTools({ postId, canEdit }: { postId: string; canEdit: boolean }) {
	const t = useT()
	return (
		<>
			{canEdit ? <Link to={`/posts/${postId}/edit`} className="post-action">{t('post.edit')}</Link> : null}
			<Form method="post" onSubmit={(e) => { if (!confirm(t('post.deleteConfirm'))) e.preventDefault() }}>
				<button type="submit" name="intent" value="delete" className="post-action link-danger">{t('post.delete')}</button>
			</Form>
		</>
	)
}

type CommentList = ReturnType<typeof useLoaderData<typeof loader>>['comments']

function Comments({ postId, comments, signedIn, staff, open, failure, result }: { postId: string; comments: CommentList; signedIn: boolean; staff: boolean; open: boolean; failure?: Parameters<typeof useFormFailure>[0]; result: Parameters<typeof ReportForm>[0]['result'] }) {
	const t = useT()
	const busy = useNavigation().formData?.get('intent') === 'comment'
	const { fieldError, formError, value } = useFormFailure(failure)
	return (
		<section id="comments" className="card comments" aria-labelledby="comments-title">
			<h2 id="comments-title">{t('comment.title')}</h2>
			{comments.length === 0 ? <p className="muted">{t('comment.empty')}</p> : null}
			<ul className="comment-list">
				{comments.map((c) => (
					<li key={c.id} id={`c-${c.id}`} className="comment">
						<Link to={`/members/${c.author.id}`} className="post-author">{c.author.displayName}</Link>
						{c.status === 'held' ? <span className="tag">{t('comment.pending')}</span> : null}
						<p>{c.body}</p>
						{c.mine ? (
							<Form method="post">
								<input type="hidden" name="commentId" value={c.id} />
								<button type="submit" name="intent" value="deleteComment" className="post-action link-danger">{t('post.delete')}</button>
							</Form>
						) : signedIn && c.status === 'published' ? (
							<ReportForm targetType="comment" targetId={c.id} result={result} />
						) : null}
						{staff ? (
							<Form method="post" preventScrollReset>
								<input type="hidden" name="commentId" value={c.id} />
								<input type="hidden" name="decision" value={c.status === 'held' ? 'approve' : 'hide'} />
								<button type="submit" name="intent" value="decideComment" className="post-action">{t(c.status === 'held' ? 'console.publish' : 'console.hide')}</button>
							</Form>
						) : null}
					</li>
				))}
			</ul>
			{signedIn && open ? (
				<Form method="post" className="stack comment-form" key={busy ? 'sending' : postId} preventScrollReset>
					<FormAlert message={formError} />
					<div className="field">
						<label htmlFor="comment-body">{t('comment.field')}</label>
						<textarea id="comment-body" name="body" rows={2} maxLength={MAX_COMMENT} defaultValue={value('body')} aria-invalid={fieldError('body') ? true : undefined} />
						{fieldError('body') ? <p className="field-error" role="alert">{fieldError('body')}</p> : null}
					</div>
					<button type="submit" name="intent" value="comment" className="button button-primary" disabled={busy}>{t('comment.submit')}</button>
				</Form>
			) : !signedIn ? (
				<p><Link to={`/login?redirectTo=/posts/${postId}`}>{t('comment.signIn')}</Link></p>
			) : null}
		</section>
	)
}
