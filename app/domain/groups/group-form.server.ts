import type { FormFailure } from '#app/lib/forms.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import { discardMedia, ingestUploads } from '../media/ingest.server.ts'
import { receiveUploads } from '../media/upload.server.ts'
import { createGroup, updateGroup, type GroupRefusal } from './groups.server.ts'
import type { GroupViewer } from './membership.server.ts'
import { GroupSchema } from './schemas.ts'

/** Creates a group (or saves one) from its multipart form with an optional cover photo; all or nothing. */
export async function saveGroupFromForm(request: Request, actor: NonNullable<GroupViewer>, groupId?: string): Promise<{ ok: true; id: string } | (FormFailure & { status?: GroupRefusal['status'] })> {
	const upload = await receiveUploads(request)
	try {
		if (upload.failure) return refusalToForm({ error: upload.failure.message, params: upload.failure.params }, upload.fields)
		const parsed = parseForm(GroupSchema, upload.fields)
		if (!parsed.ok) return parsed
		const ingested = await ingestUploads(upload.files.filter((f) => f.kind === 'image').slice(0, 1), actor.id)
		if (!ingested.ok) return refusalToForm({ error: ingested.failure.message, params: ingested.failure.params }, upload.fields)
		const ids = ingested.media.map((m) => m.id)
		let result: Awaited<ReturnType<typeof createGroup>>
		try {
			result = groupId ? await updateGroup(actor, groupId, parsed.data, ingested.media) : await createGroup(actor, parsed.data, ingested.media)
		} catch (error) {
			await discardMedia(ids)
			throw error
		}
		if (!result.ok) {
			await discardMedia(ids)
			return { ...refusalToForm(result, upload.fields), status: result.status }
		}
		return result
	} finally {
		await upload.discard()
	}
}
