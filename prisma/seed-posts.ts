// Demo catalogue and posts: three products with pictures, reviews with photos, a show-your-order
// post and a shop article, so the feed and product pages read like a living circle.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { ingestUploads } from '#app/domain/media/ingest.server.ts'
import type { StagedFile } from '#app/domain/media/upload.server.ts'
import { featurePost, replyToPost } from '#app/domain/posts/curation.server.ts'
import { likePost } from '#app/domain/posts/engagement.server.ts'
import { createPost, loadAuthor } from '#app/domain/posts/posts.server.ts'
import { PostFormSchema } from '#app/domain/posts/schemas.ts'
import { prisma } from '#app/lib/db.server.ts'

export type Scene = 'tin' | 'cup' | 'pot' | 'leaves'

/** A simple still life drawn as SVG and rasterised, standing in for a member's photo. */
export function sceneSvg(scene: Scene, hue: number): string {
	const bg = `hsl(${hue} 45% 88%)`
	const ink = `hsl(${(hue + 180) % 360} 35% 35%)`
	const shapes: Record<Scene, string> = {
		tin: `<rect x="300" y="180" width="300" height="420" rx="28" fill="${ink}"/><rect x="300" y="250" width="300" height="120" fill="hsl(${hue} 70% 60%)"/><text x="450" y="330" font-size="64" text-anchor="middle" fill="#fff" font-family="serif">龙井</text>`,
		cup: `<ellipse cx="450" cy="560" rx="260" ry="40" fill="#00000022"/><path d="M250 300h400l-40 250a40 40 0 0 1-40 30H330a40 40 0 0 1-40-30z" fill="#f8f5ef" stroke="${ink}" stroke-width="8"/><ellipse cx="450" cy="300" rx="200" ry="36" fill="hsl(${hue} 60% 45%)"/><path d="M650 340c90 0 90 120 0 120" fill="none" stroke="${ink}" stroke-width="16"/>`,
		pot: `<ellipse cx="450" cy="420" rx="220" ry="170" fill="${ink}"/><rect x="400" y="220" width="100" height="40" rx="12" fill="${ink}"/><path d="M230 400c-90-20-110-120-60-140" fill="none" stroke="${ink}" stroke-width="26"/><path d="M660 380l120-80" stroke="${ink}" stroke-width="30" stroke-linecap="round"/>`,
		leaves: Array.from({ length: 9 }, (_, i) => `<ellipse cx="${220 + (i % 3) * 230}" cy="${200 + Math.floor(i / 3) * 170}" rx="90" ry="34" transform="rotate(${i * 37} ${220 + (i % 3) * 230} ${200 + Math.floor(i / 3) * 170})" fill="hsl(${95 + i * 4} 45% ${32 + i * 2}%)"/>`).join(''),
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="700"><rect width="900" height="700" fill="${bg}"/>${shapes[scene]}</svg>`
}

export async function photos(dir: string, scenes: Scene[], hue: number): Promise<StagedFile[]> {
	return Promise.all(
		scenes.map(async (scene, i) => {
			const file = path.join(dir, `${scene}-${hue}-${i}.jpg`)
			writeFileSync(file, await sharp(Buffer.from(sceneSvg(scene, hue + i * 25))).jpeg({ quality: 85 }).toBuffer())
			return { field: 'photos', path: file, bytes: 0, kind: 'image' as const, format: 'jpeg' as const, name: path.basename(file) }
		}),
	)
}

export async function seedPosts(accounts: Record<'merchant' | 'leader' | 'mei' | 'lin', string>): Promise<number> {
	const dir = mkdtempSync(path.join(tmpdir(), 'quanzi-seed-'))
	try {
		const staffId = accounts.merchant
		const catalogue = [
			{ name: 'Longjing green tea, 250 g', sku: 'LJ-250', priceCents: 16800, description: 'Spring-picked Longjing from the West Lake hills, pan-fired by hand.', scenes: ['tin', 'leaves'] as Scene[], hue: 35 },
			{ name: 'Celadon tea cup', sku: 'CUP-CEL', priceCents: 6800, description: 'A thin-walled celadon cup that holds 120 ml.', scenes: ['cup'] as Scene[], hue: 160 },
			{ name: 'Yixing clay teapot', sku: 'POT-YX', priceCents: 32000, description: 'Purple clay, 220 ml, made in Yixing.', scenes: ['pot'] as Scene[], hue: 20 },
		]
		const products: string[] = []
		for (const item of catalogue) {
			const media = await ingestUploads(await photos(dir, item.scenes, item.hue), staffId)
			if (!media.ok) throw new Error(`demo product photos: ${media.failure.message}`)
			const product = await prisma.product.create({
				data: { name: item.name, sku: item.sku, priceCents: item.priceCents, description: item.description, media: { create: media.media.map((m) => ({ ...m, uploaderId: staffId })) } },
				select: { id: true },
			})
			products.push(product.id)
		}
		const post = async (authorId: string, fields: Record<string, string>, scenes: Scene[] = [], hue = 0) => {
			const author = (await loadAuthor(authorId))!
			const media = scenes.length ? await ingestUploads(await photos(dir, scenes, hue), authorId) : { ok: true as const, media: [] }
			if (!media.ok) throw new Error(`demo photos: ${media.failure.message}`)
			const result = await createPost(author, PostFormSchema.parse(fields), media.media)
			if (!result.ok) throw new Error(`demo post: ${result.error}`)
			return result.id
		}
		const wen = await post(accounts.leader, { kind: 'review', productId: products[0]!, rating: '5', title: 'The real West Lake taste', body: '泡了三泡还是很香。Brew at 80 °C, not boiling: the leaves stand up in the glass. Our tea group finished the tin in a week.' }, ['leaves', 'tin'], 80)
		const lin = await post(accounts.lin, { kind: 'review', productId: products[1]!, rating: '3', body: 'Beautiful glaze, but smaller than I expected: 120 ml is two sips. Check the size before you buy.' }, ['cup'], 150)
		await post(accounts.mei, { kind: 'show', productId: products[2]!, body: '我的第一把紫砂壶到了！包装很用心。' })
		await post(staffId, { kind: 'article', title: 'How we pick our spring Longjing', body: 'Every April we taste forty lots before choosing three. This year the rain came late, so the first picking is small and very sweet.' }, ['leaves'], 110)
		await likePost((await loadAuthor(accounts.mei))!, wen)
		await likePost((await loadAuthor(accounts.mei))!, lin)
		await featurePost(staffId, lin)
		await replyToPost(staffId, lin, 'Thank you for the honest note about the size. We have added the volume to the product title.')
		return 4
	} finally {
		rmSync(dir, { recursive: true, force: true })
	}
}
