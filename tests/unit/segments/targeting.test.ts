import { beforeAll, describe, expect, test } from 'vitest'
import { roomAccess } from '#app/domain/live/access.server.ts'
import { setLiveHosts } from '#app/domain/live/room-hosts.server.ts'
import { listRooms, scheduleRoom, setSubscription, updateRoom } from '#app/domain/live/rooms.server.ts'
import { likePost } from '#app/domain/posts/engagement.server.ts'
import { createPost, deleteOwnPost, editPost } from '#app/domain/posts/posts.server.ts'
import { getPost, listFeed, ratingSummary } from '#app/domain/posts/queries.server.ts'
import { PostFormSchema } from '#app/domain/posts/schemas.ts'
import { SegmentRulesSchema } from '#app/domain/segments/rules.ts'
import { deleteSegment, keepSegmentAudience, saveSegment } from '#app/domain/segments/segments.server.ts'
import { addTag } from '#app/domain/segments/tags.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member, product } from '#tests/unit/posts/fixtures.ts'

// The audience rule in the domain, where every route's reads go through it: a post or room
// for a segment is its members' (and staff's, and its author's or host's), and only staff aim.

type Member = Awaited<ReturnType<typeof member>>
let boss: Member
let inside: Member
let outside: Member
let segmentId: string

beforeAll(async () => {
	;[boss, inside, outside] = await Promise.all([member({ role: 'merchant', name: 'Boss' }), member({ name: 'In' }), member({ name: 'Out' })])
	const { email } = await prisma.user.findUniqueOrThrow({ where: { id: inside.id }, select: { email: true } })
	await addTag(boss.id, { email, tag: 'vip' })
	const saved = await saveSegment({ name: 'VIP', rules: SegmentRulesSchema.parse({ tags: ['vip'] }) })
	if (!saved.ok) throw new Error('not saved')
	segmentId = saved.id
})

const form = (fields: Record<string, string>) => PostFormSchema.parse({ kind: 'article', body: 'For our best customers', ...fields })

describe('posts for a segment', () => {
	test('seen by its members and staff; for anyone else absent from the feed and not found, and not to be liked', async () => {
		const created = await createPost(boss, form({ title: 'VIP only', segmentId }), [])
		if (!created.ok) throw new Error(created.error)
		const feedIds = async (viewer: Member | null) => (await listFeed('newest', viewer)).items.map((p) => p.id)
		expect(await feedIds(inside)).toContain(created.id)
		expect(await feedIds(boss)).toContain(created.id)
		expect(await feedIds(outside)).not.toContain(created.id)
		expect(await feedIds(null)).not.toContain(created.id)
		expect(await getPost(created.id, outside)).toBeNull()
		expect(await getPost(created.id, null)).toBeNull()
		expect((await getPost(created.id, inside))?.audience).toBeNull()
		expect((await getPost(created.id, boss))?.audience).toBe('VIP')
		expect(await likePost(outside, created.id)).toEqual({ ok: false, error: 'post.error.notFound' })
		expect(await likePost(inside, created.id)).toMatchObject({ ok: true, likeCount: 1 })
	})

	test('a customer cannot aim a post, nor a group’s post be aimed; an unknown segment is refused', async () => {
		expect(await createPost(outside, PostFormSchema.parse({ kind: 'show', body: 'Mine', segmentId }), [])).toEqual({ ok: false, error: 'segments.error.staffOnly' })
		expect(await createPost(boss, form({ segmentId: 'no-such-segment' }), [])).toMatchObject({ ok: false, error: 'segments.error.unknown', field: 'segmentId' })
		expect(await prisma.post.count({ where: { authorId: outside.id } })).toBe(0)
	})

	test('the merchant changes a post’s audience on edit; a customer’s edit cannot aim one', async () => {
		const created = await createPost(boss, form({ title: 'Soon for all' }), [])
		if (!created.ok) throw new Error(created.error)
		expect(await editPost(boss, created.id, { body: 'Now for VIPs', segmentId })).toMatchObject({ ok: true })
		expect(await getPost(created.id, outside)).toBeNull()
		expect(await editPost(boss, created.id, { body: 'For all again', segmentId: null })).toMatchObject({ ok: true })
		expect(await getPost(created.id, outside)).not.toBeNull()

		const own = await createPost(outside, PostFormSchema.parse({ kind: 'show', body: 'My order' }), [])
		if (!own.ok) throw new Error(own.error)
		expect(await editPost(outside, own.id, { body: 'Edited', segmentId })).toEqual({ ok: false, error: 'segments.error.staffOnly' })
		expect(await prisma.post.findUniqueOrThrow({ where: { id: own.id }, select: { segmentId: true, body: true } })).toEqual({ segmentId: null, body: 'My order' })
	})

	test('a targeted review does not count in the public stars', async () => {
		const cup = await product()
		await createPost(boss, PostFormSchema.parse({ kind: 'review', productId: cup.id, rating: '1', body: 'Only for VIPs', segmentId }), [])
		expect((await ratingSummary(cup.id)).count).toBe(0)
	})

	test('a segment in use cannot be deleted and names its content; once nothing uses it, it goes', async () => {
		const refused = await deleteSegment(segmentId)
		expect(refused).toMatchObject({ ok: false, error: 'segments.error.inUse', uses: { posts: expect.arrayContaining([expect.objectContaining({ title: 'VIP only' })]), rooms: [] } })
		const spare = await saveSegment({ name: 'Spare', rules: SegmentRulesSchema.parse({ tags: ['spare'] }) })
		if (!spare.ok) throw new Error('not saved')
		const post = await createPost(boss, form({ title: 'Spare post', segmentId: spare.id }), [])
		if (!post.ok) throw new Error(post.error)
		expect(await deleteSegment(spare.id)).toMatchObject({ ok: false, error: 'segments.error.inUse' })
		// A deleted post is shown to nobody, so it no longer holds the segment.
		await deleteOwnPost(boss.id, post.id)
		expect(await deleteSegment(spare.id)).toEqual({ ok: true })
		expect(await deleteSegment(spare.id)).toEqual({ ok: false, error: 'segments.error.notFound' })
	})
})

