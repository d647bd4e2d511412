import { hasRole } from '#app/domain/accounts/roles.ts'
import { prisma } from '#app/lib/db.server.ts'
import { memberFacts } from './facts.server.ts'
import { matchesRules, type SegmentRules } from './rules.ts'
import { MEMBER_ROLES, prefilter, scanMembers } from './segment-scan.server.ts'
import { findSegment, loadSegments } from './segment-store.server.ts'

// The contract other capabilities use (posts, live, coupons, member days). The console's
// side (save, delete, preview, counts) is in segment-admin.server.ts, re-exported here.
export { deleteSegment, listSegmentsWithCounts, previewSegment, saveSegment } from './segment-admin.server.ts'

const DEFAULT_TAKE = 200
const MAX_TAKE = 500

const isMember = (role: string) => MEMBER_ROLES.includes(role)

/**
 * The segments a viewer is in: 'all' for staff (they see every targeted thing), none for
 * a visitor, else every segment whose rules the member's facts meet today.
 */
export async function segmentIdsOf(viewer: { id: string; role: string } | null, now = new Date()): Promise<Set<string> | 'all'> {
	if (!viewer) return new Set()
	if (hasRole(viewer.role, 'merchant')) return 'all'
	const segments = (await loadSegments()).filter((s) => s.rules)
	// Nothing targeted to anyone: no need to gather this member's facts.
	if (segments.length === 0) return new Set()
	const facts = (await memberFacts([viewer.id], now)).get(viewer.id)
	if (!facts || !isMember(facts.role)) return new Set()
	return new Set(segments.filter((s) => matchesRules(s.rules!, facts, now)).map((s) => s.id))
}

export async function isInSegment(userId: string, segmentId: string, now = new Date()): Promise<boolean> {
	const segment = await findSegment(segmentId)
	if (!segment?.rules) return false
	const facts = (await memberFacts([userId], now)).get(userId)
	return Boolean(facts && isMember(facts.role) && matchesRules(segment.rules, facts, now))
}

/**
 * Who of these people may see content aimed at a segment: its members and staff (e.g. the
 * subscribers of a targeted live room, to tell only them it has started).
 */
export async function keepSegmentAudience(userIds: string[], segmentId: string, now = new Date()): Promise<string[]> {
	const segment = await findSegment(segmentId)
	const facts = await memberFacts(userIds, now)
	return userIds.filter((id) => {
		const f = facts.get(id)
		if (!f) return false
		if (hasRole(f.role, 'merchant')) return true
		return Boolean(segment?.rules && isMember(f.role) && matchesRules(segment.rules, f, now))
	})
}

/** One page of a rule set's members in id order; pass nextCursor back for the next page (null: done). */
export async function rulesMemberIds(rules: SegmentRules, options: { cursor?: string | null; take?: number }, now = new Date()): Promise<{ ids: string[]; nextCursor: string | null }> {
	const take = Math.min(Math.max(options.take ?? DEFAULT_TAKE, 1), MAX_TAKE)
	const ids: string[] = []
	for await (const page of scanMembers(prefilter(rules), options.cursor ?? null, now)) {
		for (const { id, facts } of page) {
			if (!matchesRules(rules, facts, now)) continue
			ids.push(id)
			if (ids.length === take) return { ids, nextCursor: id }
		}
	}
	return { ids, nextCursor: null }
}

/** A segment's members a page at a time (e.g. to issue a coupon to each). */
export async function segmentMemberIds(segmentId: string, options: { cursor?: string | null; take?: number }, now = new Date()): Promise<{ ids: string[]; nextCursor: string | null }> {
	const segment = await findSegment(segmentId)
	if (!segment?.rules) return { ids: [], nextCursor: null }
	return rulesMemberIds(segment.rules, options, now)
}

export async function countSegment(segmentId: string, now = new Date()): Promise<number> {
	const segment = await findSegment(segmentId)
	if (!segment?.rules) return 0
	let count = 0
	for await (const page of scanMembers(prefilter(segment.rules), null, now)) count += page.filter((m) => matchesRules(segment.rules!, m.facts, now)).length
	return count
}

/** Read from the table, not the cache: content may be aimed at a segment created a moment ago in another process. */
export async function segmentExists(segmentId: string): Promise<boolean> {
	return (await prisma.segment.count({ where: { id: segmentId } })) === 1
}

/** The choices of an "Audience" select: every segment by name. */
export async function listSegmentOptions(): Promise<{ id: string; name: string }[]> {
	return (await loadSegments()).map((s) => ({ id: s.id, name: s.name }))
}
