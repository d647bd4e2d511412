import type { MessageKey } from '#app/lib/i18n/index.ts'

/** Why an upload was refused, as a message that tells the member what to do next. */
export type MediaFailure = { message: MessageKey; params?: Record<string, string | number> }

/** Thrown inside the media pipeline; callers turn it back into a MediaFailure. */
export class MediaError extends Error {
	constructor(readonly failure: MediaFailure) {
		super(failure.message)
		this.name = 'MediaError'
	}
}

export const MB = 1024 * 1024

/** "18.2" for a byte count, in the same MB (1024 × 1024) as the configured limits. */
export function megabytes(bytes: number): string {
	return (Math.ceil((bytes / MB) * 10) / 10).toFixed(1).replace(/\.0$/, '')
}

/** "4:05" for 245 seconds, the way a phone's video player shows a length. */
export function clockDuration(seconds: number): string {
	const whole = Math.ceil(seconds)
	return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}
