/** The Socket.IO contract, shared by the server and the browser. */

export type Ack<T> = (reply: { data: T } | { error: string }) => void

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
}

export type VoteCountPush = { candidateId: string; votes: number; newVotes: number }

/** The room every open voting board joins. */
export const VOTE_ROOM = 'public:vote'

export interface ClientToServerEvents {
	'room:join': (payload: { room: string }, ack: Ack<{ room: string }>) => void
	'room:leave': (payload: { room: string }, ack: Ack<{ room: string }>) => void
	'whoami': (ack: Ack<{ userId: string | null; role: string | null }>) => void
}

export interface SocketData {
	userId: string | null
	role: string | null
	sessionKey: string | null
}

/** Rooms anyone may join, signed in or not: `public:<name>`. */
export const PUBLIC_ROOM = /^public:[a-z0-9][a-z0-9:_-]{0,63}$/
