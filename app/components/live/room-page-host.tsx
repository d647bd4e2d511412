import { Form } from '@remix-run/react'
import { useState, type FormEvent } from 'react'
import { SALE_LIMITS, SLOW_MODE_CHOICES } from '#app/domain/live/views.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { useLiveRoom } from '#app/realtime/use-live-room.ts'
import { useLiveText, type LiveNotice } from './room-page-text.ts'

type Live = ReturnType<typeof useLiveRoom>
type Product = { id: string; name: string; priceCents: number }

/** The host's and moderators' controls: open and close the room, pin products, run a flash sale, set the chat's pace. */
export function HostPanel({ live, status, products }: { live: Live; status: string; products: Product[] }) {
	const t = useT()
	const text = useLiveText()
	const price = usePrice()
	const [notice, setNotice] = useState<LiveNotice | null>(null)
	const pinned = new Set(live.pins.map((p) => p.productId))
	const run = async (reply: Promise<{ data: unknown } | { error: string; params?: Record<string, string | number> }>) => {
		const r = await reply
		setNotice('error' in r ? { message: r.error, params: r.params } : null)
	}
	return (
		<section className="live-host card" aria-labelledby="live-host-title">
			<h2 id="live-host-title" className="live-panel-title">{t('live.host.title')}</h2>
			{status !== 'ended' ? (
				<Form method="post" className="live-host-row">
					{status === 'scheduled' ? (
						<button className="button button-primary" name="intent" value="golive">{t('live.host.goLive')}</button>
					) : (
						<button className="button button-quiet" name="intent" value="end">{t('live.host.end')}</button>
					)}
				</Form>
			) : null}
			{notice ? <p className="field-error" role="alert">{text(notice)}</p> : null}
			<h3 className="live-host-sub">{t('live.host.products')}</h3>
			{products.length === 0 ? <p className="muted">{t('live.host.noProducts')}</p> : null}
			<ul className="live-host-products">
				{products.map((p) => (
					<li key={p.id}>
						<span>{p.name} <span className="muted">{price(p.priceCents)}</span></span>
						<button type="button" className="button button-quiet" disabled={status === 'ended'} onClick={() => run(live.actions.pin(p.id, !pinned.has(p.id)))}>
							{pinned.has(p.id) ? t('live.host.unpin') : t('live.host.pin')}
						</button>
					</li>
				))}
			</ul>
			{status === 'live' ? <SaleForm live={live} onNotice={setNotice} /> : null}
			<h3 className="live-host-sub">{t('live.host.chat')}</h3>
			<div className="live-host-row">
				<label>
					{t('live.host.slowMode')}{' '}
					<select value={live.room?.slowModeSeconds ?? 0} onChange={(e) => run(live.actions.settings({ slowModeSeconds: Number(e.target.value) }))}>
						{SLOW_MODE_CHOICES.map((s) => (
							<option key={s} value={s}>{s === 0 ? t('live.host.slowOff') : t('live.host.slowSeconds', { seconds: s })}</option>
						))}
					</select>
				</label>
				<label>
					<input type="checkbox" checked={Boolean(live.room?.membersOnly)} onChange={(e) => run(live.actions.settings({ membersOnly: e.target.checked }))} /> {t('live.host.membersOnly')}
				</label>
			</div>
		</section>
	)
}

function SaleForm({ live, onNotice }: { live: Live; onNotice: (n: LiveNotice | null) => void }) {
	const t = useT()
	const running = live.sale && !live.sale.stoppedAt && Date.parse(live.sale.closesAt) > Date.now() ? live.sale : null
	async function start(event: FormEvent<HTMLFormElement>) {
		event.preventDefault()
		const form = new FormData(event.currentTarget)
		const number = (name: string) => Number(form.get(name))
		const reply = await live.actions.startSale({
			productId: String(form.get('productId') ?? ''),
			priceCents: Math.round(number('price') * 100),
			stock: number('stock'),
			perMember: number('perMember'),
			countdownSeconds: number('countdown'),
			durationMinutes: number('duration'),
		})
		onNotice('error' in reply ? { message: reply.error === 'live.badPayload' ? 'live.sale.badForm' : reply.error, params: reply.params } : null)
	}
	if (running) {
		return (
			<div className="live-host-row">
				<p>{t('live.host.saleRunning', { name: running.productName })}</p>
				<button type="button" className="button button-quiet" onClick={async () => {
					const reply = await live.actions.stopSale(running.id)
					onNotice('error' in reply ? { message: reply.error } : null)
				}}>{t('live.host.stopSale')}</button>
			</div>
		)
	}
	if (live.pins.length === 0) return <p className="muted">{t('live.host.pinFirst')}</p>
	return (
		<form className="live-sale-form" onSubmit={start}>
			<h3 className="live-host-sub">{t('live.host.sale')}</h3>
			<label>{t('live.host.saleProduct')}
				<select name="productId">{live.pins.map((p) => <option key={p.productId} value={p.productId}>{p.name}</option>)}</select>
			</label>
			<label>{t('live.host.salePrice')}<input name="price" type="number" min="0" step="0.01" required defaultValue="99" /></label>
			<label>{t('live.host.saleStock')}<input name="stock" type="number" min={SALE_LIMITS.stock[0]} max={SALE_LIMITS.stock[1]} required defaultValue="100" /></label>
			<label>{t('live.host.salePerMember')}<input name="perMember" type="number" min={SALE_LIMITS.perMember[0]} max={SALE_LIMITS.perMember[1]} required defaultValue="1" /></label>
			<label>{t('live.host.saleCountdown')}<input name="countdown" type="number" min={SALE_LIMITS.countdownSeconds[0]} max={SALE_LIMITS.countdownSeconds[1]} required defaultValue="10" /></label>
			<label>{t('live.host.saleDuration')}<input name="duration" type="number" min={SALE_LIMITS.durationMinutes[0]} max={SALE_LIMITS.durationMinutes[1]} required defaultValue="5" /></label>
			<button className="button button-primary" type="submit">{t('live.host.startSale')}</button>
		</form>
	)
}
