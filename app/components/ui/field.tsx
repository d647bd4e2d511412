import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react'

type Common = { label: string; hint?: string; error?: string }

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field({ label, hint, error, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
	const id = useId()
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
			<FieldNotes id={id} hint={hint} error={error} />
		</div>
	)
}

export function SelectField({ label, hint, error, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
	const id = useId()
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
				{children}
			</select>
			<FieldNotes id={id} hint={hint} error={error} />
		</div>
	)
}

function describedBy(id: string, hint?: string, error?: string) {
	return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
}

function FieldNotes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
	return (
		<>
			{hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
			{error ? <p id={`${id}-error`} className="field-error" role="alert">{error}</p> : null}
		</>
	)
}

/** A message about the whole form (not one field). */
export function FormAlert({ message }: { message?: string | null }) {
	if (!message) return null
	return <p className="form-alert" role="alert">{message}</p>
}
