import { randomUUID } from 'node:crypto'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { createPost, loadAuthor, type NewMedia } from '#app/domain/posts/posts.server.ts'
import { PostFormSchema } from '#app/domain/posts/schemas.ts'
import { prisma } from '#app/lib/db.server.ts'

// Real rows through the real domain functions; only the clock of an account's age is set
// directly, since "new account" is a rule input.

export async function member(options: { role?: 'customer' | 'merchant'; ageDays?: number; name?: string } = {}) {
	const user = await createUser({ email: `m-${randomUUID()}@quanzi.test`, displayName: options.name ?? 'Member', password: 'long enough' })
	const createdAt = new Date(Date.now() - (options.ageDays ?? 30) * 86_400_000)
	await prisma.user.update({ where: { id: user!.id }, data: { createdAt, role: options.role ?? 'customer' } })
	return (await loadAuthor(user!.id))!
}

export async function product(name = 'Tea cup') {
	return prisma.product.create({ data: { name, sku: `SKU-${randomUUID().slice(0, 8)}`, priceCents: 12900 }, select: { id: true, sku: true, name: true } })
}

export function photo(position = 0): NewMedia {
	return { id: `m${randomUUID().replaceAll('-', '')}`, kind: 'image', status: 'ready', format: 'jpeg', bytes: 1000, position, width: 1080, height: 810, durationMs: null, placeholder: null }
}

export function video(position = 9): NewMedia {
	return { ...photo(position), kind: 'video', status: 'processing', format: 'mp4', width: null, height: null }
}

type Author = NonNullable<Awaited<ReturnType<typeof loadAuthor>>>

export async function review(author: Author, productId: string, rating: number, body = 'Solid cup, keeps the tea warm.', media: NewMedia[] = []) {
	const form = PostFormSchema.parse({ kind: 'review', productId, rating: String(rating), body })
	const result = await createPost(author, form, media)
	if (!result.ok) throw new Error(`review refused: ${result.error}`)
	return result
}

export async function show(author: Author, body = 'My order arrived today.', media: NewMedia[] = []) {
	const result = await createPost(author, PostFormSchema.parse({ kind: 'show', body }), media)
	if (!result.ok) throw new Error(`post refused: ${result.error}`)
	return result
}

/** An order from the shop, written directly (the import arrives with the membership capability). */
export async function order(memberId: string, sku: string, status = 'paid') {
	await prisma.shopOrder.create({
		data: { externalId: randomUUID(), memberId, totalCents: 12900, status, placedAt: new Date(), lines: { create: [{ sku, quantity: 1, unitCents: 12900 }] } },
	})
}
