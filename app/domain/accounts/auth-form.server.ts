import { data, redirect } from '@remix-run/node'
import type { z } from 'zod'
import { parseForm, refusalStatus, refusalToForm } from '#app/lib/forms.ts'
import { safeRedirectPath } from '#app/lib/http.ts'
import type { Refusal } from './accounts.server.ts'

/**
 * The action of the login and sign-up forms: parse, submit, and either answer with
 * the form's errors (password never echoed) or set the session cookie and go on.
 */
export async function handleAuthForm<S extends z.ZodTypeAny>(
	request: Request,
	schema: S,
	submit: (input: z.output<S>) => Promise<{ ok: true; setCookie: string } | Refusal>,
) {
	const formData = await request.formData()
	const parsed = parseForm(schema, formData, ['password'])
	if (!parsed.ok) return data(parsed, { status: 400 })
	const result = await submit(parsed.data)
	if (!result.ok) return data(refusalToForm(result, formData, ['password']), { status: refusalStatus(result) })
	return redirect(safeRedirectPath(formData.get('redirectTo')), { headers: { 'Set-Cookie': result.setCookie } })
}
