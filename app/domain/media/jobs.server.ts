import { prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { logError, logEvent } from '#app/lib/log.server.ts'
import { withLease } from '#app/lib/job-lease.server.ts'
import { startPeriodic } from '#app/lib/periodic.server.ts'
import { remember } from '#app/lib/remember.ts'
import { mediaStore, type MediaStore } from './storage.server.ts'
import { finishVideo } from './videos.server.ts'

// One queue per process, shared by server.ts and the Remix build (two module graphs):
// jobs run one at a time, since an ffmpeg run already keeps a 2-core machine busy.
/** Renewed every half of it while ffmpeg runs; a crashed process's video is free again this long after. */
const VIDEO_LEASE_MS = 60_000
const SWEEP_EVERY_MS = 5 * 60_000

const queue = remember('media-jobs', () => ({ waiting: [] as string[], running: null as Promise<void> | null }))

/** Runs a video's processing once its Media row (status processing) is committed. */
export function queueMediaJob(mediaId: string): void {
	if (!queue.waiting.includes(mediaId)) queue.waiting.push(mediaId)
	queue.running ??= drain()
}

/**
 * At server start: queues the videos still processing when the server last stopped, and every
 * few minutes after, so a video whose process died mid-job is taken up by another.
 */
export async function startMediaJobs(): Promise<number> {
	startPeriodic('media:sweep', { intervalMs: SWEEP_EVERY_MS, firstDelayMs: SWEEP_EVERY_MS }, async () => void (await queueProcessing()))
	return queueProcessing()
}

async function queueProcessing(): Promise<number> {
	const rows = await prisma.media.findMany({
		where: { status: 'processing', kind: 'video' },
		select: { id: true },
		orderBy: { createdAt: 'asc' },
	})
	for (const row of rows) queueMediaJob(row.id)
	return rows.length
}

/** Resolves once the queue is empty (tests, and a graceful shutdown). */
export async function mediaJobsIdle(): Promise<void> {
	while (queue.running) await queue.running
}

async function drain() {
	try {
		for (let id = queue.waiting.shift(); id; id = queue.waiting.shift()) await runJob(id)
	} finally {
		queue.running = null
	}
}

// NOTE: every outcome is caught here; a hostile file must fail its own row, never the server.
async function runJob(mediaId: string) {
	const store = mediaStore()
	const started = Date.now()
	try {
		const row = await prisma.media.findUnique({ where: { id: mediaId }, select: { status: true, kind: true } })
		if (row?.status !== 'processing' || row.kind !== 'video') return
		// Another process starting up queues the same in-flight videos: one of them runs ffmpeg.
		const ran = await withLease(`media:${mediaId}`, VIDEO_LEASE_MS, () => processVideo(mediaId, store, started), { release: true })
		if (!ran) logEvent('media:job-elsewhere', { mediaId })
	} catch (error) {
		logError('media:job-failed', error, { mediaId })
	}
}

async function processVideo(mediaId: string, store: MediaStore, started: number) {
	let video
	try {
		video = await finishVideo(mediaId, store)
	} catch (error) {
		logError('media:job-failed', error, { mediaId })
		// A failed video is never retried, so neither its upload nor any partial output is kept.
		if (await settle(mediaId, { status: 'failed', failureReason: 'media.videoFailed' })) await store.removePrefix(`${mediaId}/`)
		return
	}
	// The status guard: a job run twice (a restart mid-job) never flips a settled row.
	const settled = await settle(mediaId, { status: 'ready', ...video })
	if (settled) await store.remove(`${mediaId}/source`)
	else if (!(await prisma.media.count({ where: { id: mediaId } }))) await store.removePrefix(`${mediaId}/`)
	logEvent('media:processed', { mediaId, ms: Date.now() - started, settled })
}

type Outcome =
	| { status: 'ready'; width: number; height: number; durationMs: number; placeholder: string }
	| { status: 'failed'; failureReason: string }

async function settle(mediaId: string, outcome: Outcome): Promise<boolean> {
	const { count } = await prisma.media.updateMany({ where: { id: mediaId, status: 'processing' }, data: outcome })
	if (count === 0) return false
	const row = await prisma.media.findUnique({ where: { id: mediaId }, select: { postId: true } })
	try {
		domainEvents.emit('media:settled', { mediaId, postId: row?.postId ?? null, status: outcome.status })
	} catch (error) {
		// A listener's bug must not undo a settled row.
		logError('media:settled-listener', error, { mediaId })
	}
	return true
}
