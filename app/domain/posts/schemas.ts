import { z } from 'zod'

// Client-importable: the forms show the same limits the server enforces.
export const POST_KINDS = ['review', 'show', 'article'] as const
export type PostKind = (typeof POST_KINDS)[number]
export const POST_STATUSES = ['published', 'held', 'hidden', 'deleted'] as const
export type PostStatus = (typeof POST_STATUSES)[number]

export const MAX_TITLE = 120
export const MAX_BODY = 5000
export const MAX_COMMENT = 1000
export const MAX_REPLY = 2000
export const MAX_REPORT_NOTE = 500

/** Why a member reports something; each names the i18n label `report.reason.<reason>`. */
export const REPORT_REASONS = ['spam', 'fake', 'offensive', 'personal', 'offTopic', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

const text = (max: number, tooLong: string) =>
	z
		.string()
		// NUL and other control characters (bar newlines and tabs) have no place in a post.
		.transform((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim())
		.pipe(z.string().max(max, tooLong))

export const PostFormSchema = z
	.object({
		kind: z.enum(POST_KINDS, { errorMap: () => ({ message: 'post.error.kind' }) }),
		productId: z.string().trim().max(40).optional().transform((v) => v || undefined),
		rating: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
		title: text(MAX_TITLE, 'post.error.titleTooLong').optional().transform((v) => v || undefined),
		body: text(MAX_BODY, 'post.error.bodyTooLong').pipe(z.string().min(1, 'post.error.bodyRequired')),
		/** A post in a group's feed rather than the circle's. */
		groupId: z.string().trim().max(40).optional().transform((v) => v || undefined),
		/** The merchant's post for one segment only (empty: everyone). */
		segmentId: z.string().trim().max(40).optional().transform((v) => v || undefined),
	})
	.superRefine((v, ctx) => {
		if (v.kind !== 'review') return
		if (!v.productId) ctx.addIssue({ code: 'custom', path: ['productId'], message: 'post.error.productRequired' })
		if (!v.rating) ctx.addIssue({ code: 'custom', path: ['rating'], message: 'post.error.ratingRequired' })
	})
export type PostForm = z.output<typeof PostFormSchema>

export const EditPostSchema = z.object({
	rating: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
	title: text(MAX_TITLE, 'post.error.titleTooLong').optional().transform((v) => v || undefined),
	body: text(MAX_BODY, 'post.error.bodyTooLong').pipe(z.string().min(1, 'post.error.bodyRequired')),
	/** Not sent: unchanged; empty: everyone; an id: that segment only (staff). */
	segmentId: z.string().trim().max(40).optional().transform((v) => (v === undefined ? undefined : v || null)),
})

export const CommentSchema = z.object({
	body: text(MAX_COMMENT, 'comment.error.tooLong').pipe(z.string().min(1, 'comment.error.required')),
})

export const ReplySchema = z.object({
	body: text(MAX_REPLY, 'post.error.replyTooLong').pipe(z.string().min(1, 'post.error.replyRequired')),
})

export const ReportSchema = z.object({
	reason: z.enum(REPORT_REASONS, { errorMap: () => ({ message: 'report.error.reason' }) }),
	note: text(MAX_REPORT_NOTE, 'report.error.noteTooLong').optional(),
})

export const ProductSchema = z.object({
	name: text(120, 'product.error.nameTooLong').pipe(z.string().min(1, 'product.error.nameRequired')),
	sku: z
		.string()
		.trim()
		.min(1, 'product.error.skuRequired')
		.max(64, 'product.error.skuFormat')
		.regex(/^[A-Za-z0-9._-]+$/, 'product.error.skuFormat'),
	price: z
		.string()
		.trim()
		.regex(/^\d{1,7}(\.\d{1,2})?$/, 'product.error.price')
		.transform((v) => Math.round(Number(v) * 100)),
	description: text(2000, 'product.error.descriptionTooLong').optional().transform((v) => v ?? ''),
	status: z.enum(['draft', 'active', 'archived'], { errorMap: () => ({ message: 'product.error.status' }) }),
	/** Days a unit lasts: buyers are reminded to buy again after that many (empty: never; app/domain/membership/repurchase.server.ts). */
	repurchaseDays: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? Number(v) : null))
		.refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 365), 'orders.product.repurchaseError'),
})
