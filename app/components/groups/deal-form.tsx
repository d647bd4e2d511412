import { Form, useNavigation } from '@remix-run/react'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { DEAL_CAP_MAX, DEAL_TARGET } from '#app/domain/groups/deal-schema.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Product = { id: string; name: string; priceCents: number }

/** The form to open a deal; it posts to the page it is on (deals.new, which keeps `?group=`). */
export function DealForm({ products, defaultDeadline, failure }: { products: Product[]; defaultDeadline: string; failure?: FormFailure }) {
	const t = useT()
	const price = usePrice()
	const { fieldError, formError, value } = useFormFailure(failure)
	const busy = useNavigation().state === 'submitting'
	if (products.length === 0) return <p className="card muted">{t('deals.noProducts')}</p>
	return (
		<Form method="post" className="card stack deal-form" noValidate>
			<FormAlert message={formError} />
			<SelectField label={t('deals.field.product')} name="productId" required defaultValue={value('productId') ?? products[0]!.id} error={fieldError('productId')}>
				{products.map((p) => <option key={p.id} value={p.id}>{t('deals.field.productOption', { name: p.name, price: price(p.priceCents) })}</option>)}
			</SelectField>
			<Field label={t('deals.field.price')} name="price" required inputMode="decimal" placeholder="88.00" hint={t('deals.field.priceHint')} defaultValue={value('price')} error={fieldError('price')} />
			<div className="field-row">
				<Field label={t('deals.field.target')} name="target" type="number" required min={DEAL_TARGET[0]} max={DEAL_TARGET[1]} hint={t('deals.field.targetHint')} defaultValue={value('target') ?? '10'} error={fieldError('target')} />
				<Field label={t('deals.field.cap')} name="cap" type="number" min={DEAL_TARGET[0]} max={DEAL_CAP_MAX} hint={t('deals.field.capHint')} defaultValue={value('cap')} error={fieldError('cap')} />
			</div>
			<Field label={t('deals.field.deadline')} name="deadline" type="datetime-local" required hint={t('deals.field.deadlineHint')} defaultValue={value('deadline') ?? defaultDeadline} error={fieldError('deadline')} />
			<button type="submit" className="button button-primary" disabled={busy}>{busy ? t('deals.sending') : t('deals.submit')}</button>
		</Form>
	)
}
