import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useRouteLoaderData, useSearchParams } from '@remix-run/react'
import { Icon, type IconName } from '#app/components/icons.tsx'
import { PostList } from '#app/components/posts/post-list.tsx'
import { listFeed } from '#app/domain/posts/queries.server.ts'
import { FEED_TABS, type FeedTab } from '#app/domain/posts/views.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { RootData } from '#app/root.tsx'

const HOW: { icon: IconName; text: MessageKey }[] = [
	{ icon: 'feed', text: 'home.howPost' },
	{ icon: 'vote', text: 'home.howVote' },
	{ icon: 'live', text: 'home.howLive' },
	{ icon: 'groups', text: 'home.howPoints' },
]

const EMPTY: Record<FeedTab, MessageKey> = { newest: 'home.feedEmpty', featured: 'feed.emptyFeatured', media: 'feed.emptyMedia', following: 'feed.emptyFollowing' }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const asked = url.searchParams.get('tab')
	const tab: FeedTab = FEED_TABS.find((t) => t === asked) ?? 'newest'
	const feed = await listFeed(tab, context.user, { cursor: url.searchParams.get('cursor') })
	return { tab, ...feed }
}

export default function FeedPage() {
	const t = useT()
	const { tab, items, nextCursor } = useLoaderData<typeof loader>()
	const user = useRouteLoaderData<RootData>('root')?.user
	const [params] = useSearchParams()
	const firstPage = !params.get('cursor')
	return (
		<>
			{firstPage ? <Intro signedIn={Boolean(user)} name={user?.displayName} /> : null}
			<section aria-labelledby="feed-title">
				<div className="page-head">
					<h2 id="feed-title">{t('home.feedTitle')}</h2>
					<div className="console-links">
						<Link to="/products" className="button button-quiet">{t('nav.products')}</Link>
						<Link to="/posts/new" className="button button-primary">
							<Icon name="pen" width={18} height={18} /> {t('feed.write')}
						</Link>
					</div>
				</div>
				<nav className="tabs" aria-label={t('feed.tabs')}>
					{FEED_TABS.map((name) => (
						<Link key={name} to={name === 'newest' ? '/' : `/?tab=${name}`} aria-current={name === tab ? 'page' : undefined} className="tab" preventScrollReset>
							{t(`feed.tab.${name}`)}
						</Link>
					))}
				</nav>
				<PostList
					items={items}
					empty={tab === 'following' && !user ? t('feed.signInFollowing') : t(EMPTY[tab])}
					nextHref={nextCursor ? `?${new URLSearchParams({ ...(tab === 'newest' ? {} : { tab }), cursor: nextCursor })}` : null}
				/>
			</section>
		</>
	)
}

function Intro({ signedIn, name }: { signedIn: boolean; name?: string }) {
	const t = useT()
	if (signedIn) {
		return (
			<section className="welcome" aria-labelledby="page-title">
				<h1 id="page-title">{t('home.welcome', { name: name ?? '' })}</h1>
				<p className="muted">{t('home.welcomeText')}</p>
			</section>
		)
	}
	return (
		<>
			<section className="hero" aria-labelledby="page-title">
				<h1 id="page-title">{t('home.heroTitle')}</h1>
				<p>{t('home.heroText')}</p>
				<div className="hero-actions">
					<Link to="/signup" className="button button-primary">{t('home.heroJoin')}</Link>
					<Link to="/login" className="button button-light">{t('home.heroLogin')}</Link>
				</div>
			</section>
			<section aria-labelledby="how-title" className="how">
				<h2 id="how-title">{t('home.howTitle')}</h2>
				<ul className="how-grid">
					{HOW.map((h) => (
						<li key={h.text}>
							<Icon name={h.icon} />
							<span>{t(h.text)}</span>
						</li>
					))}
				</ul>
			</section>
		</>
	)
}
