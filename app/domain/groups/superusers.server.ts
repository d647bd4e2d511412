import { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { auditStatement } from '#app/domain/moderation/audit.server.ts'
import { prisma } from '#app/lib/db.server.ts'

export const MAX_PROFILE_LINE = 80
const MAX_LIST = 200

/** The merchant's promote / edit form: who, and the line shown under their name ("Tea grower, 30 years"). */
export const ProfileLineSchema = z.object({
	memberId: z.string().min(1),
	profileLine: z
		.string({ required_error: 'superusers.error.profileLineRequired' })
		.trim()
		.min(1, 'superusers.error.profileLineRequired')
		.max(MAX_PROFILE_LINE, 'superusers.error.profileLineTooLong'),
})

/** The same, for a member named by email (someone the merchant knows who has no score yet). */
export const PromoteByEmailSchema = z.object({
	email: z.string({ required_error: 'error.emailRequired' }).trim().toLowerCase().min(1, 'error.emailRequired').email('error.emailInvalid'),
	profileLine: ProfileLineSchema.shape.profileLine,
})

export type SuperUserResult = { ok: true } | { ok: false; error: 'superusers.error.notCustomer' | 'superusers.error.notSuperUser' | 'superusers.error.profileLineTooLong' | 'superusers.error.noSuchMember' }

const isNotFound = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025'

/**
 * Runs a role change guarded on the role the member must have now (never a merchant), with
 * its audit line in the same batch: a member who is no longer what the page showed changes nothing.
 */
async function changeRole(from: 'customer' | 'superuser', to: 'customer' | 'superuser', memberId: string, profileLine: string | null, audit: Parameters<typeof auditStatement>[0]): Promise<boolean> {
	try {
		await prisma.$transaction([
			prisma.user.update({ where: { id: memberId, role: from }, data: { role: to, profileLine }, select: { id: true } }),
			auditStatement(audit),
		])
		return true
	} catch (error) {
		if (isNotFound(error)) return false
		throw error
	}
}

function cleanLine(line: string): string | null {
	const text = line.trim()
	return text.length > MAX_PROFILE_LINE ? null : text
}

/** The merchant makes a customer a super-user, with their profile line. */
export async function promoteToSuperUser(merchantId: string, memberId: string, profileLine: string): Promise<SuperUserResult> {
	const line = cleanLine(profileLine)
	if (line === null) return { ok: false, error: 'superusers.error.profileLineTooLong' }
	const audit = { actorId: merchantId, action: 'superuser.promote', targetType: 'member' as const, targetId: memberId, detail: { profileLine: line } }
	return (await changeRole('customer', 'superuser', memberId, line || null, audit)) ? { ok: true } : { ok: false, error: 'superusers.error.notCustomer' }
}

/** Promotes the customer with this email (emails are stored lower-cased). */
export async function promoteByEmail(merchantId: string, email: string, profileLine: string): Promise<SuperUserResult> {
	const member = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } })
	if (!member) return { ok: false, error: 'superusers.error.noSuchMember' }
	return promoteToSuperUser(merchantId, member.id, profileLine)
}

/**
 * Back to customer. Groups they lead stay theirs (members keep their circle), but they can
 * create no new group and earn no commission on orders settled from now on; entries already
 * written stay, and a cash balance can still be paid out.
 */
export async function demoteSuperUser(merchantId: string, memberId: string): Promise<SuperUserResult> {
	const audit = { actorId: merchantId, action: 'superuser.demote', targetType: 'member' as const, targetId: memberId }
	return (await changeRole('superuser', 'customer', memberId, null, audit)) ? { ok: true } : { ok: false, error: 'superusers.error.notSuperUser' }
}

export async function updateProfileLine(merchantId: string, memberId: string, profileLine: string): Promise<SuperUserResult> {
	const line = cleanLine(profileLine)
	if (line === null) return { ok: false, error: 'superusers.error.profileLineTooLong' }
	const audit = { actorId: merchantId, action: 'superuser.profileLine', targetType: 'member' as const, targetId: memberId, detail: { profileLine: line } }
	return (await changeRole('superuser', 'superuser', memberId, line || null, audit)) ? { ok: true } : { ok: false, error: 'superusers.error.notSuperUser' }
}

/** Every super-user, by name, with how many groups each leads. */
export async function listSuperUsers() {
	const rows = await prisma.user.findMany({
		where: { role: 'superuser' },
		orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
		take: MAX_LIST,
		select: { id: true, displayName: true, email: true, profileLine: true, createdAt: true, _count: { select: { ledGroups: true } } },
	})
	return rows.map(({ _count, createdAt, ...r }) => ({ ...r, groupsLed: _count.ledGroups, createdAt: createdAt.toISOString() }))
}

/** The badge on a member's page: their profile line while they are a super-user, else null. */
export async function superUserBadge(memberId: string): Promise<{ profileLine: string | null } | null> {
	const row = await prisma.user.findUnique({ where: { id: memberId }, select: { role: true, profileLine: true } })
	return row?.role === 'superuser' ? { profileLine: row.profileLine } : null
}
