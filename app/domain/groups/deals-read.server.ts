import { hasRole } from '#app/domain/accounts/roles.ts'
import type { Prisma } from '#app/lib/db.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { groupStanding, memberGroupIds, type GroupViewer } from './membership.server.ts'
import type { DealDetail, DealJoinStatus, DealStatus, DealView } from './views.ts'

const DEAL_PAGE_SIZE = 20
const MAX_PAGE_SIZE = 50
/** Names listed on the deal page; the rest are counted. */
const NAMES_SHOWN = 12

const DEAL_SELECT = {
	id: true,
	status: true,
	priceCents: true,
	target: true,
	cap: true,
	joined: true,
	deadline: true,
	unlockedAt: true,
	releasedAt: true,
	group: { select: { id: true, name: true, visibility: true } },
	product: {
		select: {
			id: true,
			name: true,
			priceCents: true,
			media: { where: { status: 'ready', kind: 'image' }, orderBy: { position: 'asc' }, take: 1, select: { id: true, kind: true, status: true, width: true, height: true, placeholder: true, format: true } },
		},
	},
} as const
type DealRow = Prisma.GroupDealGetPayload<{ select: typeof DEAL_SELECT }>
type Page = { items: DealView[]; nextCursor: string | null }

const isStaff = (viewer: GroupViewer) => Boolean(viewer && hasRole(viewer.role, 'merchant'))

function toView(row: DealRow, viewer: GroupViewer, inGroup: boolean, join: string | undefined): DealView {
	const { media, ...product } = row.product
	return {
		id: row.id,
		status: row.status as DealStatus,
		priceCents: row.priceCents,
		target: row.target,
		cap: row.cap,
		joined: row.joined,
		deadline: row.deadline.toISOString(),
		unlockedAt: row.unlockedAt?.toISOString() ?? null,
		releasedAt: row.releasedAt?.toISOString() ?? null,
		product: { ...product, image: media[0] ?? null },
		group: row.group,
		you: { signedIn: Boolean(viewer), eligible: Boolean(viewer) && (row.group?.visibility !== 'invite' || inGroup), join: (join as DealJoinStatus | undefined) ?? null },
	}
}

/** The viewer's joins among these deals, in one query. */
async function joinsOf(viewer: GroupViewer, dealIds: string[]): Promise<Map<string, string>> {
	if (!viewer || dealIds.length === 0) return new Map()
	const rows = await prisma.groupDealJoin.findMany({ where: { memberId: viewer.id, dealId: { in: dealIds } }, select: { dealId: true, status: true } })
	return new Map(rows.map((r) => [r.dealId, r.status]))
}

/**
 * One deal for its page, or null when it does not exist or the viewer may not see it: an
 * invite-only group's deals are for its members (and the merchant). Joiners' names are shown to
 * the group's members and the merchant; everyone else sees the count.
 */
export async function getDeal(dealId: string, viewer: GroupViewer): Promise<DealDetail | null> {
	const row = await prisma.groupDeal.findUnique({ where: { id: dealId }, select: DEAL_SELECT })
	if (!row) return null
	const standing = row.group ? await groupStanding(row.group.id, viewer) : { role: null, staff: isStaff(viewer) }
	const inGroup = standing.role !== null
	if (row.group?.visibility === 'invite' && !inGroup && !standing.staff) return null
	const [joins, names] = await Promise.all([
		joinsOf(viewer, [row.id]),
		(row.group && inGroup) || standing.staff
			? prisma.groupDealJoin.findMany({ where: { dealId }, orderBy: { createdAt: 'asc' }, take: NAMES_SHOWN, select: { member: { select: { displayName: true } } } })
			: null,
	])
	return { ...toView(row, viewer, inGroup, joins.get(row.id)), joinerNames: names?.map((n) => n.member.displayName) ?? null }
}

async function page(where: Prisma.GroupDealWhereInput, orderBy: Prisma.GroupDealOrderByWithRelationInput[], viewer: GroupViewer, groups: Set<string>, options: { cursor?: string | null; take?: number }): Promise<Page> {
	const take = Math.min(Math.max(options.take ?? DEAL_PAGE_SIZE, 1), MAX_PAGE_SIZE)
	const rows = await prisma.groupDeal.findMany({ where, orderBy, take: take + 1, ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}), select: DEAL_SELECT })
	const items = rows.slice(0, take)
	const joins = await joinsOf(viewer, items.map((r) => r.id))
	return {
		items: items.map((r) => toView(r, viewer, Boolean(r.group && groups.has(r.group.id)), joins.get(r.id))),
		nextCursor: rows.length > take ? (items.at(-1)?.id ?? null) : null,
	}
}

/** Deals still taking joins, the soonest to close first: the shop's own, public groups', and the viewer's invite-only groups'. */
export async function listOpenDeals(viewer: GroupViewer, options: { cursor?: string | null; take?: number } = {}, now = new Date()): Promise<Page> {
	const groups = new Set(viewer ? await memberGroupIds(viewer.id) : [])
	const visible: Prisma.GroupDealWhereInput = isStaff(viewer) ? {} : { OR: [{ groupId: null }, { group: { visibility: 'public' } }, { groupId: { in: [...groups] } }] }
	return page({ status: { in: ['open', 'unlocked'] }, deadline: { gt: now }, ...visible }, [{ deadline: 'asc' }, { id: 'asc' }], viewer, groups, options)
}

/** A group's deals, newest first, whatever their status; none for an invite-only group the viewer is not in. */
export async function listGroupDeals(groupId: string, viewer: GroupViewer, options: { cursor?: string | null; take?: number } = {}): Promise<Page> {
	const [group, standing] = await Promise.all([prisma.group.findUnique({ where: { id: groupId }, select: { visibility: true } }), groupStanding(groupId, viewer)])
	if (!group || (group.visibility === 'invite' && !standing.role && !standing.staff)) return { items: [], nextCursor: null }
	const groups = new Set(standing.role ? [groupId] : [])
	return page({ groupId }, [{ createdAt: 'desc' }, { id: 'desc' }], viewer, groups, options)
}
