// Demo groups: Aunt Wen (the demo super-user) leads a public circle with a chat, an
// announcement, a few posts and a deal that is filling, and a small invite-only group.
// NOTE: rows are written directly, never through the points ledger: the browser tests count
// the demo members' points.
import { randomBytes } from 'node:crypto'
import { prisma } from '#app/lib/db.server.ts'

type Accounts = Record<'merchant' | 'leader' | 'mei' | 'lin' | 'tom', string>
const MINUTE = 60_000

export async function seedGroups(accounts: Accounts): Promise<number> {
	const now = Date.now()
	await prisma.user.update({ where: { id: accounts.leader }, data: { profileLine: 'Tea grower, 30 years' } })
	const cup = await prisma.product.findUniqueOrThrow({ where: { sku: 'CUP-CEL' }, select: { id: true, priceCents: true } })
	const members = [accounts.mei, accounts.lin, accounts.tom]

	const circle = await prisma.group.create({
		data: {
			leaderId: accounts.leader,
			name: 'Aunt Wen’s gongfu circle',
			description: 'We brew together, swap tips and buy cups and leaves as a group. Everyone welcome.',
			visibility: 'public',
			memberCap: 200,
			memberCount: 1 + members.length,
			announcement: 'Friday 8 pm: aged oolong tasting in the chat. Bring your own cup!',
			announcedAt: new Date(now - 60 * MINUTE),
			members: {
				create: [
					{ userId: accounts.leader, role: 'leader', joinedAt: new Date(now - 20 * 86_400_000) },
					...members.map((userId, i) => ({ userId, role: i === 0 ? 'helper' : 'member', joinedAt: new Date(now - (10 - i) * 86_400_000) })),
				],
			},
			room: { create: { title: 'Aunt Wen’s gongfu circle', hostId: accounts.leader, streamUrl: '', startsAt: new Date(now - 20 * 86_400_000), status: 'live' } },
		},
		select: { id: true, room: { select: { id: true } } },
	})
	const roomId = circle.room!.id
	await prisma.liveModerator.create({ data: { roomId, userId: accounts.mei } })
	const lines: [string, string][] = [
		[accounts.leader, 'Good morning! Who is brewing today?'],
		[accounts.mei, '我在泡龙井，今天的水温 80 度 🍵'],
		[accounts.lin, 'Second steep of the oolong here'],
		[accounts.tom, 'Can someone recommend a first clay pot?'],
		[accounts.leader, 'Start small, 150–200 ml. I will show mine on Friday.'],
	]
	await prisma.liveMessage.createMany({ data: lines.map(([userId, body], i) => ({ roomId, userId, body, createdAt: new Date(now - (40 - i * 7) * MINUTE) })) })
	await prisma.liveRoom.update({ where: { id: roomId }, data: { messageCount: lines.length } })

	const posts: [string, string][] = [
		[accounts.mei, 'Our Friday setup: two gaiwans, the celadon cups and far too many snacks.'],
		[accounts.lin, 'Tip from Aunt Wen: warm the cups first, the aroma opens up so much more.'],
	]
	for (const [i, [authorId, body]] of posts.entries()) {
		const at = new Date(now - (3 - i) * 86_400_000)
		await prisma.post.create({ data: { authorId, kind: 'show', body, groupId: circle.id, status: 'published', publishedAt: at, createdAt: at }, select: { id: true } })
	}

	// A deal filling up: 2 of 5 have joined, three days left.
	await prisma.groupDeal.create({
		data: {
			groupId: circle.id,
			productId: cup.id,
			createdById: accounts.leader,
			priceCents: Math.round(cup.priceCents * 0.7),
			target: 5,
			cap: 8,
			joined: 2,
			deadline: new Date(now + 3 * 86_400_000),
			joins: { create: [{ memberId: accounts.mei }, { memberId: accounts.lin }] },
		},
		select: { id: true },
	})

	await prisma.group.create({
		data: {
			leaderId: accounts.leader,
			name: 'Tasting notes (invite only)',
			description: 'A small group for detailed tasting notes. Ask Aunt Wen for the link.',
			visibility: 'invite',
			memberCap: 30,
			memberCount: 2,
			members: { create: [{ userId: accounts.leader, role: 'leader', joinedAt: new Date(now - 5 * 86_400_000) }, { userId: accounts.mei, joinedAt: new Date(now - 4 * 86_400_000) }] },
			invites: { create: { token: randomBytes(12).toString('base64url'), createdById: accounts.leader } },
			room: { create: { title: 'Tasting notes', hostId: accounts.leader, streamUrl: '', startsAt: new Date(now - 5 * 86_400_000), status: 'live' } },
		},
		select: { id: true },
	})
	return 2
}
