/** Logs in over real HTTP as a page would (form POST with our Origin); returns the cookie. */
export async function loginCookie(baseUrl: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password, redirectTo: '/' }),
	})
	const setCookie = response.headers.get('set-cookie')
	if (response.status !== 302 || !setCookie) throw new Error(`login failed: ${response.status}`)
	return setCookie.split(';')[0]!
}

/** Signs up a new member over HTTP; returns the session cookie. */
export async function signupCookie(baseUrl: string, email: string, password = 'long enough password'): Promise<string> {
	const response = await fetch(`${baseUrl}/signup`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password, displayName: 'Tester', redirectTo: '/' }),
	})
	const setCookie = response.headers.get('set-cookie')
	if (response.status !== 302 || !setCookie) throw new Error(`signup failed: ${response.status} ${await response.text()}`)
	return setCookie.split(';')[0]!
}
