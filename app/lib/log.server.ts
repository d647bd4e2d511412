/** One JSON object per line on stdout, so logs can be shipped and queried as they are. */
export function logEvent(event: string, fields: Record<string, unknown> = {}): void {
	process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`)
}

export function logError(event: string, error: unknown, fields: Record<string, unknown> = {}): void {
	const message = error instanceof Error ? error.message : String(error)
	const stack = error instanceof Error ? error.stack : undefined
	process.stderr.write(
		`${JSON.stringify({ t: new Date().toISOString(), event, level: 'error', message, stack, ...fields })}\n`,
	)
}
