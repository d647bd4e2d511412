import { randomBytes, randomUUID } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import { authenticate } from '#app/domain/accounts/auth.server.ts'
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from '#app/lib/i18n/index.ts'
import { logError, logEvent } from '#app/lib/log.server.ts'
import { isTrustedWrite } from '#app/lib/origin.server.ts'

type Middleware = (req: Request, res: Response, next: NextFunction) => void
/** The largest request body Quanzi accepts outside uploads (forms and JSON are far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024

/** One structured log line per request: id, method, path, status, duration. */
export function requestLog(enabled: boolean): Middleware {
	return (req, res, next) => {
		const started = process.hrtime.bigint()
		const id = randomUUID()
		res.locals.requestId = id
		res.setHeader('X-Request-Id', id)
		if (enabled) {
			res.on('finish', () => {
				const ms = Number(process.hrtime.bigint() - started) / 1e6
				logEvent('request', { id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 })
			})
		}
		next()
	}
}

/**
 * Security headers, with a fresh CSP nonce per response for Remix's inline scripts.
 * streamOrigins (LIVE_STREAM_ORIGINS) may serve live video: hls.js fetches playlists and
 * segments (connect-src), and a native player or an MP4 loads from them directly (media-src).
 */
export function securityHeaders(options: { dev: boolean; https: boolean; streamOrigins: readonly string[] }): Middleware {
	const streams = options.streamOrigins.map((origin) => ` ${origin}`).join('')
	return (req, res, next) => {
		const nonce = randomBytes(16).toString('base64')
		res.locals.cspNonce = nonce
		const host = req.headers.host ?? ''
		const script = options.dev ? "'self' 'unsafe-inline' 'unsafe-eval'" : `'self' 'nonce-${nonce}'`
		const style = options.dev ? "'self' 'unsafe-inline'" : "'self'"
		const csp = [
			"default-src 'self'",
			`script-src ${script}`,
			`style-src ${style}`,
			"img-src 'self' data: blob:",
			"font-src 'self'",
			`connect-src 'self' ws://${host} wss://${host}${streams}`,
			`media-src 'self' blob:${streams}`,
			"object-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
			"frame-ancestors 'none'",
		]
		res.setHeader('Content-Security-Policy', csp.join('; '))
		res.setHeader('X-Content-Type-Options', 'nosniff')
		res.setHeader('X-Frame-Options', 'DENY')
		res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
		res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
		if (options.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
		next()
	}
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Refuses bodies over the limit before they are read, and bodies of unknown length.
 * Multipart forms carry photos and video and get their own, larger limit; each file's
 * own limit is enforced while it streams (app/domain/media/upload.server.ts).
 */
export function bodyLimit(maxBytes: number, multipartMaxBytes = maxBytes): Middleware {
	return (req, res, next) => {
		const length = req.headers['content-length']
		const multipart = req.headers['content-type']?.toLowerCase().startsWith('multipart/form-data') ?? false
		const limit = multipart ? multipartMaxBytes : maxBytes
		if (length !== undefined && Number(length) > limit) {
			res.setHeader('Connection', 'close')
			res.status(413).type('text/plain').send(`Request too large: Quanzi accepts up to ${Math.round(limit / 1024)} KB here. Send less and try again.`)
			return
		}
		if (length === undefined && req.headers['transfer-encoding'] && WRITE.has(req.method)) {
			res.status(411).type('text/plain').send('Send a Content-Length header with the request body.')
			return
		}
		next()
	}
}

/**
 * Writes that are not made by a browser and prove themselves another way, so they carry no
 * Origin of ours: the shop's order webhook is signed with a shared secret (HMAC over its
 * timestamp and body, app/domain/membership/orders-webhook.server.ts) and uses no cookie, so
 * a forged cross-site request gains nothing. Exactly these paths, nothing under them.
 */
const SIGNED_WRITES = new Set(['/api/orders'])

/** CSRF: a state-changing request must come from our own pages (docs/decisions/002-auth.md). */
export function originCheck(publicUrl: string): Middleware {
	return (req, res, next) => {
		if (WRITE.has(req.method) && !SIGNED_WRITES.has(req.path) && !isTrustedWrite(req.headers, publicUrl)) {
			logEvent('csrf:refused', { path: req.path, origin: req.headers.origin ?? null })
			res.status(403).type('text/plain').send('Refused: this request did not come from a Quanzi page. Open Quanzi and try again there.')
			return
		}
		next()
	}
}

function readCookie(header: string | undefined, name: string): string | undefined {
	const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(header ?? '')
	return match?.[1]
}

/** The member's language: their setting, then the language cookie, then Accept-Language. */
export function pickLocale(userLocale: string | null | undefined, cookieHeader: string | undefined, acceptLanguage: string | undefined): Locale {
	if (isLocale(userLocale)) return userLocale
	const fromCookie = readCookie(cookieHeader, LOCALE_COOKIE)
	if (isLocale(fromCookie)) return fromCookie
	return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE
}

export const DEVICE_COOKIE = 'quanzi_device'
const TWO_YEARS_S = 2 * 365 * 24 * 3600

/** The device id from a Cookie header, when it is one we could have set. */
export function readDeviceId(header: string | undefined): string | null {
	const id = readCookie(header, DEVICE_COOKIE)
	return id && /^[A-Za-z0-9_-]{16,64}$/.test(id) ? id : null
}

/** A random id per browser (HttpOnly), so the referral rules can tell one browser's accounts apart. */
export function deviceCookie(): Middleware {
	return (req, res, next) => {
		let id = readDeviceId(req.headers.cookie)
		if (!id) {
			id = randomBytes(18).toString('base64url')
			res.append('Set-Cookie', `${DEVICE_COOKIE}=${id}; Path=/; Max-Age=${TWO_YEARS_S}; HttpOnly; SameSite=Lax`)
		}
		res.locals.deviceId = id
		next()
	}
}

/** Reads the session once per request; a renewed or dead session rewrites the cookie. */
export function sessionContext(): Middleware {
	return (req, res, next) => {
		authenticate(req.headers.cookie)
			.then((auth) => {
				if (auth.setCookie) res.append('Set-Cookie', auth.setCookie)
				res.locals.user = auth.user
				res.locals.sessionToken = auth.token
				res.locals.locale = pickLocale(auth.user?.locale, req.headers.cookie, req.headers['accept-language'])
				next()
			})
			.catch((error: unknown) => {
				logError('session:read', error)
				next(error)
			})
	}
}
