import { prisma } from '#app/lib/db.server.ts'
import { parseStoredRules, type SegmentRules } from './rules.ts'

export type StoredSegment = { id: string; name: string; rules: SegmentRules | null }

/** A merchant keeps a handful of segments; this bound only stops a runaway table from being read whole. */
const MAX_SEGMENTS = 500
const TTL_MS = 10_000
let cached: { at: number; list: Promise<StoredSegment[]> } | null = null

/**
 * Every segment with its parsed rules. Every page a signed-in member opens asks which
 * segments they are in, so the list is kept for TTL_MS; saving or deleting clears it here.
 * NOTE: another server process (scale-out) sees a change within TTL_MS, not at once.
 */
export function loadSegments(now = Date.now()): Promise<StoredSegment[]> {
	if (cached && now - cached.at < TTL_MS) return cached.list
	const list = prisma.segment
		.findMany({ orderBy: { name: 'asc' }, take: MAX_SEGMENTS, select: { id: true, name: true, rules: true } })
		.then((rows) => rows.map((r) => ({ id: r.id, name: r.name, rules: parseStoredRules(r.rules) })))
	list.catch(() => (cached = null))
	cached = { at: now, list }
	return list
}

export function clearSegmentCache(): void {
	cached = null
}

export async function findSegment(segmentId: string): Promise<StoredSegment | null> {
	return (await loadSegments()).find((s) => s.id === segmentId) ?? null
}
