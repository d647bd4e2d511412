import { pipeline } from 'node:stream/promises'
import express, { type Request, type Response } from 'express'
import { prisma } from '#app/lib/db.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { mediaFile, RENDITION_WIDTHS, type MediaKind } from './limits.ts'
import { mediaStore, type ByteRange, type MediaStore } from './storage.server.ts'

type Served = { kind: MediaKind; contentType: string }
// The only names ever served; the upload (`source`) and anything else is a 404.
const SERVED = new Map<string, Served>([
	...RENDITION_WIDTHS.map((w) => [mediaFile.image(w), { kind: 'image', contentType: 'image/webp' }] as const),
	...RENDITION_WIDTHS.map((w) => [mediaFile.poster(w), { kind: 'video', contentType: 'image/webp' }] as const),
	[mediaFile.video('mp4'), { kind: 'video', contentType: 'video/mp4' }],
	[mediaFile.video('webm'), { kind: 'video', contentType: 'video/webm' }],
])
const MEDIA_ID = /^[A-Za-z0-9_-]{1,64}$/

export type ServeMediaOptions = {
	/** Whether this request may see the media (the post is visible to the viewer); `req.res.locals` has the user. */
	canView(mediaId: string, req: Request): Promise<boolean>
	store?: MediaStore
}

/**
 * A byte range from a Range header: null to send the whole file (no header, a header we
 * do not take such as several ranges, or a stale If-Range), 'unsatisfiable' for a 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '')
	if (!match || (!match[1] && !match[2])) return null
	const [first, last] = [match[1] ? Number(match[1]) : null, match[2] ? Number(match[2]) : null]
	if (first === null) return last! > 0 && size > 0 ? { start: Math.max(0, size - last!), end: size - 1 } : 'unsatisfiable'
	if (last !== null && last < first) return null
	if (first >= size) return 'unsatisfiable'
	return { start: first, end: Math.min(last ?? size - 1, size - 1) }
}

const notFound = (res: Response) => res.status(404).type('text/plain').send('Not found. This photo or video does not exist, or is not visible to you.')

/** GET and HEAD /media/<id>/<file>: renditions of ready media, with Range for video seeking. */
export function serveMedia(options: ServeMediaOptions): express.Router {
	const store = options.store ?? mediaStore()
	const router = express.Router()
	router.get('/:id/:file', (req, res, next) => {
		send(req, res).catch((error: unknown) => (res.headersSent ? res.destroy() : next(error)))
	})
	router.use((_req, res) => notFound(res))

	async function send(req: Request, res: Response) {
		const { id = '', file = '' } = req.params
		const served = SERVED.get(file)
		if (!served || !MEDIA_ID.test(id)) return notFound(res)
		const row = await prisma.media.findUnique({ where: { id }, select: { kind: true, status: true } })
		if (row?.status !== 'ready' || row.kind !== served.kind || !(await options.canView(id, req))) return notFound(res)
		const key = `${id}/${file}`
		const found = await store.stat(key)
		if (!found) return notFound(res)

		const etag = `"${found.size.toString(36)}-${found.modified.getTime().toString(36)}"`
		res.set({
			'Content-Type': served.contentType,
			// Renditions never change once written, so the browser keeps them; private: visibility is per viewer.
			'Cache-Control': 'private, max-age=31536000, immutable',
			'X-Content-Type-Options': 'nosniff',
			'Accept-Ranges': 'bytes',
			ETag: etag,
			'Last-Modified': found.modified.toUTCString(),
		})
		if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return res.status(304).end()
		const ifRange = req.headers['if-range']
		const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, found.size)
		if (range === 'unsatisfiable') {
			return res.status(416).set('Content-Range', `bytes */${found.size}`).type('text/plain').send('That part of the file does not exist.')
		}
		if (range) res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${found.size}`)
		res.set('Content-Length', String(range ? range.end - range.start + 1 : found.size))
		if (req.method === 'HEAD') return res.end()
		const object = await store.get(key, range ?? undefined)
		if (!object) return notFound(res)
		// A viewer who seeks or leaves mid-video closes the connection: not an error worth a log line.
		await pipeline(object.stream, res).catch((error: NodeJS.ErrnoException) => {
			if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') logError('media:serve-failed', error, { key })
		})
	}
	return router
}
