import { Link } from '@remix-run/react'
import { useState } from 'react'
import { useT } from '#app/lib/i18n/use-t.ts'

/**
 * The opening as a moment: the box shakes, its lid flies off and the item rises out (CSS only,
 * still for those who ask for reduced motion). The text is in the page from the start, so a
 * screen reader hears the prize at once.
 */
export function BoxReveal({ item, rare, shareUrl }: { item: string; rare: boolean; shareUrl: string }) {
	const t = useT()
	const [copied, setCopied] = useState(false)
	const copy = () => {
		void navigator.clipboard?.writeText(shareUrl).then(() => setCopied(true), () => setCopied(false))
	}
	return (
		<div className={rare ? 'days-reveal days-reveal-rare' : 'days-reveal'} role="status" aria-label={t('days.revealLabel')}>
			<div className="days-box" aria-hidden="true">
				<span className="days-box-lid" />
				<span className="days-box-body" />
			</div>
			<p className="days-prize">{t('days.youGot', { item })}</p>
			<p className="days-share">
				<a href={shareUrl} data-testid="share-link">{t('days.share')}</a>{' '}
				<button type="button" className="button button-quiet" onClick={copy}>{copied ? t('days.copied') : t('days.copyLink')}</button>
			</p>
			<p><Link to="/me/prizes">{t('days.myBoxes')}</Link></p>
		</div>
	)
}
