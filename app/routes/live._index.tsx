import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { EmptyState } from '#app/components/empty-state.tsx'
import { Icon } from '#app/components/icons.tsx'
import { RoomCard } from '#app/components/live/room-card.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { canScheduleRooms } from '#app/domain/live/room-hosts.server.ts'
import { ROOM_TABS, type RoomTab } from '#app/domain/live/room-schema.ts'
import { listRooms, setSubscription } from '#app/domain/live/rooms.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { RootData } from '#app/root.tsx'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'live.title')

export async function loader({ request, context }: LoaderFunctionArgs) {
	const url = new URL(request.url)
	const asked = ROOM_TABS.find((t) => t === url.searchParams.get('tab'))
	const cursor = url.searchParams.get('cursor')
	const [page, canSchedule] = await Promise.all([listRooms(context.user, { tab: asked ?? 'live', cursor }), canScheduleRooms(context.user)])
	// With no tab asked for, open on Live now when someone is live, else on Upcoming.
	if (!asked && page.items.length === 0) return { tab: 'upcoming' as RoomTab, explicit: false, canSchedule, ...(await listRooms(context.user, { tab: 'upcoming', cursor })) }
	return { tab: asked ?? ('live' as RoomTab), explicit: Boolean(asked), canSchedule, ...page }
}

const SubscribeSchema = z.object({ roomId: z.string().min(1).max(64), intent: z.enum(['subscribe', 'unsubscribe']) })

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const parsed = SubscribeSchema.safeParse(Object.fromEntries(await args.request.formData()))
	if (!parsed.success) return data({ ok: false as const, error: 'page.badRequestTitle' as const }, { status: 400 })
	const result = await setSubscription(parsed.data.roomId, user.id, parsed.data.intent === 'subscribe')
	if (!result.ok) return data({ ok: false as const, error: result.error }, { status: result.status })
	return { ok: true as const, roomId: parsed.data.roomId, subscribed: result.subscribed, subscribers: result.subscribers }
}

const EMPTY = { live: 'liveList.empty.live', upcoming: 'liveList.empty.upcoming', past: 'liveList.empty.past' } as const

export default function LiveRoomsPage() {
	const t = useT()
	const { tab, explicit, canSchedule, items, nextCursor } = useLoaderData<typeof loader>()
	const signedIn = Boolean(useRouteLoaderData<RootData>('root')?.user)
	const here = explicit || tab !== 'live' ? `/live?tab=${tab}` : '/live'
	return (
		<section aria-labelledby="page-title">
			<div className="page-head">
				<h1 id="page-title">{t('live.title')}</h1>
				{canSchedule ? (
					<Link to="/console/live" className="button button-primary">
						<Icon name="live" width={18} height={18} /> {t('liveList.schedule')}
					</Link>
				) : null}
			</div>
			<p className="muted">{t('liveList.intro')}</p>
			<nav className="tabs" aria-label={t('liveList.tabs')}>
				{ROOM_TABS.map((name) => (
					<Link key={name} to={`/live?tab=${name}`} aria-current={name === tab ? 'page' : undefined} className="tab" preventScrollReset>
						{t(`liveList.tab.${name}`)}
					</Link>
				))}
			</nav>
			{items.length === 0 ? (
				<EmptyState icon="live">{t(EMPTY[tab])}</EmptyState>
			) : (
				<ul className="room-grid">
					{items.map((room) => (
						<li key={room.id}>
							<RoomCard room={room} signedIn={signedIn} subscribeAction={`/live?index&tab=${tab}`} loginHref={`/login?${new URLSearchParams({ redirectTo: here })}`} />
						</li>
					))}
				</ul>
			)}
			{nextCursor ? (
				<p className="more">
					<Link to={`/live?${new URLSearchParams({ tab, cursor: nextCursor })}`} className="button button-quiet">{t('liveList.more')}</Link>
				</p>
			) : null}
		</section>
	)
}
