import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { availableParallelism } from 'node:os'
import { logError, logEvent } from '#app/lib/log.server.ts'
import { MediaError, type MediaFailure } from './failure.ts'
import { checkImage, renderImage, saveRenditions, type RenderedImage } from './images.server.ts'
import type { MediaKind, MediaStatus } from './limits.ts'
import type { ImageFormat, VideoFormat } from './sniff.ts'
import { mediaStore, type MediaStore } from './storage.server.ts'
import type { StagedFile } from './upload.server.ts'
import { probeVideo } from './videos.server.ts'

/** A stored upload, for the caller to insert as a Media row in its own transaction. */
export type PreparedMedia = {
	id: string
	kind: MediaKind
	format: string
	bytes: number
	width: number | null
	height: number | null
	durationMs: number | null
	placeholder: string | null
	status: MediaStatus
	position: number
}
export type IngestResult = { ok: true; media: PreparedMedia[] } | { ok: false; failure: MediaFailure }

/** Like a cuid: random, URL- and path-safe, and no guessable order. */
export const newMediaId = () => randomUUID().replaceAll('-', '')

/**
 * Stores a post's staged uploads. Every file is checked first (headers, pixel counts,
 * video length and codec) and every photo rendered in memory, so one bad file means
 * nothing is written; then photos are stored with their renditions (ready) and videos
 * as `<id>/source` (processing: queue them with queueMediaJob once the rows are committed).
 */
export async function ingestUploads(files: StagedFile[], uploaderId: string, store: MediaStore = mediaStore()): Promise<IngestResult> {
	const prepared: { file: StagedFile; media: PreparedMedia; rendered?: RenderedImage }[] = []
	try {
		for (const [position, file] of files.entries()) {
			const media: PreparedMedia = {
				id: newMediaId(), kind: file.kind, format: file.format, bytes: file.bytes,
				width: null, height: null, durationMs: null, placeholder: null, status: file.kind === 'image' ? 'ready' : 'processing', position,
			}
			if (file.kind === 'image') {
				Object.assign(media, await checkImage(file, file.format as ImageFormat))
			} else {
				const probe = await probeVideo(file.path, file.name, file.format as VideoFormat)
				Object.assign(media, { width: probe.width, height: probe.height, durationMs: Math.round(probe.durationSeconds * 1000) })
			}
			prepared.push({ file, media })
		}
		// NOTE: sharp runs each image on one libvips thread on glibc Linux (its default there,
		// against heap fragmentation), so photos render side by side, one per core.
		const photos = prepared.filter((p) => p.media.kind === 'image')
		await Promise.all(
			Array.from({ length: Math.min(availableParallelism(), photos.length) }, async () => {
				for (let item = photos.shift(); item; item = photos.shift()) {
					item.rendered = await renderImage(item.file)
					item.media.placeholder = item.rendered.placeholder
				}
			}),
		)
	} catch (error) {
		if (error instanceof MediaError) return { ok: false, failure: error.failure }
		throw error
	}

	const ids = prepared.map((p) => p.media.id)
	try {
		for (const { file, media, rendered } of prepared) {
			if (rendered) await saveRenditions(rendered, media.id, store)
			else await store.put(`${media.id}/source`, createReadStream(file.path))
		}
	} catch (error) {
		logError('media:store-failed', error, { uploaderId, ids })
		await discardMedia(ids, store)
		return { ok: false, failure: { message: 'media.storageFailed' } }
	}
	logEvent('media:ingested', { uploaderId, ids, kinds: prepared.map((p) => p.media.kind) })
	return { ok: true, media: prepared.map((p) => p.media) }
}

/** Removes everything stored for these media ids: for a caller whose transaction failed. */
export async function discardMedia(ids: string[], store: MediaStore = mediaStore()): Promise<void> {
	await Promise.all(ids.map((id) => store.removePrefix(`${id}/`)))
}
