/** The Socket.IO contract, shared by the server and the browser. */
import type { DealProgressPush } from '#app/domain/groups/views.ts'
import type { DayWinPush } from '#app/domain/member-days/views.ts'
import type { ChatMessage, FlashSaleView, LikeTotals, LiveSnapshot, PinView, RoomState, RoomStatus } from '#app/domain/live/views.ts'

/** A handler's answer: the data, or the i18n key of what went wrong (with its parameters). */
export type Ack<T> = (reply: { data: T } | { error: string; params?: Record<string, string | number> }) => void

export type NotificationPush = {
	id: string
	kind: string
	params: Record<string, string | number>
	link: string | null
	createdAt: string
	unread: number
}

export interface ServerToClientEvents {
	'notification:new': (notification: NotificationPush) => void
	'session:ended': () => void
	/** A candidate's count changed; sent to `public:vote`. */
	'vote:count': (count: VoteCountPush) => void
	// Live rooms: sent to `live:<roomId>` (see app/realtime/live-handlers.server.ts).
	'chat:message': (message: ChatMessage) => void
	'chat:removed': (removed: { roomId: string; ids: number[] }) => void
	'like:totals': (totals: LikeTotals) => void
	'presence:count': (presence: { roomId: string; viewers: number }) => void
	'pin:update': (pins: { roomId: string; pins: PinView[] }) => void
	'sale:update': (update: { roomId: string; sale: FlashSaleView | null }) => void
	'sale:stock': (stock: { roomId: string; saleId: string; remaining: number }) => void
	'live:state': (state: RoomState) => void
	/** Only to the member concerned: muted until a time, or banned (until null). */
	'live:restricted': (restriction: { roomId: string; kind: 'mute' | 'ban'; until: string | null }) => void
	/** A group deal's progress; sent to `public:deal:<dealId>`. */
	'deal:progress': (progress: DealProgressPush) => void
	/** A notable blind-box win; sent to `day:<dayId>`, which only members the day exists for may join. */
	'day:win': (push: DayWinPush) => void
	/** An event the server could not take (unknown, malformed, not allowed) that had no ack to answer. */
	'live:error': (error: { message: string; params?: Record<string, string | number> }) => void
}

export const dealRoom = (dealId: string) => `public:deal:${dealId}`

export type VoteCountPush = { candidateId: string; votes: number; newVotes: number }

/** The room every open voting board joins. */
export const VOTE_ROOM = 'public:vote'

export interface ClientToServerEvents {
	'room:join': (payload: { room: string }, ack: Ack<{ room: string }>) => void
	'room:leave': (payload: { room: string }, ack: Ack<{ room: string }>) => void
	/** Follow a member day's ticker: refused unless the day exists for this member (as its page). */
	'day:join': (payload: { dayId: string }, ack: Ack<{ dayId: string }>) => void
	'day:leave': (payload: { dayId: string }) => void
	'whoami': (ack: Ack<{ userId: string | null; role: string | null }>) => void
	'live:join': (payload: { roomId: string; afterId?: number }, ack: Ack<LiveSnapshot>) => void
	'live:leave': (payload: { roomId: string }, ack?: Ack<{ roomId: string }>) => void
	/** Sent every BEAT_MS while the room page is open: what the viewer count counts. */
	'live:beat': (payload: { roomId: string }) => void
	'chat:send': (payload: { roomId: string; body: string }, ack: Ack<ChatMessage>) => void
	'chat:delete': (payload: { roomId: string; messageId: number }, ack: Ack<{ id: number }>) => void
	/** Taps since the last burst; with productId they are "want it" taps on that pinned product. */
	'like:burst': (payload: { roomId: string; count: number; productId?: string }, ack?: Ack<{ accepted: number }>) => void
	'pin:set': (payload: { roomId: string; productId: string; pinned: boolean }, ack: Ack<{ pins: PinView[] }>) => void
	'sale:start': (
		payload: { roomId: string; productId: string; priceCents: number; stock: number; perMember: number; countdownSeconds: number; durationMinutes: number },
		ack: Ack<FlashSaleView>,
	) => void
	'sale:stop': (payload: { roomId: string; saleId: string }, ack: Ack<FlashSaleView>) => void
	/** key: the client's id for this claim, so a retried claim is taken once. */
	'sale:claim': (payload: { roomId: string; saleId: string; quantity: number; key: string }, ack: Ack<{ claimed: number; remaining: number; intentId: string }>) => void
	'mod:mute': (payload: { roomId: string; userId: string; minutes: number }, ack: Ack<{ until: string }>) => void
	'mod:ban': (payload: { roomId: string; userId: string }, ack: Ack<{ userId: string }>) => void
	'room:settings': (payload: { roomId: string; slowModeSeconds?: number; membersOnly?: boolean }, ack: Ack<RoomState>) => void
}

/** Between app processes (scale-out mode): what one process changed that every other's live hub must know. */
export interface InterServerEvents {
	'live:status': (roomId: string, status: RoomStatus) => void
	'live:pins': (roomId: string, productIds: string[]) => void
	'session:ended': (sessionIds: string[]) => void
}

export interface SocketData {
	userId: string | null
	displayName: string | null
	role: string | null
	sessionKey: string | null
	/** The browser's device cookie: counts a signed-out viewer once however many tabs they open. */
	deviceId: string | null
}

/** Rooms anyone may join, signed in or not: `public:<name>`. */
export const PUBLIC_ROOM = /^public:[a-z0-9][a-z0-9:_-]{0,63}$/
