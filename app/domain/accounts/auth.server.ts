import { redirect } from '@remix-run/node'
import { Lucia, TimeSpan, type Session, type User } from 'lucia'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { safeRedirectPath } from '#app/lib/http.ts'
import { remember } from '#app/lib/remember.ts'
import { hasRole, type Role } from './roles.ts'
import { HashedSessionAdapter, sessionKey } from './session-store.server.ts'

export const SESSION_COOKIE = 'quanzi_session'
// A session not used for this long ends; each use within it extends it (lucia renews
// once half of it has passed, so the cookie is rewritten at most every week).
export const SESSION_IDLE_DAYS = 14

function createLucia() {
	return new Lucia(new HashedSessionAdapter(), {
		sessionExpiresIn: new TimeSpan(SESSION_IDLE_DAYS, 'd'),
		sessionCookie: {
			name: SESSION_COOKIE,
			expires: true,
			attributes: { secure: getEnv().PUBLIC_URL.startsWith('https://'), sameSite: 'lax' },
		},
		getUserAttributes: (a) => ({ email: a.email, displayName: a.displayName, role: a.role, locale: a.locale }),
	})
}

export const lucia = remember('lucia', createLucia)

declare module 'lucia' {
	interface Register {
		Lucia: ReturnType<typeof createLucia>
		DatabaseUserAttributes: { email: string; displayName: string; role: string; locale: string | null }
	}
}

export type SessionUser = User
export type AuthResult =
	| { user: User; session: Session; token: string; setCookie?: string }
	| { user: null; session: null; token: null; setCookie?: string }

/**
 * The signed-in user for a request's Cookie header. setCookie is set when the
 * session was renewed (a fresh expiry) or found invalid (a blank cookie).
 */
export async function authenticate(cookieHeader: string | null | undefined): Promise<AuthResult> {
	const token = lucia.readSessionCookie(cookieHeader ?? '')
	if (!token) return { user: null, session: null, token: null }
	const { user, session } = await lucia.validateSession(token)
	if (!session) return { user: null, session: null, token: null, setCookie: lucia.createBlankSessionCookie().serialize() }
	if (session.fresh) return { user, session, token, setCookie: lucia.createSessionCookie(session.id).serialize() }
	return { user, session, token }
}

/** Starts a session for the user and returns its Set-Cookie header. */
export async function startSession(userId: string): Promise<{ token: string; setCookie: string }> {
	const session = await lucia.createSession(userId, {})
	return { token: session.id, setCookie: lucia.createSessionCookie(session.id).serialize() }
}

/** Ends one session (logout) and tells its open sockets to close. */
export async function endSession(token: string): Promise<string> {
	await lucia.invalidateSession(token)
	domainEvents.emit('session:ended', { sessionIds: [sessionKey(token)] })
	return lucia.createBlankSessionCookie().serialize()
}

/** Ends every session of the user except the one with keepToken (after a password change). */
export async function endOtherSessions(userId: string, keepToken: string): Promise<void> {
	const keep = sessionKey(keepToken)
	const others = await prisma.session.findMany({ where: { userId, id: { not: keep } }, select: { id: true } })
	if (others.length === 0) return
	await prisma.session.deleteMany({ where: { id: { in: others.map((s) => s.id) } } })
	domainEvents.emit('session:ended', { sessionIds: others.map((s) => s.id) })
}

type RequestArgs = { request: Request; context: { user: User | null } }

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser({ request, context }: RequestArgs): User {
	if (!context.user) {
		const url = new URL(request.url)
		throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`)
	}
	return context.user
}

/** For the login and sign-up pages: a signed-in member goes where they were heading. */
export function redirectIfSignedIn({ request, context }: RequestArgs): void {
	if (context.user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')))
}

/** The signed-in user when their role allows the action; 403 otherwise. */
export function requireRole(args: RequestArgs, role: Role): User {
	const user = requireUser(args)
	if (!hasRole(user.role, role)) throw new Response('Forbidden', { status: 403 })
	return user
}
