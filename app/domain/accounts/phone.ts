/**
 * A phone number as Quanzi stores and compares it: digits only, with China's +86/0086
 * country code dropped, so "+86 138-0013-8000" from the shop and "13800138000" typed by
 * the member are the same. null when what is left is not 6 to 15 digits (E.164's maximum).
 */
export function normalizePhone(raw: string | null | undefined): string | null {
	if (!raw) return null
	let digits = raw.replace(/[\s().-]/g, '')
	if (!/^\+?\d+$/.test(digits)) return null
	digits = digits.replace(/^\+/, '').replace(/^(0086|86)(?=1\d{10}$)/, '')
	return digits.length >= 6 && digits.length <= 15 ? digits : null
}
