import { describe, expect, test } from 'vitest'
import { decideItems, setBanned } from '#app/domain/moderation/decisions.server.ts'
import { listQueue } from '#app/domain/moderation/queue.server.ts'
import { reportContent } from '#app/domain/moderation/reports.server.ts'
import { containsLink } from '#app/domain/moderation/rules.server.ts'
import { addWatchWord, matchWatchList } from '#app/domain/moderation/watch-words.server.ts'
import { getBalance } from '#app/domain/points/ledger.server.ts'
import { addComment, likePost, listComments, unlikePost } from '#app/domain/posts/engagement.server.ts'
import { createPost, loadAuthor } from '#app/domain/posts/posts.server.ts'
import { getPost, listFeed } from '#app/domain/posts/queries.server.ts'
import { PostFormSchema } from '#app/domain/posts/schemas.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member, order, product, review, show } from './fixtures.ts'

describe('holding rules', () => {
	test('the first post of a new account with a link is held: only its author and staff see it', async () => {
		const newcomer = await member({ ageDays: 1 })
		const reader = await member()
		const staff = await member({ role: 'merchant' })
		const { id, status } = await show(newcomer, 'Cheap copies at www.fake-tea.shop')
		expect(status).toBe('held')
		expect(await getPost(id, reader)).toBeNull()
		expect(await getPost(id, null)).toBeNull()
		expect((await getPost(id, newcomer))?.status).toBe('held')
		expect((await getPost(id, staff))?.holdReason).toBe('newAccountLink')
		expect((await listFeed('newest', reader, { take: 50 })).items.map((p) => p.id)).not.toContain(id)
		// Held posts earn nothing until approved.
		expect(await getBalance(newcomer.id)).toBe(0)
		const queued = (await listQueue({ take: 100 })).items.find((i) => i.targetId === id)
		expect(queued?.reasons).toEqual(['newAccountLink'])
		expect(await decideItems(staff.id, [queued!.id], 'approve')).toBe(1)
		expect((await getPost(id, reader))?.status).toBe('published')
		expect(await getBalance(newcomer.id)).toBe(10)
		expect(await prisma.notification.count({ where: { userId: newcomer.id, kind: 'postPublished' } })).toBe(1)
		expect(await prisma.auditLog.count({ where: { targetId: id, action: 'post.approve', actorId: staff.id } })).toBe(1)
	})

	test('an older account, or a second post, may carry a link', async () => {
		expect((await show(await member({ ageDays: 60 }), 'See www.quanzi-tea.com')).status).toBe('published')
		const newcomer = await member({ ageDays: 1 })
		await show(newcomer, 'Hello circle')
		expect((await show(newcomer, 'Recipe at https://example.com/tea')).status).toBe('published')
	})

	test('links are recognised with or without a scheme', () => {
		expect(containsLink('go to http://a.b')).toBe(true)
		expect(containsLink('visit cheap-tea.shop now')).toBe(true)
		expect(containsLink('I drink 2.5 cups a day.')).toBe(false)
	})

	test('watch list: block refuses with the phrase, hold queues, allow exempts', async () => {
		const staff = await member({ role: 'merchant' })
		expect(await addWatchWord(staff.id, { phrase: '  Replica ', action: 'block' })).toEqual({ ok: true })
		expect(await addWatchWord(staff.id, { phrase: 'replica', action: 'hold' })).toEqual({ ok: false, error: 'moderation.word.exists' })
		expect(await addWatchWord(staff.id, { phrase: '退款', action: 'hold' })).toEqual({ ok: true })
		expect(await addWatchWord(staff.id, { phrase: 'replica glaze', action: 'allow' })).toEqual({ ok: true })
		const author = await member()
		const blocked = await createPost(author, PostFormSchema.parse({ kind: 'show', body: 'Best REPLICA cups' }), [])
		expect(blocked).toEqual({ ok: false, error: 'post.error.blockedWord', params: { phrase: 'replica' } })
		expect(await prisma.post.count({ where: { authorId: author.id } })).toBe(0)
		expect((await show(author, '我要退款')).status).toBe('held')
		expect((await show(author, 'Love the replica glaze finish')).status).toBe('published')
		expect(await prisma.auditLog.count({ where: { action: 'watchWord.add', actorId: staff.id } })).toBe(3)
	})

	test('matching is case- and width-insensitive', () => {
		const words = [{ id: '1', phrase: 'scam', action: 'block' as const }]
		expect(matchWatchList('ＳＣＡＭ alert', words)).toEqual({ action: 'block', phrase: 'scam' })
	})

	test('a burst of low-star reviews from non-buyers is held and the merchant alerted once; buyers are never held', async () => {
		const cup = await product('Burst cup')
		const staff = await member({ role: 'merchant' })
		const buyer = await member()
		await order(buyer.id, cup.sku)
		const fair = await review(buyer, cup.id, 1, 'Broke in a week.')
		const first = await review(await member(), cup.id, 1, 'Bad')
		const second = await review(await member(), cup.id, 2, 'Meh')
		expect([fair.status, first.status, second.status]).toEqual(['published', 'published', 'published'])
		const third = await review(await member(), cup.id, 1, 'Awful')
		expect(third.status).toBe('held')
		const statuses = await prisma.post.findMany({ where: { id: { in: [fair.id, first.id, second.id] } }, select: { id: true, status: true } })
		expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [fair.id]: 'published', [first.id]: 'held', [second.id]: 'held' })
		const fourth = await review(await member(), cup.id, 1, 'Terrible')
		expect(fourth.status).toBe('held')
		expect(await prisma.notification.count({ where: { userId: staff.id, kind: 'moderationBurst' } })).toBe(1)
		// A five-star review in the middle of it is not touched.
		expect((await review(await member(), cup.id, 5, 'Great')).status).toBe('published')
	})
})

