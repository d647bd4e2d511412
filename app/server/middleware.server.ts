import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes, randomUUID } from 'node:crypto'
import type { HandleErrorFunction, ServerBuild } from '@remix-run/node'
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express'
import { authenticate } from '#app/domain/accounts/auth.server.ts'
import { isDatabaseKnownDown, noteDatabaseFailure, noteRefusedWhileDown, probeDatabase } from '#app/lib/database-health.server.ts'
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailable } from '#app/lib/db.server.ts'
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, translator, type Locale } from '#app/lib/i18n/index.ts'
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

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/**
 * Pages take form bodies only: a write with a body of any other type (JSON, XML, text) is refused
 * with 415 before an action tries to read it as a form. The signed webhook takes JSON and
 * Socket.IO's polling transport its own frames; a write with no body passes.
 */
export function formBodiesOnly(): Middleware {
	return (req, res, next) => {
		if (!WRITE.has(req.method) || SIGNED_WRITES.has(req.path) || req.path.startsWith('/socket.io/')) return next()
		const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
		const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
		if (!hasBody || FORM_TYPES.includes(type)) return next()
		res.status(415).type('text/plain').send(`Unsupported body type "${type || 'none'}": Quanzi's pages take forms (application/x-www-form-urlencoded or multipart/form-data). Send the form from the page.`)
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
				// A database that is busy or gone is logged once per burst by databaseUnavailable().
				if (!isDatabaseUnavailable(error)) logError('session:read', error)
				next(error)
			})
	}
}

/** A request's record of a database fault that Remix caught and rendered as an error page. */
type FaultScope = { databaseError?: unknown }
const faultScope = new AsyncLocalStorage<FaultScope>()

/** Thrown in place of Remix's 500 response when the request failed because the database was unavailable. */
class DatabaseUnavailableError extends Error {
	constructor(readonly original: unknown) {
		super('database unavailable', { cause: original })
	}
}

/**
 * Remix catches a loader's or action's error and renders the error page (500) itself, so the
 * Express error handler never sees it. Its `handleError` hook notes a database fault in the
 * request's scope; any other error is logged as Remix would.
 */
export function withDatabaseFaults(build: ServerBuild): ServerBuild {
	const handleError: HandleErrorFunction = (error, args) => {
		const scope = faultScope.getStore()
		if (scope && isDatabaseUnavailable(error)) scope.databaseError = error
		else if (build.entry.module.handleError) build.entry.module.handleError(error, args)
		else if (!args.request.signal.aborted) console.error(error)
	}
	return { ...build, entry: { ...build.entry, module: { ...build.entry.module, handleError } } }
}

/**
 * Runs the Remix handler in a fault scope. When the database failed the request, the 500 page
 * Remix is about to send is dropped (its `res.status` call throws) and the error goes to
 * `databaseUnavailable()` instead, which answers 503.
 */
export function answerDatabaseFaults(remix: RequestHandler): RequestHandler {
	return (req, res, next) => {
		const scope: FaultScope = {}
		const setStatus = res.status.bind(res)
		res.status = (code: number) => {
			if (code >= 500 && scope.databaseError !== undefined) {
				res.status = setStatus
				throw new DatabaseUnavailableError(scope.databaseError)
			}
			return setStatus(code)
		}
		return faultScope.run(scope, () => remix(req, res, next))
	}
}

/** The 503 text in the visitor's language. */
function unavailableText(req: Request, res: Response): string {
	const locale = (res.locals.locale as Locale | undefined) ?? pickLocale(null, req.headers.cookie, req.headers['accept-language'])
	return translator(locale)('page.databaseBusy', { seconds: DATABASE_RETRY_AFTER_S })
}

/** Answers 503 with a retry hint: JSON for data, API and health requests, a short page for people. */
export function sendDatabaseUnavailable(req: Request, res: Response, options: { json?: boolean } = {}): void {
	const message = unavailableText(req, res)
	res.status(503).setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S))
	res.setHeader('Cache-Control', 'no-store')
	const wantsJson = options.json || req.path.endsWith('.data') || req.path.startsWith('/api/') || (req.headers.accept ?? '').includes('application/json')
	if (wantsJson) {
		res.json({ ok: false, database: 'unavailable', message, retryAfterSeconds: DATABASE_RETRY_AFTER_S })
		return
	}
	const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
	res.type('html').send(`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Quanzi</title></head><body><p>${escaped}</p></body></html>`)
}

/** Answers 503 at once while the database is known to be unavailable; lets requests through again once it is back. */
export function databaseGate(): Middleware {
	return (req, res, next) => {
		if (!isDatabaseKnownDown()) return next()
		probeDatabase().then(
			(writable) => {
				if (writable) return next()
				noteRefusedWhileDown()
				sendDatabaseUnavailable(req, res)
			},
			(error: unknown) => next(error),
		)
	}
}

/** Express error handler: a database that is busy or gone is a 503 with Retry-After, logged once per burst. */
export function databaseUnavailable(): ErrorRequestHandler {
	return (error, req, res, next) => {
		const cause = error instanceof DatabaseUnavailableError ? error.original : error
		if (!(error instanceof DatabaseUnavailableError) && !isDatabaseUnavailable(error)) return next(error)
		noteDatabaseFailure(cause, req.path)
		if (res.headersSent) return res.end()
		sendDatabaseUnavailable(req, res)
	}
}
