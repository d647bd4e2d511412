/** Throws a Response (caught by the error boundary) unless the condition holds. */
export function invariantResponse(
	condition: unknown,
	message: string,
	init: ResponseInit = { status: 400 },
): asserts condition {
	if (!condition) throw new Response(message, { ...init, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...init.headers } })
}

const BASE = 'http://quanzi.invalid'

/**
 * A same-site path to return to after login; anything else falls back to home.
 * NOTE: parsed the way a browser parses it, which drops tabs and newlines and reads
 * a backslash as a slash, so "/\t/evil.example" cannot become "//evil.example".
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof to !== 'string' || !to.startsWith('/')) return fallback
	try {
		const url = new URL(to, BASE)
		if (url.origin !== BASE) return fallback
		return url.pathname + url.search + url.hash
	} catch {
		return fallback
	}
}
