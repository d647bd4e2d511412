import { formValues, type FormFailure } from '#app/lib/forms.ts'
import type { MessageKey, Params } from '#app/lib/i18n/index.ts'
import { discardMedia, ingestUploads } from '../media/ingest.server.ts'
import { receiveUploads } from '../media/upload.server.ts'
import type { RoomActor } from './room-hosts.server.ts'
import type { RoomFailure } from './room-input.server.ts'
import type { RoomInput } from './room-schema.ts'
import { scheduleRoom, updateRoom } from './rooms.server.ts'

export type RoomFormFailure = FormFailure & { status: RoomFailure['status']; fieldParams: Record<string, Params> }

const text = (fields: FormData, name: string) => {
	const value = fields.get(name)
	return typeof value === 'string' ? value : undefined
}

/**
 * The checked products in the merchant's order: those given an order number first, by it,
 * then the rest as listed. Without JavaScript a form has no other way to say "this one first".
 */
function orderedProducts(fields: FormData): string[] {
	const ids = fields.getAll('productIds').filter((v): v is string => typeof v === 'string')
	const rank = (id: string) => {
		const n = Number(text(fields, `order.${id}`) || Number.NaN)
		return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY
	}
	return ids.map((id, i) => ({ id, i, rank: rank(id) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((p) => p.id)
}

export function roomInputFromForm(fields: FormData): RoomInput {
	return {
		title: text(fields, 'title') ?? '',
		description: text(fields, 'description'),
		startsAt: text(fields, 'startsAt'),
		streamUrl: text(fields, 'streamUrl'),
		hostId: text(fields, 'hostId'),
		productIds: orderedProducts(fields),
		moderators: text(fields, 'moderators'),
		segmentId: text(fields, 'segmentId'),
	}
}

/** Schedules (or, with roomId, changes) a room from the console's multipart form, cover photo included; all or nothing. */
export async function saveRoomFromForm(request: Request, actor: RoomActor, roomId?: string): Promise<{ ok: true; id: string } | RoomFormFailure> {
	const upload = await receiveUploads(request)
	try {
		// The checked boxes come back as one list, so a refused form shows them still checked.
		const values = { ...formValues(upload.fields), productIds: upload.fields.getAll('productIds').join(',') }
		const coverError = (message: MessageKey, params: Params = {}): RoomFormFailure => ({ ok: false, status: 400, fieldErrors: { cover: message }, fieldParams: { cover: params }, values })
		if (upload.failure) return coverError(upload.failure.message, upload.failure.params)
		if (upload.files.some((f) => f.kind !== 'image')) return coverError('liveConsole.error.coverPhoto')
		if (upload.files.length > 1) return coverError('liveConsole.error.oneCover')
		const ingested = await ingestUploads(upload.files, actor.id)
		if (!ingested.ok) return coverError(ingested.failure.message, ingested.failure.params)
		const cover = ingested.media[0] ?? null
		const input = roomInputFromForm(upload.fields)
		let result: Awaited<ReturnType<typeof scheduleRoom>>
		try {
			result = roomId ? await updateRoom(actor, roomId, input, cover) : await scheduleRoom(actor, input, cover)
		} catch (error) {
			if (cover) await discardMedia([cover.id])
			throw error
		}
		if (!result.ok) {
			if (cover) await discardMedia([cover.id])
			return { ...result, values }
		}
		return result
	} finally {
		await upload.discard()
	}
}
