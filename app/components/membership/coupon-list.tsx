import { daysLeft } from '#app/domain/membership/coupon-dates.ts'
import type { CouponView } from '#app/domain/membership/coupon-schema.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { useCouponText } from './coupon-text.ts'

/** A member's coupons as tickets: the code to give at checkout, what it gives, until when. */
export function CouponList({ coupons, now }: { coupons: CouponView[]; now: string }) {
	const t = useT()
	const text = useCouponText()
	// Coupon days are China days (coupon-dates.ts), so dates are shown on China's calendar.
	const date = useDateFormat({ dateStyle: 'medium', timeZone: 'Asia/Shanghai' })
	return (
		<ul className="coupon-list">
			{coupons.map((c) => {
				const left = daysLeft(new Date(c.expiresAt), new Date(now))
				return (
					<li key={c.id} className={`coupon coupon-${c.state}`}>
						<div className="coupon-value">{text.gives(c.kind, c.value)}</div>
						<div className="coupon-body">
							<p className="coupon-name">{c.name}</p>
							<p className="coupon-code" aria-label={t('coupons.codeLabel', { code: c.code })}><code>{c.code}</code></p>
							<p className="muted">{text.minSpend(c.minSpendCents)}</p>
							<p className="coupon-when">
								{c.state === 'usable'
									? t(left === 0 ? 'coupons.endsToday' : 'coupons.useBy', { date: date.format(new Date(c.expiresAt)), days: left })
									: c.state === 'used'
										? t('coupons.usedOn', { date: date.format(new Date(c.redeemedAt!)) })
										: t('coupons.expiredOn', { date: date.format(new Date(c.expiresAt)) })}
							</p>
						</div>
						{c.state !== 'usable' ? <span className="coupon-state">{t(c.state === 'used' ? 'coupons.state.used' : 'coupons.state.expired')}</span> : null}
					</li>
				)
			})}
		</ul>
	)
}
