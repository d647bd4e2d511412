import { Link } from '@remix-run/react'
import type { RoomCard as Card } from '#app/domain/live/views.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { MediaImage } from '../posts/media-gallery.tsx'
import { SubscribeButton } from './subscribe-button.tsx'

/** Times as the console sets them (UTC, decision 006), labelled, so server and browser render the same text. */
export const ROOM_TIME = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } as const

/**
 * A room in the public list: cover, title, host and time, and for an upcoming room who is
 * waiting and the member's subscribe button (or the way to log in for one).
 */
export function RoomCard({ room, signedIn, subscribeAction, loginHref }: { room: Card; signedIn: boolean; subscribeAction: string; loginHref: string }) {
	const t = useT()
	const format = useDateFormat(ROOM_TIME)
	const at = (iso: string) => `${format.format(new Date(iso))} UTC`
	const when =
		room.status === 'live' ? t('liveList.startedAt', { date: at(room.startedAt ?? room.startsAt) })
		: room.status === 'ended' ? t('liveList.endedAt', { date: at(room.startedAt ?? room.startsAt) })
		: t('liveList.startsAt', { date: at(room.startsAt) })
	return (
		<article className={`card room-card room-${room.status}`} aria-labelledby={`room-${room.id}`} data-room={room.id}>
			<Link to={`/live/${room.id}`} className="room-card-link">
				<span className="room-cover">
					{room.cover ? <MediaImage media={room.cover} alt="" sizes="(min-width: 840px) 300px, 100vw" /> : <span className="room-nocover" aria-hidden="true">{room.title.slice(0, 1)}</span>}
					{room.status === 'live' ? <span className="room-live-badge">{t('liveList.liveNow')}</span> : null}
				</span>
				<h2 id={`room-${room.id}`} className="room-title">{room.title}</h2>
			</Link>
			<p className="room-meta">
				<span>{t('liveList.host', { name: room.host.displayName })}</span>
				<time dateTime={room.status === 'scheduled' ? room.startsAt : (room.startedAt ?? room.startsAt)}>{when}</time>
			</p>
			{room.products.length ? <p className="room-card-products">{room.products.map((p) => p.name).join(' · ')}</p> : null}
			{room.status === 'scheduled' ? (
				<div className="room-foot">
					<span className="muted">{t('liveList.subscribers', { count: room.subscribers })}</span>
					{signedIn ? (
						<SubscribeButton roomId={room.id} title={room.title} subscribed={room.subscribed} action={subscribeAction} />
					) : (
						<Link to={loginHref} className="room-login">{t('liveList.loginToSubscribe')}</Link>
					)}
				</div>
			) : null}
		</article>
	)
}
