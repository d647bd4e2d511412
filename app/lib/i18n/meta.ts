import { DEFAULT_LOCALE, isLocale, translator, type MessageKey } from './index.ts'

type Match = { id: string; data: unknown }

/** A page title in the page's locale, for a route's meta export. */
export function pageTitle(matches: Match[], key: MessageKey): { title: string }[] {
	const rootData = matches.find((m) => m.id === 'root')?.data as { locale?: unknown } | undefined
	const t = translator(isLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE)
	return [{ title: `${t(key)} · ${t('brand.name')}` }]
}
