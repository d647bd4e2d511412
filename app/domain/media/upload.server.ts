import { randomUUID } from 'node:crypto'
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import busboy from 'busboy'
import { mediaDirs, mediaLimits } from './config.server.ts'
import { megabytes, type MediaFailure } from './failure.ts'
import { MAX_PHOTOS, MAX_VIDEOS, type MediaKind } from './limits.ts'
import { sniff, SNIFF_BYTES, type MediaFormat } from './sniff.ts'

export type UploadField = 'photos' | 'video'
export type StagedFile = { field: UploadField; path: string; bytes: number; kind: MediaKind; format: MediaFormat; name: string }
export type ReceivedUpload = { fields: FormData; files: StagedFile[]; failure: MediaFailure | null; discard(): Promise<void> }

const FIELD_KIND: Record<UploadField, MediaKind> = { photos: 'image', video: 'video' }
/** All text fields of one form together; a post's text is far smaller. */
export const MAX_TEXT_BYTES = 1024 * 1024

const isUploadField = (field: string): field is UploadField => Object.hasOwn(FIELD_KIND, field)
// Only ever shown back to the member as text; still, no folders and no control characters.
const cleanName = (raw: string) => (raw.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200)

/**
 * Reads a multipart/form-data POST: each file in `photos` (up to MAX_PHOTOS) or `video`
 * (one) streams to a temp file under <DATA_DIR>/tmp, never whole into memory, and is typed
 * by its magic bytes. On the first problem nothing more is written and every temp file
 * is deleted; the text fields are still returned so the form can be shown again as typed.
 * On success the caller calls discard() once it has stored the files.
 */
export async function receiveUploads(request: Request): Promise<ReceivedUpload> {
	const limits = mediaLimits()
	const maxFileBytes = MAX_PHOTOS * limits.photoMaxBytes + MAX_VIDEOS * limits.videoMaxBytes
	const fields = new FormData()
	// Each file's slot is taken in body order when its part begins, so the photos keep the
	// order the member chose even when a later, smaller file finishes writing first.
	const files: (StagedFile | undefined)[] = []
	const temps: string[] = []
	let failure: MediaFailure | null = null
	const fail = (f: MediaFailure) => (failure ??= f)
	const discard = async () => {
		await Promise.all(temps.splice(0).map((p) => rm(p, { force: true })))
	}
	const finish = async (): Promise<ReceivedUpload> => {
		if (failure) await discard()
		return { fields, files: failure ? [] : files.filter((f) => f !== undefined), failure, discard }
	}

	if (Number(request.headers.get('content-length') ?? 0) > maxFileBytes + MAX_TEXT_BYTES) {
		await request.body?.cancel()
		fail({ message: 'media.requestTooLarge', params: { max: megabytes(maxFileBytes) } })
		return finish()
	}
	const contentType = request.headers.get('content-type') ?? ''
	let parser: busboy.Busboy
	try {
		if (!/^multipart\/form-data;/i.test(contentType)) throw new Error('not multipart')
		parser = busboy({
			headers: { 'content-type': contentType },
			defParamCharset: 'utf8', // browsers send file names as raw UTF-8
			limits: { fieldSize: MAX_TEXT_BYTES, fields: 100, files: 50, parts: 200 },
		})
	} catch {
		fail({ message: 'media.formUnreadable' })
		return finish()
	}
	if (!request.body) {
		fail({ message: 'media.formUnreadable' })
		return finish()
	}

	const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
	const counts: Record<UploadField, number> = { photos: 0, video: 0 }
	let fileBytes = 0
	let textBytes = 0
	let settle: () => void = () => {}
	const done = new Promise<void>((resolve) => (settle = resolve))
	const reading = new Set<Readable>()
	let stopped = false
	// Stops reading the request for good: ends the file being read, so its task finishes.
	const stop = (f: MediaFailure) => {
		fail(f)
		stopped = true
		source.unpipe(parser)
		source.destroy()
		reading.forEach((stream) => stream.destroy())
		settle()
	}
	const tasks: Promise<void>[] = []

	async function stageFile(slot: number, field: string, stream: Readable, filename: string) {
		const name = cleanName(filename)
		const kind = isUploadField(field) ? FIELD_KIND[field] : null
		const max = kind === 'video' ? limits.videoMaxBytes : limits.photoMaxBytes
		const tooLarge = {
			message: kind === 'video' ? 'media.videoTooLarge' : 'media.photoTooLarge',
			params: { name, size: '', max: kind === 'video' ? limits.videoMaxMb : limits.photoMaxMb },
		} satisfies MediaFailure
		let bytes = 0
		let head = Buffer.alloc(0)
		let handle: FileHandle | null = null
		let file = ''
		reading.add(stream)
		try {
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				bytes += chunk.length
				fileBytes += chunk.length
				if (fileBytes > maxFileBytes) {
					stop({ message: 'media.requestTooLarge', params: { max: megabytes(maxFileBytes) } })
					break
				}
				// NOTE: after a failure the rest of the body is still parsed (not written) so that
				// text fields after the files come back, and browsers show a response they
				// otherwise drop when the server stops reading mid-upload.
				if (failure) continue
				if (!kind || !isUploadField(field)) {
					fail({ message: 'media.unexpectedFile', params: { field } })
					continue
				}
				if (bytes === chunk.length) {
					counts[field] += 1
					if (counts.photos > MAX_PHOTOS) fail({ message: 'media.tooManyPhotos', params: { max: MAX_PHOTOS } })
					if (counts.video > MAX_VIDEOS) fail({ message: 'media.tooManyVideos' })
					if (failure) continue
				}
				if (bytes > max) {
					fail(tooLarge)
					continue
				}
				if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)])
				if (!handle) {
					file = path.join(mediaDirs().tmp, `upload-${randomUUID()}`)
					temps.push(file)
					handle = await open(file, 'wx', 0o600)
				}
				await handle.write(chunk)
			}
		} catch {
			fail({ message: 'media.formUnreadable' })
		} finally {
			reading.delete(stream)
			await handle?.close()
		}
		if (failure === tooLarge) tooLarge.params.size = megabytes(bytes)
		if (failure || !kind || !isUploadField(field)) return
		// An empty file input: the browser sends a part with no name and no bytes.
		if (bytes === 0 && !name) return
		if (bytes === 0) return void fail({ message: 'media.emptyFile', params: { name } })
		const sniffed = sniff(head)
		const label = name || (kind === 'video' ? 'video' : 'photo')
		if (!sniffed) return void fail({ message: 'media.unsupportedType', params: { name: label } })
		if (sniffed.kind !== kind) return void fail({ message: kind === 'image' ? 'media.notAPhoto' : 'media.notAVideo', params: { name: label } })
		files[slot] = { field, path: file, bytes, kind, format: sniffed.format, name: label }
	}

	parser.on('file', (field, stream, info) => {
		if (stopped) stream.resume()
		else tasks.push(stageFile(tasks.length, field, stream, info.filename ?? ''))
	})
	parser.on('field', (field, value, info) => {
		textBytes += Buffer.byteLength(value)
		if (info.valueTruncated || textBytes > MAX_TEXT_BYTES) fail({ message: 'media.formTooLarge' })
		else fields.append(field, value)
	})
	for (const event of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) parser.on(event, () => fail({ message: 'media.formTooLarge' }))
	parser.on('close', () => settle())
	parser.on('error', () => stop({ message: 'media.formUnreadable' }))
	source.on('error', () => stop({ message: 'media.formUnreadable' }))
	await mkdir(mediaDirs().tmp, { recursive: true })
	source.pipe(parser)
	await done
	await Promise.all(tasks)
	return finish()
}
