import type { FormFailure } from '#app/lib/forms.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import { discardMedia, ingestUploads } from '../media/ingest.server.ts'
import { receiveUploads } from '../media/upload.server.ts'
import { saveProduct } from './products.server.ts'
import { ProductSchema } from './schemas.ts'

/** Creates or updates a product from the console's multipart form, photos included; all or nothing. */
export async function saveProductFromForm(request: Request, staffId: string, id?: string): Promise<{ ok: true; id: string } | FormFailure> {
	const upload = await receiveUploads(request)
	try {
		if (upload.failure) return refusalToForm({ error: upload.failure.message, params: upload.failure.params }, upload.fields)
		const parsed = parseForm(ProductSchema, upload.fields)
		if (!parsed.ok) return parsed
		const photos = upload.files.filter((f) => f.kind === 'image')
		const ingested = await ingestUploads(photos, staffId)
		if (!ingested.ok) return refusalToForm({ error: ingested.failure.message, params: ingested.failure.params }, upload.fields)
		const ids = ingested.media.map((m) => m.id)
		let result: Awaited<ReturnType<typeof saveProduct>>
		try {
			result = await saveProduct(staffId, parsed.data, ingested.media, id)
		} catch (error) {
			await discardMedia(ids)
			throw error
		}
		if (!result.ok) {
			await discardMedia(ids)
			return refusalToForm(result, upload.fields)
		}
		return result
	} finally {
		await upload.discard()
	}
}
