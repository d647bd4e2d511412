import { Link, useRouteLoaderData } from '@remix-run/react'
import type { PostView } from '#app/domain/posts/views.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { RootData } from '#app/root.tsx'
import { EmptyState } from '../empty-state.tsx'
import type { IconName } from '../icons.tsx'
import { PostCard } from './post-card.tsx'

/** A page of posts, what to say when there are none, and the link to the next page. */
export function PostList({ items, empty, emptyIcon = 'feed', nextHref }: { items: PostView[]; empty: string; emptyIcon?: IconName; nextHref: string | null }) {
	const t = useT()
	const signedIn = Boolean(useRouteLoaderData<RootData>('root')?.user)
	return (
		<>
			{items.length === 0 ? (
				<EmptyState icon={emptyIcon}>{empty}</EmptyState>
			) : (
				<div className="post-list">
					{items.map((post) => (
						<PostCard key={post.id} post={post} signedIn={signedIn} />
					))}
				</div>
			)}
			{nextHref ? (
				<p className="more">
					<Link to={nextHref} className="button button-quiet">{t('feed.more')}</Link>
				</p>
			) : null}
		</>
	)
}

/** The shop's public reply under a post. */
export function PostReply({ reply }: { reply: { body: string } | null }) {
	const t = useT()
	if (!reply) return null
	return (
		<div className="post-reply">
			<strong>{t('post.reply')}</strong>
			<p>{reply.body}</p>
		</div>
	)
}
