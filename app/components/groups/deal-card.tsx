import { Link } from '@remix-run/react'
import { MediaImage } from '#app/components/posts/media-gallery.tsx'
import type { DealActionReply, DealView } from '#app/domain/groups/views.ts'
import { useDateFormat, usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { DealActions } from './deal-actions.tsx'
import { useCountdown } from './use-countdown.ts'
import { useDealProgress, type DealProgress } from './use-deal-progress.ts'

const STATUS_TAG = { open: 'tag-brand', unlocked: 'tag-ok', released: '' } as const

type Props = { deal: DealView; heading?: 'h1' | 'h2'; reply?: DealActionReply }

/**
 * A group deal on any page: prices, progress (live over the deal's public room), the time left,
 * and Join / Leave. `reply` is the deal page's action answer when the form was posted without
 * JavaScript; with it, the card's own fetcher carries the answer.
 */
export function DealCard(props: Props) {
	return <DealCardView {...props} progress={useDealProgress(props.deal)} />
}

/** The card with its counts given, for a page that also shows them elsewhere (useDealProgress once). */
export function DealCardView({ deal, heading = 'h2', reply, progress }: Props & { progress: DealProgress }) {
	const t = useT()
	const price = usePrice()
	const closes = useDateFormat({ month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' })
	const { joined, target, cap, status } = progress
	const left = useCountdown(deal.deadline)
	const over = left !== null ? left <= 0 : Date.parse(deal.deadline) <= Date.now()
	const Title = heading
	const saving = Math.round((1 - deal.priceCents / deal.product.priceCents) * 100)
	const scale = status === 'unlocked' && cap > target ? cap : target
	return (
		<article className={`deal-card card deal-${status}`} aria-labelledby={`deal-${deal.id}-title`}>
			<div className="deal-head">
				{deal.product.image ? <MediaImage media={deal.product.image} alt="" sizes="96px" /> : <span className="deal-noimg" aria-hidden="true" />}
				<div className="deal-head-text">
					<p className="deal-where">{deal.group ? t('deals.inGroup', { group: deal.group.name }) : t('deals.fromShop')}</p>
					<Title id={`deal-${deal.id}-title`} className="deal-title">
						{heading === 'h1' ? deal.product.name : <Link to={`/deals/${deal.id}`}>{deal.product.name}</Link>}
					</Title>
					<p className="deal-prices">
						<span className="deal-price"><span className="visually-hidden">{t('deals.groupPrice')} </span>{price(deal.priceCents)}</span>
						<span className="deal-list">{t('deals.listPrice')} <s>{price(deal.product.priceCents)}</s></span>
						{saving > 0 ? <span className="tag tag-warn">{t('deals.save', { percent: saving })}</span> : null}
					</p>
				</div>
			</div>
			<p className="deal-status">
				<span className={`tag ${STATUS_TAG[status]}`}>{t(`deals.status.${status}`)}</span>
			</p>
			<progress className="deal-progress" max={scale} value={Math.min(joined, scale)} aria-label={t('deals.progressLabel')}>
				{t('deals.progress', { joined, target })}
			</progress>
			<p className="deal-count" aria-live="polite">
				<strong>{joined > target ? t('deals.progressPast', { joined, target }) : t('deals.progress', { joined, target })}</strong>
				{status !== 'released' ? <span> · {joined >= cap ? t('deals.full') : t('deals.placesLeft', { count: cap - joined })}</span> : null}
			</p>
			<p className="deal-time muted">
				{!over && left !== null && status !== 'released' ? <strong>{t('deals.endsIn', { time: countdownText(t, left) })} · </strong> : null}
				<time dateTime={deal.deadline}>{t(over ? 'deals.closed' : 'deals.closes', { date: closes.format(new Date(deal.deadline)) })}</time>
			</p>
			<DealActions deal={deal} progress={progress} over={over} reply={reply} />
		</article>
	)
}

function countdownText(t: ReturnType<typeof useT>, ms: number): string {
	const s = Math.floor(ms / 1000)
	const [days, hours, minutes, seconds] = [Math.floor(s / 86_400), Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60, s % 60]
	if (days > 0) return t('deals.timeDays', { days, hours })
	if (hours > 0) return t('deals.timeHours', { hours, minutes })
	return t('deals.timeMinutes', { minutes, seconds })
}
