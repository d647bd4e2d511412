import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRevalidator, useRouteLoaderData } from '@remix-run/react'
import { useCallback, useState, type ReactNode } from 'react'
import { AppShell } from '#app/components/app-shell.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useNonce } from '#app/components/nonce.tsx'
import { Toast } from '#app/components/ui/toast.tsx'
import { countUnread } from '#app/domain/notifications/notifications.server.ts'
import { DEFAULT_LOCALE, translator, type Locale } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type {} from '#app/lib/context.ts'
import { useMemberStream } from '#app/realtime/use-socket.ts'
import appCss from '#app/styles/app.css?url'
import groupsCommissionCss from '#app/styles/groups-commission.css?url'
import groupsDealsCss from '#app/styles/groups-deals.css?url'
import liveCss from '#app/styles/live.css?url'
import livePlayerCss from '#app/styles/live-player.css?url'
import liveRoomCss from '#app/styles/live-room.css?url'
import groupsCss from '#app/styles/groups.css?url'
import postsCss from '#app/styles/posts.css?url'
import votingCss from '#app/styles/voting.css?url'
import ordersCss from '#app/styles/orders.css?url'
import membershipCss from '#app/styles/membership.css?url'
import segmentsCss from '#app/styles/segments.css?url'
import notifyCss from '#app/styles/notify.css?url'
import memberDaysCss from '#app/styles/member-days.css?url'
import analyticsCss from '#app/styles/analytics.css?url'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: appCss },
	{ rel: 'stylesheet', href: postsCss },
	{ rel: 'stylesheet', href: votingCss },
	{ rel: 'stylesheet', href: ordersCss },
	{ rel: 'stylesheet', href: membershipCss },
	{ rel: 'stylesheet', href: segmentsCss },
	{ rel: 'stylesheet', href: notifyCss },
	{ rel: 'stylesheet', href: memberDaysCss },
	{ rel: 'stylesheet', href: analyticsCss },
	{ rel: 'stylesheet', href: liveCss },
	{ rel: 'stylesheet', href: livePlayerCss },
	{ rel: 'stylesheet', href: liveRoomCss },
	{ rel: 'stylesheet', href: groupsCss },
	{ rel: 'stylesheet', href: groupsCommissionCss },
	{ rel: 'stylesheet', href: groupsDealsCss },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
	{ rel: 'manifest', href: '/site.webmanifest' },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => {
	const t = translator(data?.locale ?? DEFAULT_LOCALE)
	return [{ title: `${t('brand.name')} · ${t('brand.tagline')}` }, { name: 'description', content: t('home.heroText') }]
}

export async function loader({ context }: LoaderFunctionArgs) {
	const user = context.user
	return {
		locale: context.locale,
		user: user ? { id: user.id, displayName: user.displayName, role: user.role } : null,
		unread: user ? await countUnread(user.id) : 0,
	}
}

export type RootData = Awaited<ReturnType<typeof loader>>

export function Layout({ children }: { children: ReactNode }) {
	const data = useRouteLoaderData<RootData>('root')
	const locale: Locale = data?.locale ?? DEFAULT_LOCALE
	const nonce = useNonce()
	return (
		<html lang={locale}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
				<meta name="theme-color" content="#c2410c" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	const { user, unread } = useLoaderData<typeof loader>()
	const t = useT()
	const [liveUnread, setLiveUnread] = useState<{ base: number; count: number } | null>(null)
	const [toast, setToast] = useState<string | null>(null)
	const revalidator = useRevalidator()
	// Stable, so the toast's timer is not restarted by every render.
	const dismissToast = useCallback(() => setToast(null), [])
	const live = useMemberStream(user?.id ?? null, {
		onNotification: (n) => {
			setLiveUnread({ base: unread, count: n.unread })
			setToast(t(`notification.${n.kind}` as Parameters<typeof t>[0], n.params))
		},
		onSessionEnded: () => revalidator.revalidate(),
	})
	// A push newer than the last page load wins; a fresh page load resets it.
	const shownUnread = liveUnread && liveUnread.base === unread ? liveUnread.count : unread
	return (
		<AppShell user={user} unread={shownUnread} live={live}>
			<Outlet />
			<Toast message={toast} onDismiss={dismissToast} />
		</AppShell>
	)
}

export function ErrorBoundary() {
	const data = useRouteLoaderData<RootData>('root')
	return (
		<AppShell user={data?.user ?? null} unread={data?.unread ?? 0}>
			<GeneralErrorBoundary />
		</AppShell>
	)
}
