// What group pages and group socket events carry; client-importable.
import type { MessageKey } from '#app/lib/i18n/index.ts'

export type DealStatus = 'open' | 'unlocked' | 'released'
export type DealProgressPush = { dealId: string; joined: number; target: number; cap: number; status: DealStatus }

/** A member's place in a deal: held until it unlocks, then confirmed (an order intent), or released. */
export type DealJoinStatus = 'held' | 'confirmed' | 'released'
export type DealImage = { id: string; kind: string; status: string; width: number | null; height: number | null; placeholder: string | null; format: string }

/** A deal as any page shows it, seen by one viewer. */
export type DealView = {
	id: string
	status: DealStatus
	priceCents: number
	target: number
	cap: number
	joined: number
	deadline: string
	unlockedAt: string | null
	releasedAt: string | null
	product: { id: string; name: string; priceCents: number; image: DealImage | null }
	/** null: the merchant's own deal, open to every member. */
	group: { id: string; name: string; visibility: string } | null
	you: {
		signedIn: boolean
		/** Signed in and allowed by the group (its members only when it is invite-only). */
		eligible: boolean
		join: DealJoinStatus | null
	}
}

/** The deal page adds who joined: names for the group's members and staff, the count for everyone. */
export type DealDetail = DealView & { joinerNames: string[] | null }

/** What the deal page's action answers a join or leave with (the card shows it). */
export type DealActionReply = { ok: true; intent: 'join' | 'leave' } | { ok: false; intent: string; error: MessageKey }
