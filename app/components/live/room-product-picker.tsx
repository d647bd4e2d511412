import { useT } from '#app/lib/i18n/use-t.ts'

type Choice = { id: string; name: string }
type Kept = { ids: string[]; order: (id: string) => string | undefined }

/**
 * Products to feature, as checkboxes with an optional order number each: the room's
 * current products first, in their order, then the rest of the shelf.
 */
export function RoomProductPicker({ products, featured, kept, max, error }: { products: Choice[]; featured: string[]; kept: Kept | null; max: number; error?: string }) {
	const t = useT()
	const rank = new Map(featured.map((id, i) => [id, i]))
	const list = [...products].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity))
	const checked = (id: string) => (kept ? kept.ids.includes(id) : rank.has(id))
	const order = (id: string) => (kept ? kept.order(id) : rank.has(id) ? String(rank.get(id)! + 1) : '')
	return (
		<fieldset className="room-products" aria-describedby="room-products-hint" aria-invalid={error ? true : undefined}>
			<legend>{t('liveConsole.field.products')}</legend>
			<p id="room-products-hint" className="field-hint">{t('liveConsole.field.productsHint', { max })}</p>
			{list.length === 0 ? <p className="muted">{t('liveConsole.noProducts')}</p> : (
				<ul className="room-product-list">
					{list.map((p) => (
						<li key={p.id}>
							<label className="check">
								<input type="checkbox" name="productIds" value={p.id} defaultChecked={checked(p.id)} />
								<span>{p.name}</span>
							</label>
							<input type="number" name={`order.${p.id}`} min={1} max={max} inputMode="numeric" className="room-order" placeholder="#" aria-label={t('liveConsole.field.order', { name: p.name })} defaultValue={order(p.id)} />
						</li>
					))}
				</ul>
			)}
			{error ? <p className="field-error" role="alert">{error}</p> : null}
		</fieldset>
	)
}
