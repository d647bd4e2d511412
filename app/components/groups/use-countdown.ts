import { useEffect, useState } from 'react'

/**
 * Milliseconds until the deadline, ticking once a second; null until the page is hydrated, so
 * the server's render and the browser's first one agree (the server's clock is not the reader's).
 */
export function useCountdown(deadline: string): number | null {
	const end = Date.parse(deadline)
	const [now, setNow] = useState<number | null>(null)
	useEffect(() => {
		const tick = () => {
			const at = Date.now()
			setNow(at)
			if (at >= end) clearInterval(timer)
		}
		const timer = setInterval(tick, 1000)
		tick()
		return () => clearInterval(timer)
	}, [end])
	return now === null ? null : end - now
}
