import { describe, expect, test } from 'vitest'
import { decidePost } from '#app/domain/moderation/decisions.server.ts'
import { getBalance, sumOfEntries } from '#app/domain/points/ledger.server.ts'
import { featurePost } from '#app/domain/posts/curation.server.ts'
import { createPost, deleteOwnPost, editPost } from '#app/domain/posts/posts.server.ts'
import { payPostRewards } from '#app/domain/posts/rewards.server.ts'
import { getPost, listFeed, listProductReviews, ratingSummary } from '#app/domain/posts/queries.server.ts'
import { PostFormSchema } from '#app/domain/posts/schemas.ts'
import { isVerifiedBuyer } from '#app/domain/posts/verified.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member, order, photo, product, review, show, video } from './fixtures.ts'

describe('the post form', () => {
	test('a review needs a product and 1 to 5 stars; a show-your-order post needs neither', () => {
		const bad = PostFormSchema.safeParse({ kind: 'review', body: 'Nice' })
		expect(bad.success).toBe(false)
		const fields = bad.error!.issues.map((i) => `${i.path[0]}:${i.message}`)
		expect(fields).toEqual(expect.arrayContaining(['productId:post.error.productRequired', 'rating:post.error.ratingRequired']))
		expect(PostFormSchema.safeParse({ kind: 'review', productId: 'p1', rating: '6', body: 'x' }).success).toBe(false)
		expect(PostFormSchema.safeParse({ kind: 'show', body: 'Arrived!' }).success).toBe(true)
	})

	test('empty and over-long text are refused with a message; control characters are dropped', () => {
		expect(PostFormSchema.safeParse({ kind: 'show', body: '   ' }).error?.issues[0]?.message).toBe('post.error.bodyRequired')
		expect(PostFormSchema.safeParse({ kind: 'show', body: 'x'.repeat(5001) }).error?.issues[0]?.message).toBe('post.error.bodyTooLong')
		expect(PostFormSchema.parse({ kind: 'show', body: 'a\u0000b\u0007c\nd' }).body).toBe('abc\nd')
	})

	test('the database refuses a rating outside 1 to 5 even if a caller skips the form', async () => {
		const author = await member()
		await expect(prisma.post.create({ data: { authorId: author.id, kind: 'review', body: 'x', rating: 9 } })).rejects.toThrow()
	})
})

describe('publishing and rewards', () => {
	test('a review with photos pays for posting and for photos; the rating changes nothing', async () => {
		const cup = await product()
		const low = await member()
		const high = await member()
		await review(low, cup.id, 1, 'Cracked on arrival, see photos.', [photo(0), photo(1)])
		await review(high, cup.id, 5, 'Lovely glaze, see photos.', [photo(0), photo(1)])
		expect(await getBalance(low.id)).toBe(20)
		expect(await getBalance(high.id)).toBe(20)
	})

	test('a video pays once it is processed, not before', async () => {
		const author = await member()
		const clip = video()
		const { id } = await show(author, 'Unboxing', [clip])
		expect(await getBalance(author.id)).toBe(10)
		await prisma.media.update({ where: { id: clip.id }, data: { status: 'ready' } })
		await payPostRewards(id)
		await payPostRewards(id)
		expect(await getBalance(author.id)).toBe(30)
	})

	test('one review per member per product; the second attempt points at the first', async () => {
		const cup = await product()
		const author = await member()
		const first = await review(author, cup.id, 4)
		const again = await createPost(author, PostFormSchema.parse({ kind: 'review', productId: cup.id, rating: '2', body: 'Changed my mind' }), [])
		expect(again).toMatchObject({ ok: false, error: 'post.error.alreadyReviewed', params: { id: first.id } })
	})

	test('only the merchant writes articles; a product that is not on sale cannot be reviewed', async () => {
		const author = await member()
		expect(await createPost(author, PostFormSchema.parse({ kind: 'article', body: 'News' }), [])).toMatchObject({ ok: false, error: 'post.error.kind' })
		const draft = await prisma.product.create({ data: { name: 'Secret', sku: `D-${author.id}`, priceCents: 100, status: 'draft' } })
		expect(await createPost(author, PostFormSchema.parse({ kind: 'review', productId: draft.id, rating: '5', body: 'x' }), [])).toMatchObject({ ok: false, field: 'productId' })
	})
})

describe('who edits what', () => {
	test('only the author changes the words and stars; staff decisions never touch them', async () => {
		const cup = await product()
		const author = await member()
		const other = await member()
		const staff = await member({ role: 'merchant' })
		const { id } = await review(author, cup.id, 2, 'Too small for me.')
		expect(await editPost(other, id, { rating: 5, body: 'Great!' })).toMatchObject({ ok: false, error: 'post.error.notFound' })
		await decidePost(staff.id, id, 'hide')
		await decidePost(staff.id, id, 'approve')
		expect(await prisma.post.findUnique({ where: { id }, select: { rating: true, body: true } })).toEqual({ rating: 2, body: 'Too small for me.' })
		expect(await editPost(author, id, { rating: 4, body: 'It grew on me.' })).toMatchObject({ ok: true })
		expect(await prisma.post.findUnique({ where: { id }, select: { rating: true, body: true, editedAt: true } })).toMatchObject({ rating: 4, body: 'It grew on me.', editedAt: expect.any(Date) })
	})
})

