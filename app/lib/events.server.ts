import { EventEmitter } from 'node:events'
import type { RoomState } from '#app/domain/live/views.ts'
import type { DealProgressPush } from '#app/domain/groups/views.ts'
import type { DayWinPush } from '#app/domain/member-days/views.ts'
import { remember } from './remember.ts'

/**
 * What the domain announces after it has saved something. The realtime layer
 * listens and forwards to sockets, so the domain never imports Socket.IO.
 */
export type DomainEvents = {
	'notification:created': [{ userId: string; notificationId: string }]
	'session:ended': [{ sessionIds: string[] }]
	/** A media item finished background processing (status ready or failed). */
	'media:settled': [{ mediaId: string; postId: string | null; status: 'ready' | 'failed' }]
	/** A candidate's vote count changed (a vote cast, withdrawn or merged). */
	'vote:counted': [{ candidateId: string; votes: number; newVotes: number }]
	/** A live room went live, ended, or changed its chat settings (from a page action or a socket). */
	'live:state': [RoomState]
	/** A group deal's count or status changed (a join, an unlock, a release). */
	'deal:progress': [DealProgressPush]
	/** A member opened a member day's top item (the page's ticker of notable wins). */
	'day:win': [DayWinPush]
}

class DomainEventBus extends EventEmitter<DomainEvents> {}

export const domainEvents = remember('domain-events', () => new DomainEventBus())
