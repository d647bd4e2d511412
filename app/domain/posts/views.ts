import type { PostKind, PostStatus } from './schemas.ts'

// What loaders send to the pages, and the choices pages offer; client-importable.

export const FEED_TABS = ['newest', 'featured', 'media', 'following'] as const
export type FeedTab = (typeof FEED_TABS)[number]
export const REVIEW_SORTS = ['newest', 'helpful', 'media'] as const
export type ReviewSort = (typeof REVIEW_SORTS)[number]

export type MediaView = { id: string; kind: string; status: string; failureReason: string | null; width: number | null; height: number | null; durationMs: number | null; placeholder: string | null; format: string }
export type PostView = {
	id: string
	kind: PostKind
	status: PostStatus
	author: { id: string; displayName: string }
	product: { id: string; name: string } | null
	rating: number | null
	title: string | null
	body: string
	media: MediaView[]
	likeCount: number
	commentCount: number
	liked: boolean
	featured: boolean
	verified: boolean
	reply: { body: string; at: string } | null
	mine: boolean
	createdAt: string
	editedAt: string | null
	/** The segment the post is aimed at, by name; shown to staff only (null for everyone else). */
	audience: string | null
}

export type CommentView = { id: string; body: string; status: string; author: { id: string; displayName: string }; createdAt: string; mine: boolean }
