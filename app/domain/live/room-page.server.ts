import { getBalance, upcomingExpiries } from '#app/domain/points/ledger.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { roomAccess } from './access.server.ts'
import { replayMessages } from './chat.server.ts'
import { MEDIA_VIEW_SELECT, pinHistory } from './pins.server.ts'
import type { Viewer } from './room-cards.server.ts'
import { getRoomCard } from './rooms.server.ts'
import { COUNTED_ONLY_POSITION } from './views.ts'

/**
 * Everything the room page renders before its socket connects: the room, its stream,
 * the featured products, the viewer's rights and points, and for an ended room its replay
 * (every message and pin, placed on the video's timeline by their times).
 */
export async function loadRoomPage(roomId: string, viewer: Viewer, now = new Date()) {
	const [card, room, access] = await Promise.all([
		getRoomCard(roomId, viewer),
		prisma.liveRoom.findUnique({
			where: { id: roomId },
			select: {
				streamUrl: true,
				products: {
					where: { position: { lt: COUNTED_ONLY_POSITION } },
					orderBy: { position: 'asc' },
					take: 20,
					select: { product: { select: { id: true, name: true, priceCents: true, status: true, media: { where: { status: 'ready', kind: 'image' }, orderBy: { position: 'asc' }, take: 1, select: MEDIA_VIEW_SELECT } } } },
				},
			},
		}),
		roomAccess(roomId, viewer, now),
	])
	if (!card || !room || !access) return null
	const [points, replay] = await Promise.all([
		viewer ? Promise.all([getBalance(viewer.id), upcomingExpiries(viewer.id, now, 1)]).then(([balance, [soonest]]) => ({ balance, expiring: soonest ?? null })) : null,
		card.status === 'ended' ? Promise.all([replayMessages(roomId), pinHistory(roomId)]).then(([messages, pins]) => ({ messages, pins })) : null,
	])
	return {
		room: card,
		streamUrl: room.streamUrl,
		featured: room.products
			.map((p) => p.product)
			.filter((p) => p.status === 'active')
			.map(({ status: _status, media, ...p }) => ({ ...p, image: media[0] ?? null })),
		canModerate: access.canModerate,
		isHost: access.isHost,
		banned: access.banned,
		points,
		replay,
	}
}
