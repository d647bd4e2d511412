/** The session cookie ("quanzi_session=…") among a response's Set-Cookie headers. */
function sessionCookie(response: Response): string | undefined {
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('quanzi_session='))
}

/** Logs in over real HTTP as a page would (form POST with our Origin); returns the cookie. */
export async function loginCookie(baseUrl: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password, redirectTo: '/' }),
	})
	const cookie = sessionCookie(response)
	if (response.status !== 302 || !cookie) throw new Error(`login failed: ${response.status}`)
	return cookie
}

/** Signs up a new member over HTTP; returns the session cookie. */
export async function signupCookie(baseUrl: string, email: string, password = 'long enough password'): Promise<string> {
	const response = await fetch(`${baseUrl}/signup`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password, displayName: 'Tester', redirectTo: '/' }),
	})
	const cookie = sessionCookie(response)
	if (response.status !== 302 || !cookie) throw new Error(`signup failed: ${response.status} ${await response.text()}`)
	return cookie
}
