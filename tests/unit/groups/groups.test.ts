import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createGroup, getGroupPage, listGroups, setAnnouncement } from '#app/domain/groups/groups.server.ts'
import { createInvite, decideRequest, joinByInvite, leaveGroup, removeMember, requestToJoin, revokeInvite, setHelper } from '#app/domain/groups/members.server.ts'
import { groupStanding } from '#app/domain/groups/membership.server.ts'
import { roomAccess } from '#app/domain/live/access.server.ts'
import { createPost, loadAuthor } from '#app/domain/posts/posts.server.ts'
import { listFeed, listGroupPosts, listMemberPosts } from '#app/domain/posts/queries.server.ts'
import { PostFormSchema } from '#app/domain/posts/schemas.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '../posts/fixtures.ts'

type Person = Awaited<ReturnType<typeof member>>
async function superuser(name = 'Aunt Wen'): Promise<Person> {
	const m = await member({ name })
	await prisma.user.update({ where: { id: m.id }, data: { role: 'superuser' } })
	return { ...m, role: 'superuser' }
}
async function group(leader: Person, overrides: Partial<{ visibility: 'public' | 'invite'; memberCap: number; name: string }> = {}) {
	const made = await createGroup(leader, { name: overrides.name ?? 'Tea mothers', description: 'We brew together.', visibility: overrides.visibility ?? 'invite', memberCap: overrides.memberCap ?? 50 }, [])
	if (!made.ok) throw new Error(made.error)
	return made.id
}
async function invite(leader: Person, groupId: string) {
	const made = await createInvite(leader, groupId)
	if (!made.ok) throw new Error(made.error)
	return made.token
}
const count = async (groupId: string) => (await prisma.group.findUniqueOrThrow({ where: { id: groupId }, select: { memberCount: true } })).memberCount

describe('starting a group', () => {
	test('a super-user starts one and leads it, with its chat room; a customer is refused', async () => {
		const leader = await superuser()
		const groupId = await group(leader)
		expect(await groupStanding(groupId, leader)).toMatchObject({ role: 'leader', manages: true })
		const room = await prisma.liveRoom.findUniqueOrThrow({ where: { groupId }, select: { hostId: true, status: true } })
		expect(room).toEqual({ hostId: leader.id, status: 'live' })
		expect(await count(groupId)).toBe(1)
		const customer = await member()
		expect(await createGroup(customer, { name: 'Mine', description: '', visibility: 'public', memberCap: 10 }, [])).toMatchObject({ ok: false, error: 'groups.error.notSuperuser' })
	})
})

describe('joining', () => {
	test('by invite link at once; a revoked link, a second join and a full group are refused with a reason', async () => {
		const leader = await superuser()
		const groupId = await group(leader, { memberCap: 2 })
		const token = await invite(leader, groupId)
		const [ana, ben] = [await member(), await member()]
		expect(await joinByInvite(token, ana)).toEqual({ ok: true, groupId })
		expect(await joinByInvite(token, ana)).toMatchObject({ ok: false, error: 'groups.error.alreadyMember' })
		expect(await joinByInvite(token, ben)).toMatchObject({ ok: false, error: 'groups.error.full', params: { cap: 2 } })
		const other = await invite(leader, groupId)
		const { id: otherId } = await prisma.groupInvite.findUniqueOrThrow({ where: { token: other }, select: { id: true } })
		expect(await revokeInvite(leader, groupId, otherId)).toEqual({ ok: true })
		expect(await joinByInvite(other, ben)).toMatchObject({ ok: false, error: 'groups.error.inviteRevoked' })
		expect(await joinByInvite('no-such-link', ben)).toMatchObject({ ok: false, error: 'groups.error.noInvite' })
		expect(await count(groupId)).toBe(2)
	})

	test('forty members racing for ten seats: exactly ten get in', async () => {
		const leader = await superuser()
		const groupId = await group(leader, { memberCap: 11 })
		const token = await invite(leader, groupId)
		const crowd = await Promise.all(Array.from({ length: 40 }, () => member()))
		const results = await Promise.all(crowd.map((m) => joinByInvite(token, m)))
		expect(results.filter((r) => r.ok)).toHaveLength(10)
		expect(await count(groupId)).toBe(11)
		expect(await prisma.groupMember.count({ where: { groupId, status: 'active' } })).toBe(11)
	})

	test('by request: the leader lets a member in or turns them away', async () => {
		const leader = await superuser()
		const groupId = await group(leader)
		const [ana, ben] = [await member(), await member()]
		expect(await requestToJoin(groupId, ana)).toEqual({ ok: true })
		expect(await requestToJoin(groupId, ana)).toEqual({ ok: true })
		expect(await requestToJoin(groupId, ben)).toEqual({ ok: true })
		expect(await decideRequest(ana, groupId, ben.id, true)).toMatchObject({ ok: false, error: 'groups.error.managersOnly' })
		expect(await decideRequest(leader, groupId, ana.id, true)).toEqual({ ok: true })
		expect(await decideRequest(leader, groupId, ben.id, false)).toEqual({ ok: true })
		expect((await groupStanding(groupId, ana)).role).toBe('member')
		expect(await groupStanding(groupId, ben)).toMatchObject({ role: null, requested: false })
		expect(await count(groupId)).toBe(2)
	})
})

