import { Link } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import type { CouponAuto, CouponKind } from '#app/domain/membership/coupon-schema.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { useCouponText } from './coupon-text.ts'

type Template = { id: string; name: string; kind: CouponKind; value: number; minSpendCents: number; validDays: number; auto: CouponAuto; active: boolean; issued: number; redeemed: number }

/** The templates with what each gives, how it goes out, and how many were issued and used. */
export function CouponTemplatesTable({ templates }: { templates: Template[] }) {
	const t = useT()
	const text = useCouponText()
	if (templates.length === 0) return <EmptyState icon="star">{t('coupons.noTemplates')}</EmptyState>
	return (
		<div className="table-wrap">
			<table className="stack-table">
				<thead>
					<tr>
						<th scope="col">{t('coupons.col.name')}</th>
						<th scope="col">{t('coupons.col.gives')}</th>
						<th scope="col">{t('coupons.col.valid')}</th>
						<th scope="col">{t('coupons.col.auto')}</th>
						<th scope="col">{t('coupons.col.issued')}</th>
						<th scope="col">{t('coupons.col.redeemed')}</th>
						<th scope="col"><span className="visually-hidden">{t('coupons.col.actions')}</span></th>
					</tr>
				</thead>
				<tbody>
					{templates.map((tpl) => (
						<tr key={tpl.id} className={tpl.active ? undefined : 'coupon-inactive'}>
							<th scope="row">
								{tpl.name}
								{tpl.active ? null : <span className="coupon-flag">{t('coupons.inactive')}</span>}
							</th>
							<td className="wide" data-label={t('coupons.col.gives')}>{text.gives(tpl.kind, tpl.value)} · {text.minSpend(tpl.minSpendCents)}</td>
							<td data-label={t('coupons.col.valid')}>{t('coupons.days', { days: tpl.validDays })}</td>
							<td data-label={t('coupons.col.auto')}>{t(`coupons.auto.${tpl.auto}`)}</td>
							<td data-label={t('coupons.col.issued')}>{tpl.issued}</td>
							<td data-label={t('coupons.col.redeemed')}>{tpl.redeemed}</td>
							<td className="wide"><Link to={`?edit=${tpl.id}`} aria-label={t('coupons.editNamed', { name: tpl.name })}>{t('coupons.edit')}</Link></td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
