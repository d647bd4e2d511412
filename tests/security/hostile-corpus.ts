// Hostile values for every text a member or the merchant can send (issue 11, "Input").
// Each one stored must come back as inert text; each refused must leave nothing behind.

export type Hostile = { label: string; value: string }

/** Exactly 1 MiB of text: far past every field's limit, small enough for one request. */
export const ONE_MB = 'x'.repeat(1024 * 1024)

export const HOSTILE_TEXT: Hostile[] = [
	{ label: 'script tag', value: '<script>alert(1)</script>' },
	{ label: 'event handler', value: '<img src=x onerror=alert(1)>' },
	{ label: 'attribute breakout', value: '" onmouseover="alert(1)' },
	{ label: 'javascript: link', value: 'javascript:alert(1)' },
	{ label: 'svg with script', value: '<svg><script>alert(1)</script></svg>' },
	{ label: 'right-to-left override', value: 'Ana\u202Egnp.exe' },
	{ label: 'isolates', value: '\u2066Ben\u2069 \u2067admin\u2069' },
	{ label: '1 MB string', value: ONE_MB },
	{ label: 'NUL bytes', value: 'Nul\u0000in\u0000the\u0000middle' },
	{ label: 'SQL-looking text', value: `'; DROP TABLE "User"; --` },
]

/** Field names that try to reach Object.prototype when a body is turned into an object. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor[prototype][polluted]']

/** JSON prototype-pollution shapes, each merged into an otherwise valid body. */
export const POLLUTING_JSON: Record<string, unknown>[] = [
	JSON.parse('{"__proto__":{"polluted":"yes","role":"merchant"}}'),
	JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
	JSON.parse('{"prototype":{"polluted":"yes"}}'),
]

/** Direction controls that must not survive in a stored name or title (decision 021). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/

/**
 * What must never appear in a page's HTML: a payload the browser would run. Escaped text
 * (&lt;script&gt;) and the same characters inside the page's serialized data are fine.
 */
const LIVE_MARKUP: { label: string; pattern: RegExp }[] = [
	{ label: 'script tag with our payload', pattern: /<script>alert\(1\)/i },
	{ label: 'img with onerror', pattern: /<img[^>]*\sonerror\s*=/i },
	{ label: 'onmouseover attribute', pattern: /<[a-z][^>]*\sonmouseover\s*=\s*["']?alert/i },
	{ label: 'svg with script', pattern: /<svg><script>/i },
	{ label: 'javascript: URL in an attribute', pattern: /\s(?:href|src|action|formaction|poster|data)\s*=\s*["']?\s*javascript:/i },
]

/** The live markup found in a page, by label (empty when the page is inert). */
export function liveMarkupIn(html: string): string[] {
	return LIVE_MARKUP.filter(({ pattern }) => pattern.test(html)).map(({ label }) => label)
}

// The forms a page offers, read from its server-rendered HTML, so the input test reaches every
// field a person can fill in without a hand-kept list that goes stale.

export type FormField = { name: string; value: string; type: string }
export type PageForm = { page: string; action: string; multipart: boolean; fields: FormField[] }

const decode = (text: string) =>
	text
		.replace(/&quot;/g, '"')
		.replace(/&#x27;|&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')

function attributes(tag: string): Record<string, string> {
	const found: Record<string, string> = {}
	for (const [, name, value] of tag.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)) found[name!.toLowerCase()] = decode(value ?? '')
	return found
}

// A value a person would type into an empty field of this type, so the rest of the form is valid.
const PLAIN: Record<string, string> = {
	number: '1',
	email: 'friend@quanzi.test',
	date: '2030-01-15',
	'datetime-local': '2030-01-15T10:00',
	time: '10:00',
	url: 'https://quanzi.test/page',
	tel: '13800138000',
	password: 'long enough password',
}

/** Every POST form on the page with the values it would submit as rendered (file inputs left out). */
export function formsIn(html: string, page: string): PageForm[] {
	const forms: PageForm[] = []
	for (const [, open, body] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const form = attributes(open!)
		if ((form.method ?? 'get').toLowerCase() !== 'post') continue
		const fields: FormField[] = []
		const radios = new Set<string>()
		for (const [tag] of body!.matchAll(/<input\b[^>]*>/g)) {
			const a = attributes(tag)
			const type = (a.type ?? 'text').toLowerCase()
			if (!a.name || type === 'file' || type === 'submit' || type === 'button' || 'disabled' in a) continue
			if (type === 'checkbox' && !('checked' in a)) continue
			if (type === 'radio') {
				if (radios.has(a.name) && !('checked' in a)) continue
				if (radios.has(a.name)) fields.splice(fields.findIndex((f) => f.name === a.name), 1)
				radios.add(a.name)
			}
			fields.push({ name: a.name, type, value: a.value || (type === 'checkbox' ? 'on' : PLAIN[type] ?? (type === 'hidden' ? '' : 'Plain words')) })
		}
		for (const [, open, text] of body!.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
			const a = attributes(open!)
			if (a.name) fields.push({ name: a.name, type: 'textarea', value: decode(text!) || 'Plain words in a longer text' })
		}
		for (const [, open, options] of body!.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
			const a = attributes(open!)
			const all = [...options!.matchAll(/<option\b[^>]*>/g)].map(([tag]) => attributes(tag))
			const chosen = all.find((o) => 'selected' in o) ?? all.find((o) => o.value)
			if (a.name && chosen) fields.push({ name: a.name, type: 'select', value: chosen.value ?? '' })
		}
		// The first named submit button is what a click sends (the form's intent).
		const button = [...body!.matchAll(/<button\b[^>]*>/g)].map(([tag]) => attributes(tag)).find((b) => b.name && (b.type ?? 'submit') === 'submit')
		if (button) fields.push({ name: button.name!, type: 'button', value: button.value ?? '' })
		forms.push({ page, action: form.action || page, multipart: form.enctype === 'multipart/form-data', fields })
	}
	return forms
}