describe('running a group', () => {
	test('helpers moderate the chat and remove members, but never the leader nor another helper; the leader cannot leave', async () => {
		const leader = await superuser()
		const groupId = await group(leader)
		const token = await invite(leader, groupId)
		const [helper, other, ana] = [await member(), await member(), await member()]
		for (const m of [helper, other, ana]) expect((await joinByInvite(token, m)).ok).toBe(true)
		expect(await setHelper(helper, groupId, other.id, true)).toMatchObject({ ok: false, error: 'groups.error.leaderOnly' })
		expect(await setHelper(leader, groupId, helper.id, true)).toEqual({ ok: true })
		expect(await setHelper(leader, groupId, other.id, true)).toEqual({ ok: true })
		const roomId = (await prisma.liveRoom.findUniqueOrThrow({ where: { groupId }, select: { id: true } })).id
		expect((await roomAccess(roomId, helper))?.canModerate).toBe(true)
		expect((await roomAccess(roomId, ana))?.canModerate).toBe(false)
		expect(await removeMember(helper, groupId, leader.id)).toMatchObject({ ok: false, error: 'groups.error.notTheLeader' })
		expect(await removeMember(helper, groupId, other.id)).toMatchObject({ ok: false, error: 'groups.error.leaderOnly' })
		expect(await removeMember(helper, groupId, ana.id)).toEqual({ ok: true })
		expect(await leaveGroup(groupId, leader)).toMatchObject({ ok: false, error: 'groups.error.leaderStays' })
		expect(await leaveGroup(groupId, helper)).toEqual({ ok: true })
		expect((await roomAccess(roomId, helper))?.canModerate).toBe(false)
		expect(await count(groupId)).toBe(2)
		const actions = await prisma.auditLog.findMany({ where: { OR: [{ targetId: groupId }, { detail: { contains: groupId } }] }, select: { action: true } })
		expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['group.create', 'group.invite', 'group.helper', 'group.remove']))
	})

	test("the group's chat is its members' only", async () => {
		const leader = await superuser()
		const groupId = await group(leader)
		const roomId = (await prisma.liveRoom.findUniqueOrThrow({ where: { groupId }, select: { id: true } })).id
		const ana = await member()
		expect((await roomAccess(roomId, ana))?.allowed).toBe(false)
		expect((await roomAccess(roomId, null))?.allowed).toBe(false)
		await joinByInvite(await invite(leader, groupId), ana)
		expect((await roomAccess(roomId, ana))?.allowed).toBe(true)
		const merchant = await member({ role: 'merchant' })
		expect((await roomAccess(roomId, merchant))?.canModerate).toBe(true)
	})

	test('an announcement is pinned by a manager, shown to readers only', async () => {
		const leader = await superuser()
		const groupId = await group(leader)
		const ana = await member()
		expect(await setAnnouncement(ana, groupId, 'Hi')).toMatchObject({ ok: false, error: 'groups.error.managersOnly' })
		expect(await setAnnouncement(leader, groupId, 'Tasting on Friday at 8')).toEqual({ ok: true })
		expect((await getGroupPage(groupId, leader))?.announcement?.text).toBe('Tasting on Friday at 8')
		expect((await getGroupPage(groupId, ana))?.announcement).toBeNull()
	})
})

describe("an invite-only group's posts", () => {
	test('are read by its members only, never in the circle feed nor on the author’s page for others', async () => {
		const leader = await superuser()
		const groupId = await group(leader, { name: `Secret ${randomUUID().slice(0, 4)}` })
		const ana = await member()
		await joinByInvite(await invite(leader, groupId), ana)
		const author = (await loadAuthor(ana.id))!
		const outsider = await member()
		expect(await createPost((await loadAuthor(outsider.id))!, PostFormSchema.parse({ kind: 'show', body: 'let me in', groupId }), [])).toMatchObject({ ok: false, error: 'post.error.groupMember' })
		expect(await createPost(author, PostFormSchema.parse({ kind: 'review', productId: 'x', rating: '5', body: 'great', groupId }), [])).toMatchObject({ ok: false, error: 'post.error.groupReview' })
		const posted = await createPost(author, PostFormSchema.parse({ kind: 'show', body: 'Only for the group', groupId }), [])
		if (!posted.ok) throw new Error(posted.error)
		const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id)
		expect(ids(await listGroupPosts(groupId, ana))).toEqual([posted.id])
		expect(ids(await listGroupPosts(groupId, outsider))).toEqual([])
		expect(ids(await listGroupPosts(groupId, null))).toEqual([])
		expect(ids(await listMemberPosts(ana.id, outsider))).not.toContain(posted.id)
		expect(ids(await listFeed('newest', ana, { take: 50 }))).not.toContain(posted.id)
		const { mine, discover } = await listGroups(outsider)
		expect([...mine, ...discover].map((g) => g.id)).not.toContain(groupId)
		// A member of another invite-only group reads that group, not this one.
		const neighbour = await superuser('Uncle Bo')
		const otherGroup = await group(neighbour, { name: 'Next door' })
		await joinByInvite(await invite(neighbour, otherGroup), outsider)
		expect(ids(await listGroupPosts(groupId, outsider))).toEqual([])
		expect((await getGroupPage(groupId, outsider))?.canRead).toBe(false)
		expect((await getGroupPage(otherGroup, outsider))?.canRead).toBe(true)
	})
})
