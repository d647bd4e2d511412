import { SelectField } from '#app/components/ui/field.tsx'
import { useT } from '#app/lib/i18n/use-t.ts'

export type SegmentOption = { id: string; name: string }

/** "Who sees this": everyone, or the members of one segment. Staff only; render nothing without segments. */
export function AudienceSelect({ segments, defaultValue, error }: { segments: SegmentOption[]; defaultValue?: string | null; error?: string }) {
	const t = useT()
	if (segments.length === 0) return null
	return (
		<SelectField label={t('audience.label')} name="segmentId" hint={t('audience.hint')} defaultValue={defaultValue ?? ''} error={error}>
			<option value="">{t('audience.everyone')}</option>
			{segments.map((s) => (
				<option key={s.id} value={s.id}>{t('audience.segment', { name: s.name })}</option>
			))}
		</SelectField>
	)
}
