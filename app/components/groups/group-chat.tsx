import { useLocation } from '@remix-run/react'
import { ChatPanel } from '#app/components/live/room-page-chat.tsx'
import { useLiveText } from '#app/components/live/room-page-text.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { useLiveRoom } from '#app/realtime/use-live-room.ts'

/**
 * The group's real-time chat: the live rooms' chat (history, flood limit, slow mode,
 * moderators' tools) on the group's own room, which only its members may join.
 */
export function GroupChat({ roomId }: { roomId: string }) {
	const t = useT()
	const text = useLiveText()
	const location = useLocation()
	const live = useLiveRoom(roomId)
	return (
		<div className="group-chat">
			{!live.connected && live.ready ? <p className="live-offline" role="status">{t('live.reconnecting')}</p> : null}
			{live.notice ? <p className="live-notice" role="alert">{text(live.notice)}</p> : null}
			<ChatPanel live={live} signedIn loginHref={`/login?redirectTo=${encodeURIComponent(location.pathname)}`} badges={{ host: 'groups.role.leader', moderator: 'groups.role.helper' }} />
		</div>
	)
}