describe('likes', () => {
	test('30 racing likes by one member count once; 20 members liking at once count 20', async () => {
		const author = await member()
		const { id } = await show(author, 'Like me')
		const fan = await member()
		await Promise.all(Array.from({ length: 30 }, () => likePost(fan, id)))
		expect((await prisma.post.findUnique({ where: { id }, select: { likeCount: true } }))?.likeCount).toBe(1)
		const fans = await Promise.all(Array.from({ length: 20 }, () => member()))
		await Promise.all(fans.map((f) => likePost(f, id)))
		expect(await prisma.postLike.count({ where: { postId: id } })).toBe(21)
		expect((await prisma.post.findUnique({ where: { id }, select: { likeCount: true } }))?.likeCount).toBe(21)
		await Promise.all(Array.from({ length: 10 }, () => unlikePost(fan.id, id)))
		expect((await prisma.post.findUnique({ where: { id }, select: { likeCount: true } }))?.likeCount).toBe(20)
		expect(await likePost(author, id)).toEqual({ ok: false, error: 'post.error.likeOwn' })
	})
})

describe('comments and reports', () => {
	test('a new account’s first comment with a link is held and shown only to its author', async () => {
		const { id } = await show(await member(), 'Nice')
		const newcomer = await member({ ageDays: 0 })
		const other = await member()
		const held = await addComment(newcomer, id, 'buy here: www.spam.cn')
		expect(held).toMatchObject({ ok: true, status: 'held' })
		expect((await listComments(id, other)).items).toHaveLength(0)
		expect((await listComments(id, newcomer)).items.map((c) => c.status)).toEqual(['held'])
	})

	test('reports: a missing target is refused, a repeat changes nothing, the post stays up until a decision', async () => {
		const author = await member()
		const reporter = await member()
		const { id } = await show(author, 'Reported post')
		expect(await reportContent(reporter, { targetType: 'post', targetId: 'no-such-post', reason: 'spam' })).toEqual({ ok: false, error: 'report.error.notFound' })
		expect(await reportContent(author, { targetType: 'post', targetId: id, reason: 'spam' })).toEqual({ ok: false, error: 'report.error.own' })
		const results = await Promise.all(Array.from({ length: 5 }, () => reportContent(reporter, { targetType: 'post', targetId: id, reason: 'fake', note: 'Never bought it' })))
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1)
		await reportContent(await member(), { targetType: 'post', targetId: id, reason: 'spam' })
		const item = (await listQueue({ take: 100 })).items.find((i) => i.targetId === id)
		expect(item).toMatchObject({ reportCount: 2, reasons: ['report:fake', 'report:spam'] })
		expect(item?.reports).toEqual([{ reason: 'fake', note: 'Never bought it' }, { reason: 'spam', note: null }])
		expect((await getPost(id, null))?.status).toBe('published')
	})

	test('bulk hide decides every ticked item and logs each', async () => {
		const staff = await member({ role: 'merchant' })
		const reporter = await member()
		const posts = await Promise.all([1, 2, 3].map(async (n) => (await show(await member(), `Bulk ${n}`)).id))
		for (const id of posts) await reportContent(reporter, { targetType: 'post', targetId: id, reason: 'spam' })
		const items = (await listQueue({ take: 100 })).items.filter((i) => posts.includes(i.targetId))
		expect(await decideItems(staff.id, items.map((i) => i.id), 'hide')).toBe(3)
		expect(await prisma.post.count({ where: { id: { in: posts }, status: 'hidden' } })).toBe(3)
		expect(await prisma.auditLog.count({ where: { targetId: { in: posts }, action: 'post.hide' } })).toBe(3)
		expect((await listQueue({ take: 100 })).items.filter((i) => posts.includes(i.targetId))).toHaveLength(0)
	})

	test('a banned member can read but not post, comment, like or report', async () => {
		const staff = await member({ role: 'merchant' })
		const troll = await member()
		const { id } = await show(await member(), 'Target')
		expect(await setBanned(staff.id, troll.id, true)).toBe(true)
		const banned = (await loadAuthor(troll.id))!
		expect(await createPost(banned, PostFormSchema.parse({ kind: 'show', body: 'x' }), [])).toEqual({ ok: false, error: 'post.error.banned' })
		expect(await addComment(banned, id, 'x')).toEqual({ ok: false, error: 'post.error.banned' })
		expect(await likePost(banned, id)).toEqual({ ok: false, error: 'post.error.banned' })
		expect(await reportContent(banned, { targetType: 'post', targetId: id, reason: 'spam' })).toEqual({ ok: false, error: 'post.error.banned' })
		expect(await getPost(id, banned)).not.toBeNull()
		expect(await setBanned(staff.id, staff.id, true)).toBe(false)
	})
})
