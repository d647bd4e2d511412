import type { SegmentRules } from '#app/domain/segments/rules.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

/** A segment's rules in words, one line per rule ("Tier: Gold or Silver"), all of which must hold. */
export function RuleSummary({ rules, tierNames }: { rules: SegmentRules | null; tierNames: Record<string, string> }) {
	const t = useT()
	const price = usePrice()
	if (!rules) return <span className="muted">{t('segments.rules.broken')}</span>
	const or = (items: string[]) => items.join(t('segments.rules.or'))
	const lines: string[] = []
	if (rules.tiers) lines.push(t('segments.rules.tiers', { tiers: or(rules.tiers.map((id) => tierNames[id] ?? t('segments.rules.tierGone'))) }))
	if (rules.minSpendYuan !== undefined && rules.maxSpendYuan !== undefined) {
		lines.push(t('segments.rules.spendBetween', { min: price(rules.minSpendYuan * 100), max: price(rules.maxSpendYuan * 100) }))
	} else if (rules.minSpendYuan !== undefined) lines.push(t('segments.rules.spendAtLeast', { min: price(rules.minSpendYuan * 100) }))
	else if (rules.maxSpendYuan !== undefined) lines.push(t('segments.rules.spendAtMost', { max: price(rules.maxSpendYuan * 100) }))
	if (rules.lastOrderWithinDays !== undefined) lines.push(t('segments.rules.orderedWithin', { days: rules.lastOrderWithinDays }))
	if (rules.noOrderForDays !== undefined) lines.push(t('segments.rules.noOrderFor', { days: rules.noOrderForDays }))
	if (rules.regions) lines.push(t('segments.rules.regions', { regions: or(rules.regions) }))
	if (rules.childBands) lines.push(t('segments.rules.childBands', { bands: or(rules.childBands.map((b) => t(`family.band.${b}`))) }))
	if (rules.tags) lines.push(t('segments.rules.tags', { tags: or(rules.tags) }))
	return (
		<ul className="segment-rules">
			{lines.map((line) => <li key={line}>{line}</li>)}
		</ul>
	)
}
