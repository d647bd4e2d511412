import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { auditStatement } from '../moderation/audit.server.ts'
import type { NewMedia } from './posts.server.ts'
import type { ProductSchema } from './schemas.ts'
import type { z } from 'zod'

export type ProductInput = z.output<typeof ProductSchema>
export type ProductCard = { id: string; name: string; priceCents: number; status: string; sku: string; coverId: string | null; average: number | null; reviewCount: number }

const MAX_PRODUCTS = 200

/** Products with their first photo and rating; staff also see drafts and archived ones. */
export async function listProducts(options: { includeAll?: boolean } = {}): Promise<ProductCard[]> {
	const rows = await prisma.product.findMany({
		where: options.includeAll ? {} : { status: 'active' },
		orderBy: [{ status: 'asc' }, { name: 'asc' }],
		take: MAX_PRODUCTS,
		select: { id: true, name: true, priceCents: true, status: true, sku: true, media: { where: { status: 'ready' }, orderBy: { position: 'asc' }, take: 1, select: { id: true } } },
	})
	const ratings = await prisma.post.groupBy({
		by: ['productId'],
		// A review aimed at a segment is not everyone's to read, so it does not count in the public stars.
		where: { productId: { in: rows.map((r) => r.id) }, kind: 'review', status: 'published', segmentId: null },
		_avg: { rating: true },
		_count: { _all: true },
	})
	const byId = new Map(ratings.map((r) => [r.productId, r]))
	return rows.map((r) => {
		const rating = byId.get(r.id)
		return {
			id: r.id,
			name: r.name,
			priceCents: r.priceCents,
			status: r.status,
			sku: r.sku,
			coverId: r.media[0]?.id ?? null,
			average: rating?._avg.rating ? Math.round(rating._avg.rating * 10) / 10 : null,
			reviewCount: rating?._count._all ?? 0,
		}
	})
}

/** Options for the review form's product picker. */
export function listProductChoices() {
	return prisma.product.findMany({ where: { status: 'active' }, orderBy: { name: 'asc' }, take: MAX_PRODUCTS, select: { id: true, name: true } })
}

export async function getProduct(id: string, options: { staff?: boolean } = {}) {
	return prisma.product.findFirst({
		where: { id, ...(options.staff ? {} : { status: { in: ['active', 'archived'] } }) },
		select: {
			id: true,
			name: true,
			description: true,
			priceCents: true,
			sku: true,
			status: true,
			repurchaseDays: true,
			media: { where: { status: 'ready' }, orderBy: { position: 'asc' }, select: { id: true, kind: true, width: true, height: true, placeholder: true } },
		},
	})
}

type Saved = { ok: true; id: string } | { ok: false; error: MessageKey; field?: string }

/** Creates or updates a product; new photos are added after the existing ones. */
export async function saveProduct(staffId: string, input: ProductInput, media: NewMedia[], id?: string): Promise<Saved> {
	try {
		if (id) {
			const start = await prisma.media.count({ where: { productId: id } })
			const [product] = await prisma.$transaction([
				prisma.product.update({
					where: { id },
					data: { ...fields(input), media: { create: media.map((m, i) => ({ ...m, position: start + i, uploaderId: staffId })) } },
					select: { id: true },
				}),
				auditStatement({ actorId: staffId, action: 'product.update', targetType: 'product', targetId: id, detail: { ...fields(input) } }),
			])
			return { ok: true, id: product.id }
		}
		const product = await prisma.product.create({
			data: { ...fields(input), media: { create: media.map((m) => ({ ...m, uploaderId: staffId })) } },
			select: { id: true },
		})
		await auditStatement({ actorId: staffId, action: 'product.create', targetType: 'product', targetId: product.id, detail: { ...fields(input) } })
		return { ok: true, id: product.id }
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: false, error: 'product.error.skuTaken', field: 'sku' }
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return { ok: false, error: 'products.notFound' }
		throw error
	}
}

function fields(input: ProductInput) {
	return { name: input.name, sku: input.sku, priceCents: input.price, description: input.description, status: input.status, repurchaseDays: input.repurchaseDays }
}
