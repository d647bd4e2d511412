import { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { TagSchema } from './rules.ts'

// Hand tags: the merchant's own notes on a member ("loves green tea"), which segment rules
// can then select on. Members never see them; they are staff's words about them.

export const TagFormSchema = z.object({
	email: z.string({ required_error: 'tags.error.email' }).trim().toLowerCase().min(1, 'tags.error.email').max(254, 'tags.error.email'),
	tag: TagSchema,
})

const MAX_TAGS_LISTED = 200
const MEMBERS_PAGE = 50

type Refusal = { ok: false; error: MessageKey; field?: string }

/** Puts a tag on the member with this email; putting it on twice changes nothing. */
export async function addTag(byId: string, input: { email: string; tag: string }): Promise<{ ok: true; userId: string } | Refusal> {
	const parsed = TagFormSchema.safeParse(input)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!
		return { ok: false, error: issue.message as MessageKey, field: String(issue.path[0]) }
	}
	const member = await prisma.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } })
	if (!member) return { ok: false, error: 'tags.error.memberUnknown', field: 'email' }
	try {
		await prisma.memberTag.create({ data: { userId: member.id, tag: parsed.data.tag, byId }, select: { tag: true } })
	} catch (error) {
		if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error
	}
	return { ok: true, userId: member.id }
}

export async function removeTag(userId: string, tag: string): Promise<boolean> {
	const { count } = await prisma.memberTag.deleteMany({ where: { userId, tag } })
	return count === 1
}

/** Every tag in use with how many members carry it, most used first. */
export async function listTags(): Promise<{ tag: string; count: number }[]> {
	const rows = await prisma.memberTag.groupBy({ by: ['tag'], _count: { _all: true }, orderBy: [{ _count: { tag: 'desc' } }, { tag: 'asc' }], take: MAX_TAGS_LISTED })
	return rows.map((r) => ({ tag: r.tag, count: r._count._all }))
}

/** The members with a tag, a page at a time (newest tag first). */
export async function membersWithTag(tag: string, options: { cursor?: string | null } = {}) {
	const rows = await prisma.memberTag.findMany({
		where: { tag },
		orderBy: [{ createdAt: 'desc' }, { userId: 'asc' }],
		take: MEMBERS_PAGE + 1,
		...(options.cursor ? { cursor: { userId_tag: { userId: options.cursor, tag } }, skip: 1 } : {}),
		select: { createdAt: true, user: { select: { id: true, email: true, displayName: true } } },
	})
	const page = rows.slice(0, MEMBERS_PAGE)
	return {
		items: page.map((r) => ({ ...r.user, taggedAt: r.createdAt.toISOString() })),
		nextCursor: rows.length > MEMBERS_PAGE ? (page.at(-1)?.user.id ?? null) : null,
	}
}

export async function tagsOfMember(userId: string): Promise<string[]> {
	const rows = await prisma.memberTag.findMany({ where: { userId }, orderBy: { tag: 'asc' }, take: MAX_TAGS_LISTED, select: { tag: true } })
	return rows.map((r) => r.tag)
}
