import { useLocale } from './use-t.ts'

// NOTE: constructing an Intl formatter costs far more than formatting with one (about a
// millisecond each); a feed of 20 cards built one per card spent most of its render time
// there. Formatters are kept per locale and options for the life of the process.
const dates = new Map<string, Intl.DateTimeFormat>()
const numbers = new Map<string, Intl.NumberFormat>()

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`
	let format = dates.get(key)
	if (!format) dates.set(key, (format = new Intl.DateTimeFormat(locale, options)))
	return format
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`
	let format = numbers.get(key)
	if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, options)))
	return format
}

/** A date formatter in the page's locale. */
export function useDateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	return dateFormat(useLocale(), options)
}

/** Cents as the shop's currency in the page's locale: ¥168.00. */
export function usePrice(): (cents: number) => string {
	// narrowSymbol: "¥" in every locale (English would otherwise write "CN¥"), as the shop prints its prices.
	const money = numberFormat(useLocale(), { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' })
	return (cents) => money.format(cents / 100)
}
