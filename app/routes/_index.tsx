import { Link, useRouteLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { Icon, type IconName } from '#app/components/icons.tsx'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { RootData } from '#app/root.tsx'

const HOW: { icon: IconName; text: MessageKey }[] = [
	{ icon: 'feed', text: 'home.howPost' },
	{ icon: 'vote', text: 'home.howVote' },
	{ icon: 'live', text: 'home.howLive' },
	{ icon: 'groups', text: 'home.howPoints' },
]

export default function FeedPage() {
	const t = useT()
	const user = useRouteLoaderData<RootData>('root')?.user
	return (
		<>
			{user ? (
				<section className="welcome" aria-labelledby="page-title">
					<h1 id="page-title">{t('home.welcome', { name: user.displayName })}</h1>
					<p className="muted">{t('home.welcomeText')}</p>
				</section>
			) : (
				<section className="hero" aria-labelledby="page-title">
					<h1 id="page-title">{t('home.heroTitle')}</h1>
					<p>{t('home.heroText')}</p>
					<div className="hero-actions">
						<Link to="/signup" className="button button-primary">{t('home.heroJoin')}</Link>
						<Link to="/login" className="button button-light">{t('home.heroLogin')}</Link>
					</div>
				</section>
			)}
			{user ? null : (
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
			)}
			<section aria-labelledby="feed-title">
				<h2 id="feed-title">{t('home.feedTitle')}</h2>
				<EmptyState icon="feed">{t('home.feedEmpty')}</EmptyState>
			</section>
		</>
	)
}
