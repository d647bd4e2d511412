import { useCallback } from 'react'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export type LiveNotice = { message: string; params?: Record<string, string | number> }

/**
 * A refusal from the live socket in the viewer's language. The server sends i18n keys; a
 * time parameter (a mute's end) is shown as a clock time.
 */
export function useLiveText() {
	const t = useT()
	const time = useDateFormat({ hour: '2-digit', minute: '2-digit' })
	return useCallback(
		(notice: LiveNotice) => {
			const params = { ...notice.params }
			if (typeof params.until === 'string') params.until = time.format(new Date(params.until))
			return t(notice.message as MessageKey, params)
		},
		[t, time],
	)
}
