// Fills the benchmark's database with what the feed bench reads: 20 posts, each with three
// photos processed by the real media pipeline. Run by production-server.ts before the server
// starts, with DATABASE_URL and DATA_DIR pointing at the benchmark's own files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { ingestUploads } from '#app/domain/media/ingest.server.ts'
import type { StagedFile } from '#app/domain/media/upload.server.ts'
import { createPost, loadAuthor } from '#app/domain/posts/posts.server.ts'
import { PostFormSchema } from '#app/domain/posts/schemas.ts'
import { connectDatabase, prisma } from '#app/lib/db.server.ts'

const FEED_POSTS = 20
const PHOTOS_PER_POST = 3

await connectDatabase()
const dir = mkdtempSync(path.join(tmpdir(), 'quanzi-bench-feed-'))
try {
	const user = await createUser({ email: 'bench@quanzi.test', displayName: 'Bench', password: 'bench password' })
	const author = (await loadAuthor(user!.id))!
	const product = await prisma.product.create({ data: { name: 'Bench tea', sku: 'BENCH-1', priceCents: 9900 }, select: { id: true } })
	for (let n = 0; n < FEED_POSTS; n++) {
		const files: StagedFile[] = []
		for (let p = 0; p < PHOTOS_PER_POST; p++) {
			const file = path.join(dir, `${n}-${p}.jpg`)
			const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="1600" height="1200" fill="hsl(${(n * 40 + p * 90) % 360} 50% 70%)"/><circle cx="800" cy="600" r="${200 + p * 80}" fill="hsl(${(n * 20) % 360} 40% 40%)"/></svg>`
			writeFileSync(file, await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer())
			files.push({ field: 'photos', path: file, bytes: 0, kind: 'image', format: 'jpeg', name: `${n}-${p}.jpg` })
		}
		const media = await ingestUploads(files, author.id)
		if (!media.ok) throw new Error(media.failure.message)
		// One review per member per product: the first post reviews it, the rest show the order.
		const form = PostFormSchema.parse({ kind: n === 0 ? 'review' : 'show', productId: product.id, rating: '4', body: `Bench post ${n}: how the tea tasted, how it was packed, and what I would tell a friend. `.repeat(3) })
		const result = await createPost(author, form, media.media)
		if (!result.ok || result.status !== 'published') throw new Error(`bench post ${n} was not published`)
	}
} finally {
	rmSync(dir, { recursive: true, force: true })
	await prisma.$disconnect()
}
