import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { DEFAULT_LOCALE, translator, type Locale } from './index.ts'

/** The page's locale, as the root loader chose it. */
export function useLocale(): Locale {
	const data = useRouteLoaderData<{ locale: Locale }>('root')
	return data?.locale ?? DEFAULT_LOCALE
}

/** t('key', { name }) in the page's locale. */
export function useT() {
	const locale = useLocale()
	return useMemo(() => translator(locale), [locale])
}
