// Which stream addresses a live room may play; client-safe, so forms can check before sending.

export type StreamKind = 'hls' | 'mp4'
export type StreamUrlCheck =
	| { ok: true; url: string; kind: StreamKind }
	| { ok: false; error: 'live.stream.invalid' | 'live.stream.origin' | 'live.stream.kind' }

export const MAX_STREAM_URL_CHARS = 2000
// Only to resolve a same-site path; `.invalid` can never be a real host.
const PLACEHOLDER = 'http://same-site.invalid'

/** HLS or MP4 by the address's path (a query string does not count), or null for anything else. */
export function streamKind(url: string): StreamKind | null {
	const path = toUrl(url)?.pathname.toLowerCase() ?? ''
	if (path.endsWith('.m3u8')) return 'hls'
	if (path.endsWith('.mp4')) return 'mp4'
	return null
}

/**
 * A same-site path (`/demo/live/index.m3u8`) or an http(s) address on one of the allowed
 * origins (LIVE_STREAM_ORIGINS, which the page's CSP also lets the player fetch from).
 */
export function checkStreamUrl(raw: string, allowedOrigins: readonly string[]): StreamUrlCheck {
	const text = raw.trim()
	// NOTE: `//host` and `/\host` are protocol-relative to browsers, and whitespace or control
	// characters inside an address are how `java\tscript:`-style tricks get past a prefix test.
	if (!text || text.length > MAX_STREAM_URL_CHARS || /[\s\x00-\x1f\x7f\\]/.test(text) || text.startsWith('//')) {
		return { ok: false, error: 'live.stream.invalid' }
	}
	const sameSite = text.startsWith('/')
	const url = parse(text, sameSite)
	if (!url) return { ok: false, error: 'live.stream.invalid' }
	if (!sameSite && !allowedOrigins.includes(url.origin)) return { ok: false, error: 'live.stream.origin' }
	const kind = streamKind(url.href)
	if (!kind) return { ok: false, error: 'live.stream.kind' }
	return { ok: true, url: sameSite ? url.pathname + url.search : url.href, kind }
}

/** The address, when it is a same-site path or an http(s) URL without credentials. */
function parse(text: string, sameSite: boolean): URL | null {
	if (!sameSite && !/^https?:\/\//i.test(text)) return null
	const url = toUrl(text)
	if (!url || (sameSite && url.origin !== PLACEHOLDER)) return null
	if (url.username || url.password) return null
	return url
}

// NOTE: not URL.canParse, which Safari before 17 (older iPhones) lacks.
function toUrl(text: string): URL | null {
	try {
		return new URL(text, PLACEHOLDER)
	} catch {
		return null
	}
}
