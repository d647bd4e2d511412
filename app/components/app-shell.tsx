import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { LOCALE_NAMES, LOCALES } from '#app/lib/i18n/index.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'
import { Icon, type IconName } from './icons.tsx'

type ShellUser = { id: string; displayName: string; role: string } | null

const SECTIONS: { to: string; label: 'nav.feed' | 'nav.vote' | 'nav.live' | 'nav.groups' | 'nav.me'; icon: IconName }[] = [
	{ to: '/', label: 'nav.feed', icon: 'feed' },
	{ to: '/vote', label: 'nav.vote', icon: 'vote' },
	{ to: '/live', label: 'nav.live', icon: 'live' },
	{ to: '/groups', label: 'nav.groups', icon: 'groups' },
	{ to: '/me', label: 'nav.me', icon: 'me' },
]

/** The one layout: header, the sections (a tab bar on phones), and the page. */
export function AppShell({ user, unread, live = false, children }: { user: ShellUser; unread: number; live?: boolean; children: ReactNode }) {
	const t = useT()
	const sections = user && hasRole(user.role, 'merchant')
		? [...SECTIONS, { to: '/console', label: 'nav.console' as const, icon: 'console' as const }]
		: SECTIONS
	return (
		// data-live tells (tests and styles) whether the live connection is up.
		<div className="shell" data-live={live ? 'on' : 'off'}>
			<a className="skip-link" href="#main">{t('nav.skip')}</a>
			<header className="topbar">
				<Link to="/" className="brand" aria-label={t('brand.name')}>
					<span className="brand-mark" aria-hidden="true">圈</span>
					<span className="brand-name">{t('brand.name')}</span>
				</Link>
				<nav aria-label={t('nav.main')} className="sections">
					<ul>
						{sections.map((s) => (
							<li key={s.to}>
								<NavLink to={s.to} end={s.to === '/'} prefetch="intent">
									<Icon name={s.icon} />
									<span>{t(s.label)}</span>
								</NavLink>
							</li>
						))}
					</ul>
				</nav>
				<div className="topbar-actions">
					<LanguageSwitch />
					{user ? (
						<Link to="/me/notifications" className="bell" aria-label={unread > 0 ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications')}>
							<Icon name="bell" />
							{unread > 0 ? <span className="badge" data-testid="unread-count">{unread > 99 ? '99+' : unread}</span> : null}
						</Link>
					) : (
						<>
							<Link to="/login" className="button button-quiet">{t('nav.login')}</Link>
							<Link to="/signup" className="button button-primary">{t('nav.signup')}</Link>
						</>
					)}
				</div>
			</header>
			<main id="main" className="page" tabIndex={-1}>
				{children}
			</main>
		</div>
	)
}

/** One button to the other language; works without JavaScript. */
function LanguageSwitch() {
	const locale = useLocale()
	const t = useT()
	const location = useLocation()
	const other = LOCALES.find((l) => l !== locale) ?? locale
	return (
		<Form method="post" action="/locale" className="language" aria-label={t('nav.language')}>
			<input type="hidden" name="locale" value={other} />
			<input type="hidden" name="redirectTo" value={location.pathname + location.search} />
			<button type="submit" className="button button-quiet" lang={other}>
				<Icon name="globe" />
				<span>{LOCALE_NAMES[other]}</span>
			</button>
		</Form>
	)
}
