import { useT } from '#app/lib/i18n/use-t.ts'

/** A rating shown as five stars, read out as "4 out of 5 stars". */
export function Stars({ rating, size = 'md' }: { rating: number; size?: 'sm' | 'md' | 'lg' }) {
	const t = useT()
	const full = Math.round(rating)
	return (
		<span className={`stars stars-${size}`} role="img" aria-label={t('post.stars', { rating })}>
			{[1, 2, 3, 4, 5].map((n) => (
				<span key={n} aria-hidden="true" className={n <= full ? 'star-on' : 'star-off'}>
					★
				</span>
			))}
		</span>
	)
}

/** Five radio buttons styled as stars; works without JavaScript and with the keyboard. */
export function StarInput({ name, defaultValue, error, describedBy }: { name: string; defaultValue?: number; error?: string; describedBy?: string }) {
	const t = useT()
	return (
		<fieldset className="field star-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
			<legend>{t('compose.rating')}</legend>
			<div className="star-input-row">
				{[5, 4, 3, 2, 1].map((n) => (
					<label key={n} title={t('compose.star', { n })}>
						<input type="radio" name={name} value={n} defaultChecked={defaultValue === n} />
						<span className="visually-hidden">{t('compose.star', { n })}</span>
						<span aria-hidden="true">★</span>
					</label>
				))}
			</div>
			<p className="field-hint">{t('compose.ratingHint')}</p>
			{error ? <p className="field-error" role="alert">{error}</p> : null}
		</fieldset>
	)
}
