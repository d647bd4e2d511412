import { useEffect, useRef, useState, type FormEvent } from 'react'
import { MAX_MESSAGE_CHARS, type ChatMessage } from '#app/domain/live/views.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import type { useLiveRoom } from '#app/realtime/use-live-room.ts'
import { useLiveText, type LiveNotice } from './room-page-text.ts'

type Live = ReturnType<typeof useLiveRoom>
/** What the host's and moderators' badges say: a live room's words by default; a group says leader and helper. */
type Badges = Record<NonNullable<ChatMessage['badge']>, MessageKey>
const BADGES: Badges = { host: 'live.badge.host', moderator: 'live.badge.moderator' }

/** The room's chat: messages as they arrive (kept in view unless the reader scrolled up), the composer, and moderators' tools per message. */
export function ChatPanel({ live, signedIn, loginHref, badges = BADGES }: { live: Live; signedIn: boolean; loginHref: string; badges?: Badges }) {
	const t = useT()
	const text = useLiveText()
	const listRef = useRef<HTMLOListElement>(null)
	const pinnedToBottom = useRef(true)
	const [draft, setDraft] = useState('')
	const [error, setError] = useState<LiveNotice | null>(null)
	const [sending, setSending] = useState(false)
	const canModerate = Boolean(live.you?.canModerate)
	const blocked = live.you?.chatBlocked ?? null

	useEffect(() => {
		const list = listRef.current
		if (list && pinnedToBottom.current) list.scrollTop = list.scrollHeight
	}, [live.messages])

	async function send(event: FormEvent) {
		event.preventDefault()
		if (!draft.trim() || sending) return
		setSending(true)
		const reply = await live.actions.send(draft)
		setSending(false)
		if ('error' in reply) return setError({ message: reply.error, params: reply.params })
		setError(null)
		setDraft('')
		pinnedToBottom.current = true
	}

	return (
		<section className="live-chat card" aria-labelledby="live-chat-title">
			<h2 id="live-chat-title" className="live-panel-title">{t('live.chat.title')}</h2>
			<ol
				ref={listRef}
				className="live-messages"
				aria-live="polite"
				aria-relevant="additions"
				onScroll={(e) => {
					const el = e.currentTarget
					pinnedToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40
				}}
			>
				{live.messages.length === 0 ? <li className="muted live-empty">{t('live.chat.none')}</li> : null}
				{live.messages.map((m) => (
					<MessageRow key={m.id} message={m} live={live} badges={badges} canModerate={canModerate && m.userId !== live.you?.userId} />
				))}
			</ol>
			{live.room?.slowModeSeconds ? <p className="live-chat-mode muted">{t('live.chat.slowModeOn', { seconds: live.room.slowModeSeconds })}</p> : null}
			{live.room?.membersOnly ? <p className="live-chat-mode muted">{t('live.chat.membersOnlyOn')}</p> : null}
			{!signedIn ? (
				<p className="live-chat-signin">
					<a href={loginHref}>{t('live.chat.signInLink')}</a>
				</p>
			) : blocked && blocked !== 'live.chat.muted' ? (
				<p className="live-chat-blocked" role="status">{text({ message: blocked })}</p>
			) : (
				<form className="live-composer" onSubmit={send}>
					<label htmlFor="live-message" className="visually-hidden">{t('live.chat.label')}</label>
					<input
						id="live-message"
						name="message"
						autoComplete="off"
						maxLength={MAX_MESSAGE_CHARS}
						placeholder={t('live.chat.placeholder')}
						value={draft}
						onChange={(e) => setDraft(e.target.value)}
						aria-describedby="live-message-help"
						aria-invalid={error ? true : undefined}
					/>
					<button type="submit" className="button" disabled={sending || !draft.trim()}>{t('live.chat.send')}</button>
					<p id="live-message-help" className={error ? 'field-error live-composer-help' : 'muted live-composer-help'} role={error ? 'alert' : undefined}>
						{error ? text(error) : live.you?.mutedUntil && new Date(live.you.mutedUntil) > new Date() ? text({ message: 'live.chat.muted', params: { until: live.you.mutedUntil } }) : `${[...draft].length}/${MAX_MESSAGE_CHARS}`}
					</p>
				</form>
			)}
		</section>
	)
}

function MessageRow({ message: m, live, badges, canModerate }: { message: ChatMessage; live: Live; badges: Badges; canModerate: boolean }) {
	const t = useT()
	const text = useLiveText()
	const time = useDateFormat({ hour: '2-digit', minute: '2-digit' })
	const [outcome, setOutcome] = useState<string | null>(null)
	const act = async (run: () => Promise<{ data: unknown } | { error: string; params?: Record<string, string | number> }>, done: string) => {
		const reply = await run()
		setOutcome('error' in reply ? text({ message: reply.error, params: reply.params }) : done)
	}
	return (
		<li className="live-message">
			<span className="live-author">
				{m.author}
				{m.badge ? <span className={`tag live-badge-${m.badge}`}>{t(badges[m.badge])}</span> : null}
			</span>{' '}
			<span className="live-body">{m.body}</span>
			<time className="live-time muted" dateTime={m.createdAt}>{time.format(new Date(m.createdAt))}</time>
			{canModerate ? (
				<details className="live-mod">
					<summary aria-label={t('live.mod.menu', { name: m.author })}>⋯</summary>
					<div className="live-mod-actions">
						<button type="button" onClick={() => act(() => live.actions.remove(m.id), t('live.mod.removed'))}>{t('live.mod.delete')}</button>
						<button type="button" onClick={() => act(() => live.actions.mute(m.userId, 5), t('live.mod.mutedDone', { name: m.author }))}>{t('live.mod.mute5')}</button>
						<button type="button" className="danger" onClick={() => act(() => live.actions.ban(m.userId), t('live.mod.bannedDone', { name: m.author }))}>{t('live.mod.ban')}</button>
					</div>
					{outcome ? <p className="muted" role="status">{outcome}</p> : null}
				</details>
			) : null}
		</li>
	)
}
