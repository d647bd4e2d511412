import { Link, useFetcher } from '@remix-run/react'
import type { PostView } from '#app/domain/posts/views.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { Icon } from '../icons.tsx'
import { MediaStrip } from './media-gallery.tsx'
import { PostReply } from './post-list.tsx'
import { Stars } from './stars.tsx'

const EXCERPT = 280

/** A post in a list: who, what about, the stars, the words (shortened), the thumbnails. */
export function PostCard({ post, signedIn }: { post: PostView; signedIn: boolean }) {
	const t = useT()
	const date = useDateFormat({ dateStyle: 'medium' }).format(new Date(post.createdAt))
	const long = post.body.length > EXCERPT
	return (
		<article className="card post-card" aria-labelledby={`post-${post.id}`}>
			<PostByline post={post} date={date} />
			{post.status !== 'published' ? <p className="post-status">{t(post.status === 'held' ? 'post.pending' : 'post.hidden')}</p> : null}
			<h3 id={`post-${post.id}`} className="post-title">
				<Link to={`/posts/${post.id}`}>{post.title ?? (post.product ? t('post.about', { product: post.product.name }) : t(`post.kind.${post.kind}`))}</Link>
			</h3>
			{post.rating ? <Stars rating={post.rating} /> : null}
			<p className="post-body">
				{long ? `${post.body.slice(0, EXCERPT).trimEnd()}…` : post.body}
				{long ? (
					<>
						{' '}
						<Link to={`/posts/${post.id}`} className="read-more">{t('post.readMore')}</Link>
					</>
				) : null}
			</p>
			<MediaStrip media={post.media} label={post.title ?? post.author.displayName} />
			<PostReply reply={post.reply} />
			<div className="post-actions">
				<LikeButton post={post} signedIn={signedIn} />
				<Link to={`/posts/${post.id}#comments`} className="post-action">
					<Icon name="comment" width={18} height={18} />
					{post.commentCount === 1 ? t('post.commentOne') : t('post.comments', { count: post.commentCount })}
				</Link>
			</div>
		</article>
	)
}

export function PostByline({ post, date }: { post: PostView; date: string }) {
	const t = useT()
	return (
		<p className="post-byline">
			<Link to={`/members/${post.author.id}`} className="post-author">{post.author.displayName}</Link>
			{post.verified ? <span className="tag tag-ok"><Icon name="check" width={14} height={14} />{t('post.verified')}</span> : null}
			{post.featured ? <span className="tag tag-brand"><Icon name="star" width={14} height={14} />{t('post.featured')}</span> : null}
			{post.audience ? <span className="tag audience-tag">{t('audience.for', { name: post.audience })}</span> : null}
			<span className="muted">
				{t(`post.kind.${post.kind}`)} · {date}
				{post.editedAt ? ` · ${t('post.edited')}` : ''}
			</span>
			{post.product ? (
				<Link to={`/products/${post.product.id}`} className="post-product">
					{post.product.name}
				</Link>
			) : null}
		</p>
	)
}

/** "Helpful": answered at once on screen, confirmed by the server (the count comes back). */
export function LikeButton({ post, signedIn }: { post: PostView; signedIn: boolean }) {
	const t = useT()
	const fetcher = useFetcher<{ likeCount?: number; liked?: boolean }>()
	const pending = fetcher.formData?.get('intent')
	const serverLiked = fetcher.data?.liked ?? post.liked
	const serverCount = fetcher.data?.likeCount ?? post.likeCount
	const liked = pending ? pending === 'like' : serverLiked
	const count = serverCount + (liked === serverLiked ? 0 : liked ? 1 : -1)
	if (!signedIn || post.mine || post.status !== 'published') {
		return (
			<span className="post-action muted">
				<Icon name="heart" width={18} height={18} />
				{t('post.likes', { count: post.likeCount })}
			</span>
		)
	}
	return (
		<fetcher.Form method="post" action={`/posts/${post.id}`} className="like-form">
			<input type="hidden" name="intent" value={liked ? 'unlike' : 'like'} />
			<button type="submit" className={`post-action like-button${liked ? ' liked' : ''}`} aria-pressed={liked}>
				<Icon name="heart" width={18} height={18} />
				{liked ? t('post.helpfulDone') : t('post.helpful')}
				<span className="like-count" aria-label={t('post.likes', { count })}>{count}</span>
			</button>
		</fetcher.Form>
	)
}
