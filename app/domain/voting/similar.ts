// Which existing ideas look like the one a member is typing, so votes do not split between
// near-duplicates. Chinese has no spaces, so text is compared as character pairs (bigrams)
// plus whole Latin words; the score is the share of the typed text's pairs found in the other.

function grams(text: string): Set<string> {
	const s = text.normalize('NFKC').toLowerCase()
	const out = new Set<string>()
	for (const word of s.match(/[a-z0-9]+/g) ?? []) if (word.length > 1) out.add(word)
	const cjk = s.replace(/[^\u3400-\u9fff]/g, '')
	for (let i = 0; i < cjk.length - 1; i++) out.add(cjk.slice(i, i + 2))
	if (cjk.length === 1) out.add(cjk)
	return out
}

export function similarity(typed: string, other: string): number {
	const a = grams(typed)
	if (a.size === 0) return 0
	const b = grams(other)
	let shared = 0
	for (const g of a) if (b.has(g)) shared++
	return shared / a.size
}

export function mostSimilar<T extends { title: string }>(typed: string, candidates: T[], limit = 5, threshold = 0.34): T[] {
	return candidates
		.map((c) => ({ c, score: similarity(typed, c.title) }))
		.filter((x) => x.score >= threshold)
		.sort((x, y) => y.score - x.score)
		.slice(0, limit)
		.map((x) => x.c)
}
