import { once } from 'node:events'
import { createServer } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { ConfigError, getEnv } from '#app/lib/env.server.ts'

// The configuration is checked before anything else, so a bad value stops the
// process with a message naming it, not a stack trace from deep inside.
let env: ReturnType<typeof getEnv>
try {
	env = getEnv()
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(error.message)
		process.exit(1)
	}
	throw error
}

const { connectDatabase, prisma } = await import('#app/lib/db.server.ts')
const { ensureMerchant } = await import('#app/domain/accounts/accounts.server.ts')
const { createSocketServer } = await import('#app/realtime/socket-server.server.ts')
const { closeRedis } = await import('#app/lib/redis.server.ts')
const { logError, logEvent } = await import('#app/lib/log.server.ts')
const mw = await import('#app/server/middleware.server.ts')
const { probeDatabase } = await import('#app/lib/database-health.server.ts')
const { serveMedia } = await import('#app/domain/media/serve.server.ts')
const { startMediaJobs } = await import('#app/domain/media/jobs.server.ts')
const { canViewMedia } = await import('#app/domain/posts/media-access.server.ts')
const { watchPostMedia } = await import('#app/domain/posts/media-events.server.ts')

const DEV = env.NODE_ENV === 'development'
const SHUTDOWN_GRACE_MS = 10_000

await connectDatabase()
if (env.MERCHANT_EMAIL && env.MERCHANT_PASSWORD) {
	const outcome = await ensureMerchant(env.MERCHANT_EMAIL, env.MERCHANT_PASSWORD)
	if (outcome !== 'unchanged') logEvent('merchant:bootstrap', { outcome, email: env.MERCHANT_EMAIL })
}
// Videos still processing when the server last stopped are picked up again.
watchPostMedia()
await startMediaJobs()
await import('#app/domain/groups/commission-job.server.ts').then((m) => m.startCommissionJob())
await import('#app/domain/groups/deals-settle.server.ts').then((m) => m.startDealJob())
await import('#app/domain/membership/membership-jobs.server.ts').then((m) => m.startMembershipJobs())
await import('#app/domain/member-days/announce.server.ts').then((m) => m.startDayAnnouncements())
await import('#app/domain/notifications/mailer.server.ts').then((m) => m.startMailer())

const app = express()
app.disable('x-powered-by')
// Behind a reverse proxy (on this machine unless TRUST_PROXY names others), the client address comes from X-Forwarded-For.
app.set('trust proxy', env.TRUST_PROXY.split(',').map((entry) => entry.trim()))

let stopping = false
app.use((_req, res, next) => {
	if (stopping) res.setHeader('Connection', 'close')
	next()
})
app.use(mw.requestLog(env.LOG_REQUESTS === 'true'))
// 503 while stopping or while the database cannot take a write (locked by another process, or gone).
app.get('/healthz', async (req, res) => {
	if (stopping) return void res.status(503).json({ ok: false, stopping: true })
	if (await probeDatabase()) return void res.json({ ok: true, database: 'reachable' })
	mw.sendDatabaseUnavailable(req, res, { json: true })
})
app.use(mw.securityHeaders({ dev: DEV, https: env.PUBLIC_URL.startsWith('https://'), streamOrigins: env.LIVE_STREAM_ORIGINS }))
app.use(compression())

let build: ServerBuild | (() => Promise<ServerBuild>)
if (DEV) {
	const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
	app.use(vite.middlewares)
	build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
} else {
	// Hashed file names never change content, so they are cached for a year.
	app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
	app.use(express.static('build/client', { maxAge: '1h' }))
	build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
}

// An upload form holds at most 9 photos and a video at their size limits, plus its text.
const MB = 1024 * 1024
app.use(mw.bodyLimit(mw.MAX_BODY_BYTES, 9 * env.MEDIA_PHOTO_MAX_MB * MB + env.MEDIA_VIDEO_MAX_MB * MB + mw.MAX_BODY_BYTES))
app.use(mw.originCheck(env.PUBLIC_URL))
app.use(mw.formBodiesOnly())
app.use(mw.deviceCookie())
// While the database is known to be busy or gone, requests get the 503 at once (decision 022).
app.use(mw.databaseGate())
app.use(mw.sessionContext())
// A photo or video is visible to whoever may see the post (or product) it belongs to.
app.use('/media', serveMedia({ canView: (mediaId, req) => canViewMedia(mediaId, req.res?.locals.user ?? null) }))
app.all(
	'*',
	mw.answerDatabaseFaults(createRequestHandler({
		build: typeof build === 'function' ? () => (build as () => Promise<ServerBuild>)().then(mw.withDatabaseFaults) : mw.withDatabaseFaults(build),
		mode: env.NODE_ENV,
		getLoadContext: (req, res) => ({
			requestId: res.locals.requestId,
			clientAddress: req.ip ?? 'unknown',
			deviceId: res.locals.deviceId,
			user: res.locals.user,
			sessionToken: res.locals.sessionToken,
			cspNonce: res.locals.cspNonce,
			locale: res.locals.locale,
		}),
	})),
)
app.use(mw.databaseUnavailable())
app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
	logError('request:failed', error, { path: req.path })
	if (!res.headersSent) res.status(500).type('text/plain').send('Something went wrong on our side. Try again in a moment.')
})

const httpServer = createServer(app)
const io = createSocketServer(httpServer, env.PUBLIC_URL, { liveWatchMs: env.LIVE_WATCH_MINUTES * 60_000 })

httpServer.listen(env.PORT, env.HOST, () => {
	logEvent('server:listening', { url: env.PUBLIC_URL, port: env.PORT, mode: env.NODE_ENV })
})

/**
 * SIGTERM: stop accepting, let in-flight requests finish (up to the grace period),
 * close the sockets and the database, then exit.
 */
async function shutdown(signal: string) {
	if (stopping) return
	stopping = true
	logEvent('server:stopping', { signal })
	const force = setTimeout(() => httpServer.closeAllConnections(), SHUTDOWN_GRACE_MS)
	force.unref()
	const closed = once(httpServer, 'close')
	// io.close() disconnects every socket and closes the HTTP server, which stops
	// accepting connections and ends idle keep-alive ones; busy ones end after their response.
	void io.close()
	// A keep-alive connection turns idle when its last response ends; close it then
	// rather than after the keep-alive timeout.
	const sweep = setInterval(() => httpServer.closeIdleConnections(), 50)
	httpServer.closeIdleConnections()
	await closed
	clearInterval(sweep)
	clearTimeout(force)
	await closeRedis()
	await prisma.$disconnect()
	logEvent('server:stopped', { signal })
	process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
