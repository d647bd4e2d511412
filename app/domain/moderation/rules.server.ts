import { prisma } from '#app/lib/db.server.ts'
import { listWatchWords, matchWatchList } from './watch-words.server.ts'

// Rules that decide, before anyone sees a post or comment, whether it is published,
// held for the merchant's review, or refused. They look at behaviour (new account,
// links, bursts) and the merchant's watch list, never at whether a review is positive:
// a low-star review is held only as part of a burst from accounts that bought nothing.

export const NEW_ACCOUNT_DAYS = 7
/** Low-star reviews (≤ 2 stars) on one product, from members without an order of it, within the window. */
export const BURST = { maxStars: 2, count: 3, windowHours: 24 }

export const HOLD_RULES = ['newAccountLink', 'watchWord', 'lowStarBurst', 'report'] as const
export type HoldRule = (typeof HOLD_RULES)[number]

export type Screening =
	| { decision: 'publish' }
	| { decision: 'hold'; rules: HoldRule[] }
	| { decision: 'block'; phrase: string }

const LINK = /(https?:\/\/|www\.)\S+|\b[a-z0-9-]{2,}\.(com|cn|net|org|io|co|shop|top|xyz|info|biz|me|app|link|ly)\b/i

export function containsLink(text: string): boolean {
	return LINK.test(text)
}

type Author = { id: string; role: string; createdAt: Date }

/** Screens a member's text. Staff are trusted; everyone else passes the watch list and link rule. */
export async function screenText(author: Author, text: string, kind: 'post' | 'comment'): Promise<Screening> {
	if (author.role === 'merchant') return { decision: 'publish' }
	const rules: HoldRule[] = []
	const match = matchWatchList(text, await listWatchWords())
	if (match?.action === 'block') return { decision: 'block', phrase: match.phrase }
	if (match?.action === 'hold') rules.push('watchWord')
	if (containsLink(text) && (await isNewcomer(author, kind))) rules.push('newAccountLink')
	return rules.length ? { decision: 'hold', rules } : { decision: 'publish' }
}

/** A new account whose first post (or comment) this is: the usual shape of link spam. */
async function isNewcomer(author: Author, kind: 'post' | 'comment'): Promise<boolean> {
	if (Date.now() - author.createdAt.getTime() > NEW_ACCOUNT_DAYS * 86_400_000) return false
	const earlier =
		kind === 'post'
			? await prisma.post.count({ where: { authorId: author.id, status: 'published' } })
			: await prisma.comment.count({ where: { authorId: author.id, status: 'published' } })
	return earlier === 0
}
