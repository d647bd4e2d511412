import type { FormFailure } from '#app/lib/forms.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import { discardMedia, ingestUploads } from '../media/ingest.server.ts'
import { queueMediaJob } from '../media/jobs.server.ts'
import { receiveUploads } from '../media/upload.server.ts'
import { createPost, loadAuthor, writeRefusal } from './posts.server.ts'
import { PostFormSchema } from './schemas.ts'

/**
 * The whole of publishing from a multipart form: files stream to a temporary folder, the
 * text is checked, every file is checked and processed, then the post and its media rows
 * are saved together. Any refusal on the way leaves nothing behind.
 */
export async function publishFromForm(request: Request, userId: string): Promise<{ ok: true; id: string; status: 'published' | 'held' } | FormFailure> {
	const upload = await receiveUploads(request)
	try {
		const author = await loadAuthor(userId)
		const refused = author ? writeRefusal(author) : { ok: false as const, error: 'post.error.banned' as const }
		if (!author || refused) return refusalToForm(refused!, upload.fields)
		if (upload.failure) return refusalToForm({ error: upload.failure.message, params: upload.failure.params }, upload.fields)
		const parsed = parseForm(PostFormSchema, upload.fields)
		if (!parsed.ok) return parsed
		const ingested = await ingestUploads(upload.files, userId)
		if (!ingested.ok) return refusalToForm({ error: ingested.failure.message, params: ingested.failure.params }, upload.fields)
		const media = ingested.media.map((m) => ({ ...m }))
		let result: Awaited<ReturnType<typeof createPost>>
		try {
			result = await createPost(author, parsed.data, media)
		} catch (error) {
			await discardMedia(media.map((m) => m.id))
			throw error
		}
		if (!result.ok) {
			await discardMedia(media.map((m) => m.id))
			return refusalToForm(result, upload.fields)
		}
		for (const m of media) if (m.status === 'processing') queueMediaJob(m.id)
		return result
	} finally {
		await upload.discard()
	}
}
