import { Form, useNavigation } from '@remix-run/react'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { ACCEPT_PHOTOS, MAX_PHOTOS } from '#app/domain/media/limits.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Product = { name: string; sku: string; priceCents: number; description: string; status: string; repurchaseDays: number | null }

/** The console's product form, for a new product or an existing one. */
export function ProductForm({ product, failure, submitLabel }: { product?: Product; failure: Parameters<typeof useFormFailure>[0]; submitLabel: string }) {
	const t = useT()
	const { fieldError: err, formError, value } = useFormFailure(failure)
	const busy = useNavigation().state === 'submitting'
	return (
		<Form method="post" encType="multipart/form-data" noValidate className="stack">
			<FormAlert message={formError} />
			<Field label={t('product.name')} name="name" required maxLength={120} defaultValue={value('name') ?? product?.name} error={err('name')} />
			<div className="field-row">
				<Field label={t('product.sku')} name="sku" required maxLength={64} defaultValue={value('sku') ?? product?.sku} error={err('sku')} />
				<Field label={t('product.price')} name="price" required inputMode="decimal" defaultValue={value('price') ?? (product ? (product.priceCents / 100).toFixed(2) : '')} error={err('price')} />
			</div>
			<div className="field">
				<label htmlFor="product-description">{t('product.description')}</label>
				<textarea id="product-description" name="description" rows={4} maxLength={2000} defaultValue={value('description') ?? product?.description} />
				{err('description') ? <p className="field-error" role="alert">{err('description')}</p> : null}
			</div>
			<SelectField label={t('product.status')} name="status" defaultValue={value('status') ?? product?.status ?? 'active'} error={err('status')}>
				{(['active', 'draft', 'archived'] as const).map((s) => (
					<option key={s} value={s}>{t(`product.status.${s}`)}</option>
				))}
			</SelectField>
			<Field
				label={t('orders.product.repurchaseDays')}
				name="repurchaseDays"
				type="number"
				min={1}
				max={365}
				step={1}
				inputMode="numeric"
				hint={t('orders.product.repurchaseHint')}
				defaultValue={value('repurchaseDays') ?? product?.repurchaseDays ?? ''}
				error={err('repurchaseDays')}
			/>
			<Field label={t('product.photos')} name="photos" type="file" accept={ACCEPT_PHOTOS} multiple hint={t('compose.photosHint', { max: MAX_PHOTOS, mb: 15 })} />
			<button type="submit" className="button button-primary" disabled={busy}>{busy ? t('compose.sending') : submitLabel}</button>
		</Form>
	)
}
