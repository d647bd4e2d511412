import type { FormFailure } from '#app/lib/forms.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

/** Translated errors of a failed form: one per field, and one for the whole form. */
export function useFormFailure(failure: FormFailure | undefined) {
	const t = useT()
	const fieldError = (field: string) => {
		const key = failure?.fieldErrors[field]
		return key ? t(key) : undefined
	}
	const formError = failure?.formError ? t(failure.formError, failure.formParams) : null
	return { fieldError, formError, value: (field: string) => failure?.values[field] }
}
