import { Form, Link, useNavigation } from '@remix-run/react'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { CHILD_BANDS, MAX_DAYS, MAX_SEGMENT_NAME, type SegmentRules } from '#app/domain/segments/rules.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import { numberFormat } from '#app/lib/i18n/format.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export type SegmentPreview = { count: number; sample: string[] }
type Editing = { id: string; name: string; rules: SegmentRules | null }

/** The saved rules as the form's text, so an edit starts from what is stored. */
function storedValues(editing: Editing | null): Record<string, string> {
	const rules = editing?.rules
	if (!editing || !rules) return { name: editing?.name ?? '' }
	const num = (v: number | undefined) => (v === undefined ? '' : String(v))
	return {
		name: editing.name,
		tiers: (rules.tiers ?? []).join(','),
		minSpendYuan: num(rules.minSpendYuan),
		maxSpendYuan: num(rules.maxSpendYuan),
		lastOrderWithinDays: num(rules.lastOrderWithinDays),
		noOrderForDays: num(rules.noOrderForDays),
		regions: (rules.regions ?? []).join(', '),
		childBands: (rules.childBands ?? []).join(','),
		tags: (rules.tags ?? []).join(', '),
	}
}

/**
 * Create or change a segment: the rules (all must hold; any entry of a list will do), a
 * preview of how many members they match today, then save. Typed values survive a refusal.
 */
export function SegmentForm(props: { editing: Editing | null; tiers: { id: string; name: string }[]; failure?: FormFailure; preview?: SegmentPreview & { values: Record<string, string> } }) {
	const { editing, tiers, failure, preview } = props
	const t = useT()
	const { fieldError: err, formError } = useFormFailure(failure)
	const busy = useNavigation().state === 'submitting'
	const values = failure?.values ?? preview?.values ?? storedValues(editing)
	const value = (name: string) => values[name] ?? ''
	const checked = (name: string, option: string) => value(name).split(',').includes(option)
	// Remount when the segment being edited changes, so defaultValues follow it.
	return (
		<Form method="post" noValidate className="stack segment-form" key={editing?.id ?? 'new'}>
			<FormAlert message={formError} />
			{editing ? <input type="hidden" name="id" value={editing.id} /> : null}
			<Field label={t('segments.field.name')} name="name" required maxLength={MAX_SEGMENT_NAME} defaultValue={value('name')} error={err('name')} />
			<p className="muted">{t('segments.field.rulesIntro')}</p>
			<fieldset className="segment-choices">
				<legend>{t('segments.field.tiers')}</legend>
				{tiers.length === 0 ? <p className="field-hint">{t('segments.field.noTiers')}</p> : null}
				{tiers.map((tier) => (
					<label key={tier.id} className="check">
						<input type="checkbox" name="tiers" value={tier.id} defaultChecked={checked('tiers', tier.id)} />
						{tier.name}
					</label>
				))}
				{err('tiers') ? <p className="field-error" role="alert">{err('tiers')}</p> : null}
			</fieldset>
			<div className="field-row">
				<Field label={t('segments.field.minSpend')} name="minSpendYuan" inputMode="decimal" defaultValue={value('minSpendYuan')} error={err('minSpendYuan')} />
				<Field label={t('segments.field.maxSpend')} name="maxSpendYuan" inputMode="decimal" defaultValue={value('maxSpendYuan')} error={err('maxSpendYuan')} />
			</div>
			<p className="field-hint">{t('segments.field.spendHint')}</p>
			<div className="field-row">
				<Field label={t('segments.field.orderedWithin')} name="lastOrderWithinDays" inputMode="numeric" max={MAX_DAYS} defaultValue={value('lastOrderWithinDays')} error={err('lastOrderWithinDays')} />
				<Field label={t('segments.field.noOrderFor')} name="noOrderForDays" inputMode="numeric" max={MAX_DAYS} hint={t('segments.field.noOrderForHint')} defaultValue={value('noOrderForDays')} error={err('noOrderForDays')} />
			</div>
			<Field label={t('segments.field.regions')} name="regions" hint={t('segments.field.regionsHint')} defaultValue={value('regions')} error={err('regions')} />
			<fieldset className="segment-choices">
				<legend>{t('segments.field.childBands')}</legend>
				{CHILD_BANDS.map((band) => (
					<label key={band} className="check">
						<input type="checkbox" name="childBands" value={band} defaultChecked={checked('childBands', band)} />
						{t(`family.band.${band}`)}
					</label>
				))}
				<p className="field-hint">{t('segments.field.childBandsHint')}</p>
				{err('childBands') ? <p className="field-error" role="alert">{err('childBands')}</p> : null}
			</fieldset>
			<Field label={t('segments.field.tags')} name="tags" hint={t('segments.field.tagsHint')} defaultValue={value('tags')} error={err('tags')} />
			{preview ? <PreviewResult preview={preview} /> : null}
			<div className="console-links">
				<button type="submit" name="intent" value="preview" className="button button-quiet" disabled={busy}>{t('segments.preview')}</button>
				<button type="submit" name="intent" value="save" className="button button-primary" disabled={busy}>{t('segments.save')}</button>
				{editing ? <Link to="/console/segments" className="button button-quiet">{t('segments.cancelEdit')}</Link> : null}
			</div>
		</Form>
	)
}

function PreviewResult({ preview }: { preview: SegmentPreview }) {
	const t = useT()
	const number = numberFormat(useLocale())
	if (preview.count === 0) return <p className="segment-warning" role="status">{t('segments.matchesNobody')}</p>
	return (
		<p className="form-success" role="status">
			{preview.count === 1 ? t('segments.previewCountOne') : t('segments.previewCount', { count: number.format(preview.count) })}
			{preview.sample.length ? ` ${t('segments.previewSample', { names: preview.sample.join(t('segments.listJoin')) })}` : ''}
		</p>
	)
}
