import { useMemo, useState } from 'react'
import type { ChatMessage, PinView } from '#app/domain/live/views.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { LivePlayer } from './live-player.tsx'

type Pin = PinView & { unpinnedAt: string | null }
const mmss = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`

/**
 * An ended room: the recording with the chat and the pins on its timeline. Each message and
 * pin is placed by its time since the room went live, so what was said and shown at a
 * moment appears when the video reaches it.
 */
export function Replay({ src, poster, title, startedAt, messages, pins }: { src: string; poster?: string; title: string; startedAt: string | null; messages: ChatMessage[]; pins: Pin[] }) {
	const t = useT()
	const price = usePrice()
	const [at, setAt] = useState(0)
	const start = startedAt ? Date.parse(startedAt) : messages[0] ? Date.parse(messages[0].createdAt) : 0
	const offset = (iso: string) => Math.max(0, (Date.parse(iso) - start) / 1000)
	const timed = useMemo(() => messages.map((m) => ({ ...m, at: offset(m.createdAt) })), [messages, start])
	const chapters = useMemo(() => pins.map((p) => ({ ...p, from: offset(p.pinnedAt), to: p.unpinnedAt ? offset(p.unpinnedAt) : Infinity })), [pins, start])
	const shown = timed.filter((m) => m.at <= at).length
	const onScreen = chapters.filter((p) => p.from <= at && at < p.to)
	return (
		<div className="live-layout">
			<div className="live-stage">
				<LivePlayer src={src} poster={poster} title={title} live={false} onTime={setAt} />
				<section className="live-pins" aria-labelledby="replay-pins-title">
					<h2 id="replay-pins-title" className="live-panel-title">{t('live.replay.pinned')}</h2>
					{onScreen.length === 0 ? <p className="muted">{t('live.replay.noPinNow')}</p> : null}
					<ul className="live-pin-list">
						{onScreen.map((p) => (
							<li key={`${p.productId}-${p.pinnedAt}`} className="live-pin card">
								<p className="live-pin-name">{p.name}</p>
								<p className="product-price">{price(p.priceCents)}</p>
								<a className="button button-quiet" href={`/products/${p.productId}`}>{t('live.pins.view')}</a>
							</li>
						))}
					</ul>
					{chapters.length > 0 ? (
						<>
							<h3 className="live-host-sub">{t('live.replay.chapters')}</h3>
							<ol className="live-chapters">
								{chapters.map((p) => (
									<li key={`${p.productId}-${p.pinnedAt}`}>
										<time className="muted">{mmss(p.from)}</time> {p.name}
									</li>
								))}
							</ol>
						</>
					) : null}
				</section>
			</div>
			<section className="live-chat card" aria-labelledby="replay-chat-title">
				<h2 id="replay-chat-title" className="live-panel-title">{t('live.replay.chat', { shown, total: timed.length })}</h2>
				<p className="muted live-replay-help">{t('live.replay.chatWaits')}</p>
				{/* The whole transcript, what was said after the video's position dimmed. */}
				<ol className="live-messages">
					{timed.map((m) => (
						<li key={m.id} className={m.at <= at ? 'live-message' : 'live-message is-later'}>
							<span className="live-author">{m.author}</span> <span className="live-body">{m.body}</span>
							<time className="live-time muted">{mmss(m.at)}</time>
						</li>
					))}
				</ol>
			</section>
		</div>
	)
}