describe('hiding reverses rewards through the ledger', () => {
	test('hidden: points go back by a new entry; restored: paid again; the ledger always adds up', async () => {
		const author = await member()
		const staff = await member({ role: 'merchant' })
		const { id } = await show(author, 'With photos', [photo()])
		await featurePost(staff.id, id)
		expect(await getBalance(author.id)).toBe(70)
		expect(await decidePost(staff.id, id, 'hide')).toBe(true)
		expect(await getBalance(author.id)).toBe(0)
		expect(await sumOfEntries(author.id)).toBe(0)
		const entries = await prisma.pointsEntry.findMany({ where: { userId: author.id }, select: { amount: true, reason: true } })
		expect(entries.filter((e) => e.amount > 0)).toHaveLength(3)
		expect(entries.filter((e) => e.reason === 'reverse')).toHaveLength(3)
		// Hiding twice reverses nothing more.
		expect(await decidePost(staff.id, id, 'hide')).toBe(false)
		expect(await decidePost(staff.id, id, 'approve')).toBe(true)
		expect(await getBalance(author.id)).toBe(20)
		expect(await sumOfEntries(author.id)).toBe(20)
	})

	test('points already spent are not clawed below zero', async () => {
		const author = await member()
		const staff = await member({ role: 'merchant' })
		const { id } = await show(author, 'Photos', [photo()])
		await prisma.$transaction([
			prisma.pointsEntry.create({ data: { userId: author.id, amount: -15, reason: 'spend:draw', key: `spent:${id}` } }),
			prisma.pointsBalance.update({ where: { userId: author.id }, data: { balance: { decrement: 15 } } }),
		])
		await decidePost(staff.id, id, 'hide')
		expect(await getBalance(author.id)).toBe(0)
		expect(await sumOfEntries(author.id)).toBe(0)
	})

	test('an author who deletes a post gives its points back', async () => {
		const author = await member()
		const { id } = await show(author)
		expect(await getBalance(author.id)).toBe(10)
		expect(await deleteOwnPost(author.id, id)).toBe(true)
		expect(await getBalance(author.id)).toBe(0)
		expect(await getPost(id, author)).toBeNull()
	})
})

describe('featuring', () => {
	test('a one-star review with photos can be featured; ten racing features pay once', async () => {
		const cup = await product()
		const author = await member()
		const staff = await member({ role: 'merchant' })
		const { id } = await review(author, cup.id, 1, 'Handle broke. Photos of the crack.', [photo()])
		const before = await getBalance(author.id)
		const results = await Promise.all(Array.from({ length: 10 }, () => featurePost(staff.id, id)))
		expect(results.filter(Boolean)).toHaveLength(1)
		expect(await getBalance(author.id)).toBe(before + 50)
		expect(await prisma.auditLog.count({ where: { targetId: id, action: 'post.feature' } })).toBe(1)
		const notes = await prisma.notification.findMany({ where: { userId: author.id, kind: 'postFeatured' }, select: { params: true } })
		expect(notes.map((n) => JSON.parse(n.params))).toEqual([{ points: 50 }])
	})
})

describe('reading', () => {
	test('feed tabs and cursor pages: every post once, newest first', async () => {
		const author = await member({ name: 'Pager' })
		const ids: string[] = []
		for (let i = 0; i < 7; i++) ids.push((await show(author, `Post ${i}`, i % 2 ? [photo()] : [])).id)
		const seen: string[] = []
		let cursor: string | null = null
		do {
			const page = await listFeed('newest', null, { cursor, take: 3 })
			seen.push(...page.items.map((p) => p.id))
			cursor = page.nextCursor
		} while (cursor)
		const mine = seen.filter((id) => ids.includes(id))
		expect(mine).toEqual([...ids].reverse())
		const media = await listFeed('media', null, { take: 50 })
		expect(media.items.every((p) => p.media.length > 0)).toBe(true)
	})

	test('following shows only the people I follow', async () => {
		const reader = await member()
		const followed = await member()
		const stranger = await member()
		const a = await show(followed, 'From a friend')
		const b = await show(stranger, 'From a stranger')
		await prisma.follow.create({ data: { followerId: reader.id, followeeId: followed.id } })
		const page = await listFeed('following', reader)
		expect(page.items.map((p) => p.id)).toContain(a.id)
		expect(page.items.map((p) => p.id)).not.toContain(b.id)
	})

	test('rating summary and review sorts', async () => {
		const cup = await product()
		const ratings = [5, 5, 4, 2, 1]
		const ids = []
		for (const r of ratings) ids.push((await review(await member(), cup.id, r, `Rated ${r}`, r === 4 ? [photo()] : [])).id)
		await prisma.post.update({ where: { id: ids[3] }, data: { likeCount: 9 } })
		expect(await ratingSummary(cup.id)).toEqual({ average: 3.4, count: 5, histogram: { 1: 1, 2: 1, 3: 0, 4: 1, 5: 2 } })
		expect((await listProductReviews(cup.id, 'helpful', null)).items[0]!.id).toBe(ids[3])
		expect((await listProductReviews(cup.id, 'media', null)).items.map((p) => p.id)).toEqual([ids[2]])
	})

	test('verified buyer: a paid order with the product, not a refunded one, not another product', async () => {
		const cup = await product()
		const pot = await product('Teapot')
		const buyer = await member()
		const refunded = await member()
		const other = await member()
		await order(buyer.id, cup.sku)
		await order(refunded.id, cup.sku, 'refunded')
		await order(other.id, pot.sku)
		expect(await isVerifiedBuyer(buyer.id, cup.id)).toBe(true)
		expect(await isVerifiedBuyer(refunded.id, cup.id)).toBe(false)
		expect(await isVerifiedBuyer(other.id, cup.id)).toBe(false)
		const { id } = await review(buyer, cup.id, 5)
		expect((await getPost(id, null))!.verified).toBe(true)
		const { id: notBought } = await review(other, cup.id, 5)
		expect((await getPost(notBought, null))!.verified).toBe(false)
	})
})
