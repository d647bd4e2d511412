import { useEffect } from 'react'

const VISIBLE_MS = 6_000

/** A short message at the bottom of the screen, read out by screen readers. */
export function Toast({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
	useEffect(() => {
		if (!message) return
		const timer = setTimeout(onDismiss, VISIBLE_MS)
		return () => clearTimeout(timer)
	}, [message, onDismiss])
	return (
		<div className="toast-region" role="status" aria-live="polite">
			{message ? (
				<button type="button" className="toast" onClick={onDismiss}>
					{message}
				</button>
			) : null}
		</div>
	)
}
