import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter'
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter'
import pg from 'pg'
import { getEnv, isPostgresUrl } from '#app/lib/env.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { duplicateRedis, redisClient } from '#app/lib/redis.server.ts'
import { memoryCounters, redisCounters, type LiveCounters } from './live-counters.server.ts'

type AdapterFactory = ReturnType<typeof createRedisAdapter> | ReturnType<typeof createPostgresAdapter>

export type Cluster = {
	/** Socket.IO's adapter, so `io.to(room).emit` reaches sockets on every process; undefined in one process. */
	adapter: AdapterFactory | undefined
	/** Whether other processes may exist (server-side events and shared totals are then needed). */
	clustered: boolean
	counters: LiveCounters
	/** Frees what the adapter holds beyond Socket.IO (closing Socket.IO closes the adapter itself). */
	close(): Promise<void>
}

// The adapter's table for payloads too big for NOTIFY, as the adapter documents it; it belongs to
// Socket.IO, not to the Prisma schema.
const ATTACHMENTS_TABLE = `CREATE TABLE IF NOT EXISTS socket_io_attachments (
	id bigserial UNIQUE,
	created_at timestamptz DEFAULT NOW(),
	payload bytea
)`

/**
 * How this process reaches the others: through Redis when REDIS_URL is set (rate limits,
 * presence and the flood limit are there too), else through PostgreSQL's LISTEN/NOTIFY when the
 * database is PostgreSQL (broadcasts and server-side events are shared; the viewer count and the
 * flood limit stay per process), else not at all (one process, everything in memory).
 */
export function joinCluster(): Cluster {
	const { DATABASE_URL } = getEnv()
	const redis = redisClient()
	if (redis) {
		return { adapter: createRedisAdapter(redis, duplicateRedis()), clustered: true, counters: redisCounters(redis), close: async () => {} }
	}
	if (isPostgresUrl(DATABASE_URL)) {
		// One connection listens, another sends; the app's own pool is Prisma's and stays out of this.
		const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 3 })
		pool.on('error', (error) => logError('socket:adapter', error))
		// The adapter holds a LISTEN client out of the pool; when the database ends it, the error
		// reaches that client, not the pool, and would otherwise end the process.
		pool.on('connect', (client) => client.on('error', (error) => logError('socket:adapter', error)))
		pool.query(ATTACHMENTS_TABLE).catch((error: unknown) => logError('socket:adapter', error))
		const adapter = createPostgresAdapter(pool, { errorHandler: (error) => logError('socket:adapter', error) })
		return { adapter, clustered: true, counters: memoryCounters(), close: () => pool.end() }
	}
	return { adapter: undefined, clustered: false, counters: memoryCounters(), close: async () => {} }
}
