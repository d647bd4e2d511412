import type { OptionalCategory } from '#app/domain/notifications/policy.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export type SwitchRow = { category: OptionalCategory; inApp: boolean; email: boolean }

/** One category: its name and what it covers, then its two switches (checkboxes: present means on). */
export function CategorySwitches({ row }: { row: SwitchRow }) {
	const t = useT()
	const name = t(`notifyCategory.${row.category}`)
	return (
		<fieldset className="notify-category">
			<legend>{name}</legend>
			<p className="field-hint">{t(`notifyCategory.${row.category}.hint`)}</p>
			<div className="notify-switches">
				<label className="check">
					<input type="checkbox" name={`${row.category}.inApp`} defaultChecked={row.inApp} aria-label={t('notifySettings.switchLabel', { category: name, channel: t('notifySettings.inApp') })} />
					{t('notifySettings.inApp')}
				</label>
				<label className="check">
					<input type="checkbox" name={`${row.category}.email`} defaultChecked={row.email} aria-label={t('notifySettings.switchLabel', { category: name, channel: t('notifySettings.email') })} />
					{t('notifySettings.email')}
				</label>
			</div>
		</fieldset>
	)
}
