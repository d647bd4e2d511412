import type { z } from 'zod'
import type { MessageKey } from './i18n/index.ts'

export type FieldErrors = Partial<Record<string, MessageKey>>
export type FormFailure = {
	ok: false
	fieldErrors: FieldErrors
	formError?: MessageKey
	formParams?: Record<string, string | number>
	values: Record<string, string>
}

/** The form's text fields, to send back so the user's input is kept on an error. */
export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
	const values: Record<string, string> = {}
	for (const [key, value] of formData) {
		if (typeof value === 'string' && !omit.includes(key)) values[key] = value
	}
	return values
}

/**
 * Parses a form with a zod schema whose messages are i18n keys. On failure the
 * first message per field comes back, with the typed values minus secrets.
 */
export function parseForm<S extends z.ZodTypeAny>(
	schema: S,
	formData: FormData,
	secretFields: string[] = [],
): { ok: true; data: z.output<S> } | FormFailure {
	const raw = Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string'))
	const result = schema.safeParse(raw)
	if (result.success) return { ok: true, data: result.data }
	const fieldErrors: FieldErrors = {}
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form')
		fieldErrors[field] ??= issue.message as MessageKey
	}
	return { ok: false, fieldErrors, values: formValues(formData, secretFields) }
}

/** A refusal from the domain (wrong password, taken email, throttled) as a form failure. */
export function refusalToForm(
	refusal: { error: MessageKey; field?: string; params?: Record<string, string | number> },
	formData: FormData,
	secretFields: string[] = [],
): FormFailure {
	const values = formValues(formData, secretFields)
	if (refusal.field) return { ok: false, fieldErrors: { [refusal.field]: refusal.error }, values }
	return { ok: false, fieldErrors: {}, formError: refusal.error, formParams: refusal.params, values }
}

/** 429 when the refusal is a throttle (the client should wait), 400 otherwise. */
export function refusalStatus(refusal: { error: MessageKey }): number {
	return refusal.error === 'error.tooManyAttempts' ? 429 : 400
}
