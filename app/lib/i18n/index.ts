import { en, type MessageKey } from './en.ts'
import { zhCN } from './zh-cn.ts'

export type { MessageKey }
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
/** The visitor's language choice, for people who are not signed in. */
export const LOCALE_COOKIE = 'quanzi_lang'
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' }

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN }

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Whether a computed key (e.g. `points.reason.${reason}`) names a message. */
export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(en, key)
}

export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

/** A translate function for one locale; {name} placeholders are filled from params. */
export function translator(locale: Locale): Translate {
	const catalog = catalogs[locale]
	return (key, params) => {
		const template = catalog[key] ?? en[key] ?? key
		if (!params) return template
		return template.replace(/\{(\w+)\}/g, (match, name: string) =>
			name in params ? String(params[name]) : match,
		)
	}
}

/**
 * The best of our locales for an Accept-Language header, by its q-values:
 * any zh variant reads Chinese, any en variant English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | undefined {
	if (!acceptLanguage) return undefined
	const ranked = acceptLanguage
		.split(',')
		.map((part) => {
			const [tag = '', ...rest] = part.trim().split(';')
			const q = rest.find((p) => p.trim().startsWith('q='))
			return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 }
		})
		.filter((r) => r.tag && r.q > 0)
		.sort((a, b) => b.q - a.q)
	for (const { tag } of ranked) {
		if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN'
		if (tag === 'en' || tag.startsWith('en-')) return 'en'
	}
	return undefined
}
