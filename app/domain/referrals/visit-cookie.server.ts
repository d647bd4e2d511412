import type { Visit } from './links.server.ts'
import { ATTRIBUTION_WINDOW_DAYS } from './attribution.server.ts'

export const VISIT_COOKIE = 'quanzi_ref'
const MAX_AGE_S = ATTRIBUTION_WINDOW_DAYS * 24 * 3600

/** The link visit remembered in this browser, if any: "<kind>.<code>.<visited ms>". */
export function readVisit(cookieHeader: string | null): (Visit & { at: Date }) | null {
	const match = new RegExp(`(?:^|;\\s*)${VISIT_COOKIE}=(referral|share)\\.([a-z0-9]{4,16})\\.(\\d{10,15})`).exec(cookieHeader ?? '')
	if (!match) return null
	return { kind: match[1] as Visit['kind'], code: match[2]!, at: new Date(Number(match[3])) }
}

/**
 * The Set-Cookie for a new visit, or null when an earlier visit in the window already
 * holds it: the first link a person opened is the one that brought them.
 */
export function visitCookie(visit: Visit, cookieHeader: string | null, now = new Date()): string | null {
	const earlier = readVisit(cookieHeader)
	if (earlier && now.getTime() - earlier.at.getTime() < MAX_AGE_S * 1000) return null
	return `${VISIT_COOKIE}=${visit.kind}.${visit.code}.${now.getTime()}; Path=/; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax`
}
