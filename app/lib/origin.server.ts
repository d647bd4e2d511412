import type { IncomingHttpHeaders } from 'node:http'

/**
 * Whether a request's Origin is our own: the configured public URL, or the host the
 * browser addressed (so http://127.0.0.1:3000 and http://localhost:3000 both work
 * locally). A browser always sends Origin on cross-site writes and WebSocket
 * handshakes, so a foreign one means another site is trying to act for our user.
 */
export function isSameOrigin(headers: IncomingHttpHeaders, publicUrl: string, options = { allowMissing: true }): boolean {
	const origin = headers.origin
	if (!origin) return options.allowMissing
	if (origin === new URL(publicUrl).origin) return true
	try {
		return new URL(origin).host === headers.host
	} catch {
		return false
	}
}

/**
 * The CSRF rule for state-changing HTTP requests: our Origin, or (for the rare
 * browser that omits it) a Sec-Fetch-Site of same-origin. Neither means refused.
 */
export function isTrustedWrite(headers: IncomingHttpHeaders, publicUrl: string): boolean {
	if (headers.origin) return isSameOrigin(headers, publicUrl)
	return headers['sec-fetch-site'] === 'same-origin'
}
