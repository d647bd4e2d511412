/** Throws a Response (caught by the error boundary) unless the condition holds. */
export function invariantResponse(
	condition: unknown,
	message: string,
	init: ResponseInit = { status: 400 },
): asserts condition {
	if (!condition) throw new Response(message, { ...init, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...init.headers } })
}

/** A safe same-site path to return to after login; anything else falls back to home. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
	return to
}
