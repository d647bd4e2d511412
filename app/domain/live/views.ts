import type { MediaView } from '#app/domain/posts/views.ts'

// What the live pages and the live socket events carry; client-importable.

export const ROOM_STATUSES = ['scheduled', 'live', 'ended'] as const
export type RoomStatus = (typeof ROOM_STATUSES)[number]

/** Chat limits (issue 6): 500 characters, the last 50 replayed on join. */
export const MAX_MESSAGE_CHARS = 500
export const REPLAY_MESSAGES = 50
/** Pins on screen at once (what live-selling players show). */
export const MAX_PINS = 3
/** Flood limit for everyone: more than FLOOD_MESSAGES in FLOOD_WINDOW_MS pauses chat for FLOOD_PAUSE_MS. */
export const FLOOD_MESSAGES = 2
export const FLOOD_WINDOW_MS = 1000
export const FLOOD_PAUSE_MS = 10_000
/** Viewers send a heartbeat this often while the page is open; one missed beat and a half and they no longer count. */
export const BEAT_MS = 10_000
export const BEAT_GRACE_MS = 25_000
/** How often likes and stock are broadcast, and the viewer count. */
export const LIKE_TICK_MS = 250
export const PRESENCE_TICK_MS = 3000
/** Slow-mode choices a moderator may pick (seconds between a member's messages; 0 is off). */
export const SLOW_MODE_CHOICES = [0, 3, 5, 10, 30, 60] as const
/** Taps a client may report in one burst. */
export const MAX_TAPS_PER_BURST = 50
/** Flash-sale bounds a host may set (countdown 0–5 minutes, open 1–20 minutes). */
export const SALE_LIMITS = { countdownSeconds: [0, 300], durationMinutes: [1, 20], stock: [1, 100_000], perMember: [1, 99] } as const

export type ChatMessage = {
	id: number
	roomId: string
	userId: string
	author: string
	/** host | moderator | staff | null, shown as a badge. */
	badge: 'host' | 'moderator' | null
	body: string
	createdAt: string
}

export type PinView = {
	productId: string
	name: string
	priceCents: number
	image: MediaView | null
	pinnedAt: string
}

export type FlashSaleView = {
	id: string
	productId: string
	productName: string
	priceCents: number
	listPriceCents: number
	stock: number
	remaining: number
	perMember: number
	opensAt: string
	closesAt: string
	stoppedAt: string | null
}

export type LikeTotals = { roomId: string; total: number; products: Record<string, number> }

export type RoomState = { roomId: string; status: RoomStatus; slowModeSeconds: number; membersOnly: boolean }

/** What a viewer's socket is told on joining (and on every rejoin after a reconnect). */
export type LiveSnapshot = {
	room: RoomState
	/** The last REPLAY_MESSAGES, or, when afterId was given, every message after it (up to 200). */
	messages: ChatMessage[]
	/** Messages removed by moderators recently, so a reconnecting client drops them too. */
	removedIds: number[]
	pins: PinView[]
	sale: FlashSaleView | null
	likes: LikeTotals
	viewers: number
	you: {
		userId: string | null
		canModerate: boolean
		/** null when the viewer may chat; otherwise the i18n key of the reason. */
		chatBlocked: string | null
		mutedUntil: string | null
		/** Units this member has claimed in the current sale. */
		claimed: number
	}
}

export type RoomCard = {
	id: string
	title: string
	description: string
	status: RoomStatus
	startsAt: string
	startedAt: string | null
	endedAt: string | null
	host: { id: string; displayName: string }
	cover: MediaView | null
	subscribed: boolean
	subscribers: number
	products: { id: string; name: string; priceCents: number }[]
}

/** The merchant's summary of a started or ended room (app/domain/live/summary.server.ts); first, one product's demand. */
export type ProductDemand = {
	id: string
	name: string
	priceCents: number
	featured: boolean
	pinned: boolean
	/** The room's "want it" counter (LiveRoomProduct.wantCount; the members' own taps summed where there is no row). */
	wantTaps: number
	wantMembers: number
	claimedUnits: number
	claimers: number
	/** Members who tapped "want it" and claimed none of it in this room's sales. */
	idleWanters: number
	forecast: number
}

export type SaleFigures = {
	id: string
	productId: string
	productName: string
	priceCents: number
	stock: number
	claimed: number
	claimers: number
	opensAt: string
	closesAt: string
	stoppedAt: string | null
}

export type RoomSummary = {
	room: { id: string; title: string; status: RoomStatus; startedAt: string | null; endedAt: string | null; peakViewers: number; likeCount: number }
	messages: { kept: number; deleted: number }
	products: ProductDemand[]
	sales: SaleFigures[]
}

/**
 * LiveRoomProduct rows at this position or beyond are not featured: they only carry the
 * "want it" count of a product pinned without being featured (app/domain/live/likes.server.ts).
 */
export const COUNTED_ONLY_POSITION = 100
