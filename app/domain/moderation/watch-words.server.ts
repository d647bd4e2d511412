import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { auditStatement } from './audit.server.ts'
import { WATCH_ACTIONS, type WatchAction } from './constants.ts'

export type WatchWord = { id: string; phrase: string; action: WatchAction }

/** Phrases are matched case-insensitively as substrings: Chinese text has no spaces between words. */
export function normalisePhrase(phrase: string): string {
	return phrase.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')
}

export async function listWatchWords(): Promise<WatchWord[]> {
	const rows = await prisma.watchWord.findMany({ orderBy: [{ action: 'asc' }, { phrase: 'asc' }], select: { id: true, phrase: true, action: true }, take: 2000 })
	return rows.map((r) => ({ ...r, action: r.action as WatchAction }))
}

export type WatchWordRefusal = { ok: false; error: 'moderation.word.required' | 'moderation.word.tooLong' | 'moderation.word.exists' | 'moderation.word.action' }

export async function addWatchWord(actorId: string, input: { phrase: string; action: string }): Promise<{ ok: true } | WatchWordRefusal> {
	const phrase = normalisePhrase(input.phrase)
	if (!phrase) return { ok: false, error: 'moderation.word.required' }
	if (phrase.length > 80) return { ok: false, error: 'moderation.word.tooLong' }
	if (!(WATCH_ACTIONS as readonly string[]).includes(input.action)) return { ok: false, error: 'moderation.word.action' }
	try {
		const id = `ww_${crypto.randomUUID().replaceAll('-', '')}`
		await prisma.$transaction([
			prisma.watchWord.create({ data: { id, phrase, action: input.action }, select: { id: true } }),
			auditStatement({ actorId, action: 'watchWord.add', targetType: 'watchWord', targetId: id, detail: { phrase, action: input.action } }),
		])
		return { ok: true }
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: false, error: 'moderation.word.exists' }
		throw error
	}
}

export async function removeWatchWord(actorId: string, id: string): Promise<boolean> {
	const row = await prisma.watchWord.findUnique({ where: { id }, select: { phrase: true, action: true } })
	if (!row) return false
	await prisma.$transaction([
		prisma.watchWord.deleteMany({ where: { id } }),
		auditStatement({ actorId, action: 'watchWord.remove', targetType: 'watchWord', targetId: id, detail: row }),
	])
	return true
}

/**
 * What the watch list says of a text: the first blocked phrase, else the first held one.
 * Allowed phrases are cut out first, so "scam" can be blocked while "scampi" is allowed.
 */
export function matchWatchList(text: string, words: WatchWord[]): { action: 'block' | 'hold'; phrase: string } | null {
	let haystack = normalisePhrase(text)
	for (const w of words) if (w.action === 'allow') haystack = haystack.split(w.phrase).join(' ')
	const blocked = words.find((w) => w.action === 'block' && haystack.includes(w.phrase))
	if (blocked) return { action: 'block', phrase: blocked.phrase }
	const held = words.find((w) => w.action === 'hold' && haystack.includes(w.phrase))
	return held ? { action: 'hold', phrase: held.phrase } : null
}
