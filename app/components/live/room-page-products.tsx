import { Link } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { MediaImage } from '#app/components/posts/media-gallery.tsx'
import type { FlashSaleView, PinView } from '#app/domain/live/views.ts'
import { useDateFormat, usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { useLiveRoom } from '#app/realtime/use-live-room.ts'
import { useLiveText } from './room-page-text.ts'

type Live = ReturnType<typeof useLiveRoom>
export type MemberPoints = { balance: number; expiring: { date: string; points: number } | null } | null

/** A clock that ticks once a second while a sale is on screen. */
export function useNow(active: boolean): number {
	const [now, setNow] = useState(() => Date.now())
	useEffect(() => {
		if (!active) return
		const timer = setInterval(() => setNow(Date.now()), 1000)
		return () => clearInterval(timer)
	}, [active])
	return now
}

const clock = (ms: number) => {
	const s = Math.max(0, Math.ceil(ms / 1000))
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** The products on screen (up to three), each with its "want it" taps and the way to buy; a flash sale on one shows on its card. */
export function PinnedProducts({ live, signedIn, points, loginHref }: { live: Live; signedIn: boolean; points: MemberPoints; loginHref: string }) {
	const t = useT()
	const price = usePrice()
	const day = useDateFormat({ month: 'short', day: 'numeric' })
	if (live.pins.length === 0) return <p className="muted live-no-pins">{t('live.pins.none')}</p>
	return (
		<section className="live-pins" aria-labelledby="live-pins-title">
			<h2 id="live-pins-title" className="live-panel-title">{t('live.pins.title')}</h2>
			{signedIn && points ? (
				<p className="live-points">
					{t('live.points.balance', { points: points.balance })}
					{points.expiring ? ` · ${t('live.points.expiring', { points: points.expiring.points, date: day.format(new Date(points.expiring.date)) })}` : null}
				</p>
			) : null}
			<ul className="live-pin-list">
				{live.pins.map((pin) => (
					<li key={pin.productId} className="live-pin card">
						<PinCard pin={pin} live={live} signedIn={signedIn} loginHref={loginHref} sale={live.sale?.productId === pin.productId ? live.sale : null} price={price} />
					</li>
				))}
			</ul>
		</section>
	)
}

function PinCard({ pin, live, sale, signedIn, loginHref, price }: { pin: PinView; live: Live; sale: FlashSaleView | null; signedIn: boolean; loginHref: string; price: (c: number) => string }) {
	const t = useT()
	const wants = live.likes?.products[pin.productId] ?? 0
	return (
		<>
			<div className="live-pin-head">
				{pin.image ? <MediaImage media={pin.image} alt="" sizes="72px" /> : <span className="live-pin-noimg" aria-hidden="true" />}
				<div>
					<p className="live-pin-name">{pin.name}</p>
					<p className="product-price">{price(pin.priceCents)}</p>
				</div>
			</div>
			<div className="live-pin-actions">
				<button
					type="button"
					className="button button-quiet live-want"
					onClick={() => live.tap(pin.productId)}
					disabled={!signedIn || live.room?.status !== 'live'}
					aria-label={t('live.pins.wantLabel', { name: pin.name, count: wants })}
				>
					🙋 {t('live.pins.want')} <span className="live-count">{wants}</span>
				</button>
				<Link className="button button-quiet" to={`/products/${pin.productId}`}>{t('live.pins.view')}</Link>
			</div>
			{sale ? <SaleCard sale={sale} live={live} signedIn={signedIn} loginHref={loginHref} price={price} /> : null}
		</>
	)
}

function SaleCard({ sale, live, signedIn, loginHref, price }: { sale: FlashSaleView; live: Live; signedIn: boolean; loginHref: string; price: (c: number) => string }) {
	const t = useT()
	const text = useLiveText()
	const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
	const [busy, setBusy] = useState(false)
	const ended = Boolean(sale.stoppedAt) || Date.parse(sale.closesAt) <= Date.now()
	const now = useNow(!ended)
	const opensIn = Date.parse(sale.opensAt) - now
	const closesIn = Date.parse(sale.closesAt) - now
	const over = Boolean(sale.stoppedAt) || closesIn <= 0
	const claimed = live.you?.claimed ?? 0
	const atLimit = claimed >= sale.perMember

	async function claim() {
		setBusy(true)
		const reply = await live.actions.claim(sale.id, 1)
		setBusy(false)
		setMessage('error' in reply ? { ok: false, text: text({ message: reply.error, params: reply.params }) } : { ok: true, text: t('live.sale.claimed', { count: reply.data.claimed }) })
	}

	return (
		<div className="live-sale" aria-labelledby={`sale-${sale.id}`}>
			<p id={`sale-${sale.id}`} className="live-sale-title">
				⚡ {t('live.sale.title')} <strong>{price(sale.priceCents)}</strong> <s className="muted">{price(sale.listPriceCents)}</s>
			</p>
			<p className="live-sale-clock" role="timer" aria-live="off">
				{over ? t('live.sale.ended') : opensIn > 0 ? t('live.sale.opensIn', { time: clock(opensIn) }) : t('live.sale.endsIn', { time: clock(closesIn) })}
			</p>
			<label className="live-sale-stock">
				<span>{t('live.sale.left', { remaining: sale.remaining, stock: sale.stock })}</span>
				<progress max={sale.stock} value={sale.remaining} />
			</label>
			<p className="muted">{t('live.sale.perMember', { count: sale.perMember })}{claimed > 0 ? ` · ${t('live.sale.youHold', { count: claimed })}` : ''}</p>
			{!signedIn ? (
				<a className="button button-primary" href={loginHref}>{t('live.sale.signInToClaim')}</a>
			) : (
				<button type="button" className="button button-primary live-claim" onClick={claim} disabled={busy || over || opensIn > 0 || sale.remaining === 0 || atLimit}>
					{sale.remaining === 0 ? t('live.sale.soldOutButton') : atLimit ? t('live.sale.atLimit') : t('live.sale.claim')}
				</button>
			)}
			{message ? <p className={message.ok ? 'form-success' : 'field-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
		</div>
	)
}
