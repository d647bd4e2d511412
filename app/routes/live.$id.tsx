import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { z } from 'zod'
import { LivePlayer } from '#app/components/live/live-player.tsx'
import { ChatPanel } from '#app/components/live/room-page-chat.tsx'
import { HostPanel } from '#app/components/live/room-page-host.tsx'
import { PinnedProducts } from '#app/components/live/room-page-products.tsx'
import { Replay } from '#app/components/live/room-page-replay.tsx'
import { useLiveText } from '#app/components/live/room-page-text.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { roomAccess } from '#app/domain/live/access.server.ts'
import { endRoom, goLive } from '#app/domain/live/lifecycle.server.ts'
import { loadRoomPage } from '#app/domain/live/room-page.server.ts'
import { setSubscription } from '#app/domain/live/rooms.server.ts'
import { imageSources } from '#app/domain/media/limits.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { useDateFormat, numberFormat } from '#app/lib/i18n/format.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'
import { useLiveRoom } from '#app/realtime/use-live-room.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.room.title} · Quanzi` : 'Quanzi' }]

export async function loader({ params, context }: LoaderFunctionArgs) {
	const page = await loadRoomPage(params.id!, context.user)
	invariantResponse(page, 'live.notFound', { status: 404 })
	return page
}

const ActionSchema = z.object({ intent: z.enum(['subscribe', 'unsubscribe', 'golive', 'end']) })

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const parsed = ActionSchema.safeParse(Object.fromEntries(await args.request.formData()))
	if (!parsed.success) return data({ ok: false as const, error: 'page.badRequestTitle' }, { status: 400 })
	const roomId = args.params.id!
	const { intent } = parsed.data
	if (intent === 'subscribe' || intent === 'unsubscribe') {
		const result = await setSubscription(roomId, user.id, intent === 'subscribe')
		return result.ok ? { ok: true as const } : data({ ok: false as const, error: result.error as string }, { status: result.status })
	}
	const access = await roomAccess(roomId, user)
	invariantResponse(access, 'live.notFound', { status: 404 })
	const result = intent === 'golive' ? await goLive(access, user.id) : await endRoom(access, user.id)
	return result.ok ? { ok: true as const } : data({ ok: false as const, error: result.error }, { status: 403 })
}

export default function LiveRoomPage() {
	const page = useLoaderData<typeof loader>()
	const { room } = page
	const t = useT()
	if (page.banned) {
		return (
			<article className="live-page" aria-labelledby="page-title">
				<h1 id="page-title">{room.title}</h1>
				<p className="post-status" role="status">{t('live.chat.banned')}</p>
				<p><Link to="/live">← {t('live.title')}</Link></p>
			</article>
		)
	}
	const poster = room.cover ? imageSources(room.cover.id, 'image').src : undefined
	if (room.status === 'ended' && page.replay) {
		return (
			<article className="live-page" aria-labelledby="page-title">
				<RoomHeader page={page} viewers={null} />
				<Replay src={page.streamUrl} poster={poster} title={room.title} startedAt={room.startedAt} messages={page.replay.messages} pins={page.replay.pins} />
			</article>
		)
	}
	return <LiveRoom page={page} poster={poster} />
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>

function LiveRoom({ page, poster }: { page: Page; poster?: string }) {
	const t = useT()
	const location = useLocation()
	const live = useLiveRoom(page.room.id)
	const text = useLiveText()
	const status = live.room?.status ?? page.room.status
	const signedIn = page.points !== null
	const loginHref = `/login?redirectTo=${encodeURIComponent(location.pathname)}`
	return (
		<article className="live-page" aria-labelledby="page-title">
			<RoomHeader page={page} viewers={live.ready ? live.viewers : null} status={status} />
			{!live.connected && live.ready ? <p className="live-offline" role="status">{t('live.reconnecting')}</p> : null}
			{live.notice ? (
				<p className="live-notice" role="alert">
					{text(live.notice)} <button type="button" className="link-button" onClick={live.actions.dismissNotice}>{t('live.dismiss')}</button>
				</p>
			) : null}
			<div className="live-layout">
				<div className="live-stage">
					{status === 'live' ? (
						<LivePlayer src={page.streamUrl} poster={poster} title={page.room.title} live />
					) : (
						<Waiting page={page} poster={poster} status={status} />
					)}
					<div className="live-tap-row">
						<button type="button" className="button live-like" onClick={() => live.tap()} disabled={status !== 'live'} aria-label={t('live.likes.label', { count: live.likes?.total ?? 0 })}>
							❤ <span className="live-count">{compact(live.likes?.total ?? 0)}</span>
						</button>
					</div>
					<PinnedProducts live={live} signedIn={signedIn} points={page.points} loginHref={loginHref} />
					{page.canModerate ? <HostPanel live={live} status={status} products={page.featured} /> : null}
				</div>
				<ChatPanel live={live} signedIn={signedIn} loginHref={loginHref} />
			</div>
		</article>
	)
}

const compactFormat = numberFormat('en', { notation: 'compact' })
const compact = (n: number) => (n < 10_000 ? String(n) : compactFormat.format(n))

function RoomHeader({ page, viewers, status = page.room.status }: { page: Page; viewers: number | null; status?: string }) {
	const t = useT()
	const locale = useLocale()
	return (
		<header className="live-header">
			<p><Link to="/live">← {t('live.title')}</Link></p>
			<div className="live-title-row">
				<span className={`tag live-status live-status-${status}`}>{t(`live.status.${status as 'live' | 'scheduled' | 'ended'}`)}</span>
				<h1 id="page-title">{page.room.title}</h1>
			</div>
			<p className="muted">
				{t('live.hostedBy', { name: page.room.host.displayName })}
				{viewers !== null && status === 'live' ? ` · ${t('live.viewers', { count: numberFormat(locale).format(viewers) })}` : null}
			</p>
			{page.room.description ? <p className="live-description">{page.room.description}</p> : null}
		</header>
	)
}

function Waiting({ page, poster, status }: { page: Page; poster?: string; status: string }) {
	const t = useT()
	const when = useDateFormat({ weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
	const result = useActionData<typeof action>()
	return (
		<div className="live-waiting">
			{poster ? <img src={poster} alt="" className="live-waiting-cover" /> : null}
			<div className="live-waiting-text">
				<p className="live-waiting-when">{status === 'ended' ? t('live.endedNoReplay') : t('live.startsAt', { time: when.format(new Date(page.room.startsAt)) })}</p>
				{status === 'scheduled' && page.points ? (
					<Form method="post">
						<button className="button button-primary" name="intent" value={page.room.subscribed ? 'unsubscribe' : 'subscribe'}>
							{page.room.subscribed ? t('live.subscribed') : t('live.subscribe')}
						</button>
					</Form>
				) : null}
				{result && !result.ok ? <p className="field-error" role="alert">{t(result.error as 'live.notFound')}</p> : null}
			</div>
		</div>
	)
}