describe('live rooms for a segment', () => {
	const startsAt = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16)

	test('outside the segment the room is not found and not listed; inside, staff and host see it', async () => {
		const scheduled = await scheduleRoom(boss, { title: 'VIP tasting', startsAt, streamUrl: '/demo/live/index.m3u8', segmentId })
		if (!scheduled.ok) throw new Error(JSON.stringify(scheduled))
		const listed = async (viewer: Member | null) => (await listRooms(viewer, { tab: 'upcoming' })).items.map((r) => r.id)
		expect(await roomAccess(scheduled.id, outside)).toBeNull()
		expect(await roomAccess(scheduled.id, null)).toBeNull()
		expect(await roomAccess(scheduled.id, inside)).not.toBeNull()
		expect(await roomAccess(scheduled.id, boss)).not.toBeNull()
		expect(await listed(outside)).not.toContain(scheduled.id)
		expect(await listed(inside)).toContain(scheduled.id)
		expect(await setSubscription(scheduled.id, outside.id, true)).toEqual({ ok: false, status: 404, error: 'liveList.error.notFound' })
		expect(await setSubscription(scheduled.id, inside.id, true)).toMatchObject({ ok: true, subscribed: true })

		// Going live tells subscribers still in the segment, and staff.
		expect(await keepSegmentAudience([outside.id, inside.id, boss.id], segmentId)).toEqual([inside.id, boss.id])

		// Back to everyone: now it is everyone's.
		expect(await updateRoom(boss, scheduled.id, { title: 'VIP tasting', startsAt, streamUrl: '/demo/live/index.m3u8', segmentId: '' })).toMatchObject({ ok: true })
		expect(await roomAccess(scheduled.id, outside)).not.toBeNull()
	})

	test('a super-user cannot aim a room, and their edits keep the audience the merchant set', async () => {
		const host = await member({ name: 'Host' })
		await prisma.user.update({ where: { id: host.id }, data: { role: 'superuser' } })
		await setLiveHosts(boss.id, [host.id])
		const sup = { ...host, role: 'superuser' }
		const room = { title: 'Wen’s tea', startsAt, streamUrl: '/demo/live/index.m3u8' }
		expect(await scheduleRoom(sup, { ...room, segmentId })).toMatchObject({ ok: false, status: 400, fieldErrors: { segmentId: 'segments.error.staffOnly' } })
		expect(await prisma.liveRoom.count({ where: { hostId: host.id } })).toBe(0)

		const own = await scheduleRoom(sup, room)
		if (!own.ok) throw new Error(JSON.stringify(own))
		expect(await updateRoom(boss, own.id, { ...room, segmentId })).toMatchObject({ ok: true })
		for (const edit of [{}, { segmentId: '' }]) {
			expect(await updateRoom(sup, own.id, { ...room, title: 'Wen’s tea, again', ...edit })).toMatchObject({ ok: true })
			expect(await prisma.liveRoom.findUniqueOrThrow({ where: { id: own.id }, select: { segmentId: true } })).toEqual({ segmentId })
		}
		// Their own room stays open to them as its host, though they are not in the segment.
		expect(await roomAccess(own.id, sup)).not.toBeNull()
	})
})
