import { randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { ingestUploads, newMediaId, type PreparedMedia } from '#app/domain/media/ingest.server.ts'
import { mediaJobsIdle, queueMediaJob, startMediaJobs } from '#app/domain/media/jobs.server.ts'
import { mediaStore } from '#app/domain/media/storage.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { releaseLease, takeLease } from '#app/lib/job-lease.server.ts'
import { domainEvents, type DomainEvents } from '#app/lib/events.server.ts'
import { fixtureDir, makeVideo } from './fixtures.ts'

let uploaderId: string
let clip: string
const settled: DomainEvents['media:settled'][0][] = []
const listener = (e: DomainEvents['media:settled'][0]) => settled.push(e)

beforeAll(async () => {
	uploaderId = (await createUser({ email: `m-${randomUUID()}@quanzi.test`, displayName: 'M', password: 'long enough' }))!.id
	clip = await makeVideo(path.join(fixtureDir(), 'clip.mp4'), { seconds: 2, size: '128x72' })
	domainEvents.on('media:settled', listener)
})
afterEach(() => {
	settled.length = 0
})

/** What posts will do: ingest, insert the rows in its transaction, then queue the videos. */
async function uploadedVideo(): Promise<string> {
	const result = await ingestUploads([{ field: 'video', path: clip, bytes: statSync(clip).size, kind: 'video', format: 'mp4', name: 'clip.mp4' }], uploaderId)
	if (!result.ok) throw new Error(result.failure.message)
	await insert(result.media[0]!)
	return result.media[0]!.id
}
const insert = (m: PreparedMedia) => prisma.media.create({ data: { ...m, uploaderId } })
const row = (id: string) => prisma.media.findUniqueOrThrow({ where: { id }, select: { status: true, failureReason: true, width: true, height: true, durationMs: true, placeholder: true } })

describe('media jobs', () => {
	test('a processing video becomes ready, its source is removed, and it is announced', async () => {
		const id = await uploadedVideo()
		queueMediaJob(id)
		await mediaJobsIdle()
		expect(await row(id)).toEqual({ status: 'ready', failureReason: null, width: 128, height: 72, durationMs: expect.closeTo(2000, -2), placeholder: expect.stringMatching(/^data:image\/webp/) })
		expect(await mediaStore().stat(`${id}/source`)).toBeNull()
		expect(await mediaStore().stat(`${id}/video.mp4`)).not.toBeNull()
		expect(await mediaStore().stat(`${id}/poster-w1080.webp`)).not.toBeNull()
		expect(settled).toEqual([{ mediaId: id, postId: null, status: 'ready' }])
	})

	test('a broken video fails with a reason to show, keeps nothing, and the queue goes on', async () => {
		const broken = newMediaId()
		await mediaStore().put(`${broken}/source`, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isomavc1'), Buffer.alloc(5000, 9)]))
		await insert({ id: broken, kind: 'video', format: 'mp4', bytes: 5024, width: null, height: null, durationMs: null, placeholder: null, status: 'processing', position: 0 })
		const good = await uploadedVideo()
		queueMediaJob(broken)
		queueMediaJob(good)
		await mediaJobsIdle()
		expect(await row(broken)).toMatchObject({ status: 'failed', failureReason: 'media.videoFailed' })
		expect(await mediaStore().stat(`${broken}/source`)).toBeNull()
		expect((await row(good)).status).toBe('ready')
		expect(settled).toEqual([
			{ mediaId: broken, postId: null, status: 'failed' },
			{ mediaId: good, postId: null, status: 'ready' },
		])
	})

	test('at start, videos left processing are picked up; a settled row is never processed again', async () => {
		const left = await uploadedVideo()
		const done = await uploadedVideo()
		await prisma.media.update({ where: { id: done }, data: { status: 'ready' } })
		expect(await startMediaJobs()).toBe(1)
		queueMediaJob(done)
		await mediaJobsIdle()
		expect((await row(left)).status).toBe('ready')
		expect(await mediaStore().stat(`${done}/source`)).not.toBeNull() // untouched
		expect(settled.map((e) => e.mediaId)).toEqual([left])
	})

	test('a job for a row that no longer exists does nothing', async () => {
		queueMediaJob('no-such-media')
		await mediaJobsIdle()
		expect(settled).toEqual([])
	})
	test('a video another process is working on (it holds the lease) is left to it; once free, this process takes it', async () => {
		const id = await uploadedVideo()
		expect(await takeLease(`media:${id}`, 'another-process', 60_000)).toBe(true)
		queueMediaJob(id)
		await mediaJobsIdle()
		expect((await row(id)).status).toBe('processing')
		expect(await mediaStore().stat(`${id}/source`)).not.toBeNull()
		expect(settled).toEqual([])
		await releaseLease(`media:${id}`, 'another-process')
		queueMediaJob(id)
		await mediaJobsIdle()
		expect((await row(id)).status).toBe('ready')
		// Released once done, so nothing holds it.
		expect(await prisma.jobLease.count({ where: { name: `media:${id}` } })).toBe(0)
	})
})
