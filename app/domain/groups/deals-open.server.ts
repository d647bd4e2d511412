import { randomUUID } from 'node:crypto'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { auditStatement } from '#app/domain/moderation/audit.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { FieldErrors } from '#app/lib/forms.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { DEAL_FIELDS, DEAL_MAX_LEAD_MS, DEAL_MIN_LEAD_MS, OpenDealSchema, type DealInput } from './deal-schema.ts'
import { groupStanding } from './membership.server.ts'

export type DealActor = { id: string; role: string }
export type OpenDealFailure = { ok: false; status: 400 | 403 | 404; fieldErrors: FieldErrors; formError?: MessageKey }
type Place = { ok: true; group: { id: string; name: string } | null } | OpenDealFailure

const refuse = (status: OpenDealFailure['status'], formError: MessageKey): OpenDealFailure => ({ ok: false, status, fieldErrors: {}, formError })
const MAX_PRODUCTS = 200

/** Where the actor may open a deal: in a group they lead or help (the merchant: any group), or the shop's own (merchant only). */
export async function dealPlace(actor: DealActor, groupId: string | null): Promise<Place> {
	if (!groupId) return hasRole(actor.role, 'merchant') ? { ok: true, group: null } : refuse(403, 'deals.error.notAllowed')
	const group = await prisma.group.findUnique({ where: { id: groupId }, select: { id: true, name: true } })
	if (!group) return refuse(404, 'deals.error.groupNotFound')
	const standing = await groupStanding(groupId, actor)
	return standing.manages ? { ok: true, group } : refuse(403, 'deals.error.notAllowed')
}

/** The products a deal may be opened on: those on sale, with the price the group price must beat. */
export function listDealProducts() {
	return prisma.product.findMany({ where: { status: 'active' }, orderBy: { name: 'asc' }, take: MAX_PRODUCTS, select: { id: true, name: true, priceCents: true } })
}

/**
 * Opens a deal from the form's values, checking every field (each one's first problem comes back
 * next to it) and the actor's right to open it there; the deal and its audit entry commit together.
 */
export async function openDeal(actor: DealActor, input: DealInput, now = new Date()): Promise<{ ok: true; id: string } | OpenDealFailure> {
	const place = await dealPlace(actor, input.groupId ?? null)
	if (!place.ok) return place
	const fieldErrors: FieldErrors = {}
	const fail = (field: string, key: MessageKey) => (fieldErrors[field] ??= key)
	const parsed = OpenDealSchema.safeParse(input)
	if (!parsed.success) for (const issue of parsed.error.issues) fail(String(issue.path[0] ?? 'form'), issue.message as MessageKey)
	const productId = input.productId?.trim()
	const product = productId ? await prisma.product.findFirst({ where: { id: productId, status: 'active' }, select: { id: true, priceCents: true } }) : null
	if (!product) fail('productId', 'deals.error.product')
	const price = DEAL_FIELDS.price.safeParse(input.price)
	if (product && price.success && price.data >= product.priceCents) fail('price', 'deals.error.priceNotLower')
	const deadline = DEAL_FIELDS.deadline.safeParse(input.deadline)
	if (deadline.success && deadline.data.getTime() < now.getTime() + DEAL_MIN_LEAD_MS) fail('deadline', 'deals.error.deadlineSoon')
	if (deadline.success && deadline.data.getTime() > now.getTime() + DEAL_MAX_LEAD_MS) fail('deadline', 'deals.error.deadlineFar')
	if (!parsed.success || !product || Object.keys(fieldErrors).length) return { ok: false, status: 400, fieldErrors }
	const deal = parsed.data

	// Made here rather than by the database, so the deal and its audit entry commit together.
	const id = randomUUID().replaceAll('-', '')
	const groupId = place.group?.id ?? null
	await prisma.$transaction([
		prisma.groupDeal.create({
			data: { id, groupId, productId: product.id, createdById: actor.id, priceCents: deal.price, target: deal.target, cap: deal.cap, deadline: deal.deadline, createdAt: now },
			select: { id: true },
		}),
		auditStatement({
			actorId: actor.id,
			action: 'deal.open',
			targetType: 'deal',
			targetId: id,
			detail: { groupId, productId: product.id, priceCents: deal.price, target: deal.target, cap: deal.cap, deadline: deal.deadline.toISOString() },
		}),
	])
	return { ok: true, id }
}
