import { useRevalidator } from '@remix-run/react'
import { useEffect, useState } from 'react'
import type { DealProgressPush, DealView } from '#app/domain/groups/views.ts'
import { dealRoom } from '#app/realtime/events.ts'
import { usePublicRoom } from '#app/realtime/use-socket.ts'

export type DealProgress = Pick<DealProgressPush, 'joined' | 'target' | 'cap' | 'status'>

/**
 * A deal's counts as they change: the page's data, then each push to the deal's public room.
 * NOTE: one listener per deal on a page; a second one unmounting would leave the room for both.
 */
export function useDealProgress(deal: DealView): DealProgress {
	const revalidator = useRevalidator()
	const [pushed, setPushed] = useState<DealProgressPush | null>(null)
	// Fresh page data replaces whatever arrived live before it.
	useEffect(() => setPushed(null), [deal.joined, deal.status])
	usePublicRoom(
		dealRoom(deal.id),
		'deal:progress',
		(push) => {
			if (push.dealId !== deal.id) return
			setPushed(push)
			// An unlock or a release changes the viewer's own place too: read the page again.
			if (push.status !== deal.status && revalidator.state === 'idle') revalidator.revalidate()
		},
		// Joins made between this page's render and its socket joining the room were pushed before
		// it listened: read the page once more so the count is never behind.
		() => revalidator.state === 'idle' && revalidator.revalidate(),
	)
	const { joined, target, cap, status } = pushed ?? deal
	return { joined, target, cap, status }
}
