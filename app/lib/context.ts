import type { User } from 'lucia'
import type { Locale } from './i18n/index.ts'

/**
 * What server.ts hands every loader and action: the request's user (authenticated
 * once, before Remix runs), its session token, the CSP nonce, and the locale.
 */
declare module '@remix-run/node' {
	interface AppLoadContext {
		requestId: string
		/** The client's address (from X-Forwarded-For only behind a local proxy). */
		clientAddress: string
		/** This browser's random id (the quanzi_device cookie). */
		deviceId: string
		user: User | null
		sessionToken: string | null
		cspNonce: string
		locale: Locale
	}
}

export {}
