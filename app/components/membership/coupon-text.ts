import type { CouponKind } from '#app/domain/membership/coupon-schema.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { usePrice } from '#app/lib/i18n/format.ts'

/** What a coupon gives and asks, in words: "¥10.00 off", "15% off", "On orders from ¥99.00". */
export function useCouponText() {
	const t = useT()
	const price = usePrice()
	return {
		gives: (kind: CouponKind, value: number) => (kind === 'amount' ? t('coupons.givesAmount', { amount: price(value) }) : t('coupons.givesPercent', { percent: value })),
		minSpend: (cents: number) => (cents > 0 ? t('coupons.minSpend', { amount: price(cents) }) : t('coupons.noMinSpend')),
	}
}
