import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat as statFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { getEnv } from '#app/lib/env.server.ts'
import { remember } from '#app/lib/remember.ts'
import { mediaDirs } from './config.server.ts'
import { s3ConfigFrom, s3Store } from './s3-store.server.ts'

/** Inclusive byte positions, as in an HTTP Range header. */
export type ByteRange = { start: number; end: number }
export type StoredObject = { size: number; modified: Date }

/**
 * Where renditions and uploads awaiting processing are kept. Keys look like
 * `<mediaId>/w320.webp`; a prefix is a folder such as `<mediaId>/`. Nothing here assumes
 * a disk, so an object store can stand in (docs/decisions/007-media-pipeline.md).
 */
export interface MediaStore {
	/** Writes the whole object or nothing: readers never see half a file. */
	put(key: string, source: Buffer | Readable): Promise<void>
	/** The object (or part of it) and its full size; null when there is no such key. */
	get(key: string, range?: ByteRange): Promise<{ stream: Readable; size: number } | null>
	stat(key: string): Promise<StoredObject | null>
	remove(key: string): Promise<void>
	removePrefix(prefix: string): Promise<void>
}

// Ids and file names only: no "..", no absolute paths, no hidden (temp) names.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/

/** A key's segments, or an error for a key that could leave its folder (every store checks the same way). */
export function checkedSegments(key: string): string[] {
	const segments = key.split('/')
	if (!segments.every((s) => SEGMENT.test(s) && s !== '..' && !s.includes('..'))) {
		throw new Error(`Refused media storage key ${JSON.stringify(key)}: use <id>/<file> with letters, digits, - _ .`)
	}
	return segments
}

/** A prefix's segments: a folder such as `<mediaId>/`, never a bare name that would match `<mediaId>x/`. */
export function checkedPrefix(prefix: string): string[] {
	if (!prefix.endsWith('/')) throw new Error(`A media storage prefix is a folder ending in "/" (got ${JSON.stringify(prefix)})`)
	return checkedSegments(prefix.slice(0, -1))
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT'

/** Files under `root` (normally <DATA_DIR>/media). */
export function localDiskStore(root: string): MediaStore {
	const pathOf = (key: string) => path.join(root, ...checkedSegments(key))
	const stat = async (key: string): Promise<StoredObject | null> => {
		try {
			const s = await statFile(pathOf(key))
			return s.isFile() ? { size: s.size, modified: s.mtime } : null
		} catch (error) {
			if (isMissing(error)) return null
			throw error
		}
	}
	return {
		async put(key, source) {
			const target = pathOf(key)
			await mkdir(path.dirname(target), { recursive: true })
			// NOTE: temp name in the same folder, so the rename is atomic (same file system).
			const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.part`)
			try {
				await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, createWriteStream(temp, { flags: 'wx' }))
				await rename(temp, target)
			} catch (error) {
				await rm(temp, { force: true })
				throw error
			}
		},
		async get(key, range) {
			const found = await stat(key)
			if (!found) return null
			const stream = createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {})
			return { stream, size: found.size }
		},
		stat,
		async remove(key) {
			await rm(pathOf(key), { force: true })
		},
		async removePrefix(prefix) {
			await rm(path.join(root, ...checkedPrefix(prefix)), { recursive: true, force: true })
		},
	}
}

/** The store the app uses, one per process: the S3 bucket when S3_BUCKET is set, else local disk under DATA_DIR. */
export function mediaStore(): MediaStore {
	const s3 = s3ConfigFrom(getEnv())
	if (s3) return remember(`media-store:s3:${s3.endpoint ?? ''}/${s3.bucket}/${s3.prefix}`, () => s3Store(s3))
	return remember(`media-store:${mediaDirs().media}`, () => localDiskStore(mediaDirs().media))
}
