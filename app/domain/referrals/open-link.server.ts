import { redirect } from '@remix-run/node'
import { openLink, type Visit } from './links.server.ts'
import { visitCookie } from './visit-cookie.server.ts'

/** The loader of /r/<code> and /s/<code>: count the visit, remember it, go to the target. */
export async function followLink(kind: Visit['kind'], code: string | undefined, request: Request) {
	const target = code && /^[a-z0-9]{4,16}$/.test(code) ? await openLink({ kind, code }) : null
	if (!target) return redirect('/')
	const cookie = visitCookie({ kind, code: code! }, request.headers.get('Cookie'))
	return redirect(target.path, cookie ? { headers: { 'Set-Cookie': cookie } } : undefined)
}
