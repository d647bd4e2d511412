import { z } from 'zod'
import { DECISIONS } from '#app/domain/moderation/decisions.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { setAnnouncement, type GroupRefusal } from './groups.server.ts'
import { createInvite, decideRequest, removeMember, revokeInvite, setHelper } from './members.server.ts'
import type { GroupViewer } from './membership.server.ts'
import { decideGroupPost } from './moderation.server.ts'
import { AnnouncementSchema } from './schemas.ts'

const Id = z.string().min(1).max(64)
const ManageSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('approve'), userId: Id }),
	z.object({ intent: z.literal('decline'), userId: Id }),
	z.object({ intent: z.literal('invite') }),
	z.object({ intent: z.literal('revoke'), inviteId: Id }),
	z.object({ intent: z.literal('announce') }).merge(AnnouncementSchema),
	z.object({ intent: z.literal('helper'), userId: Id }),
	z.object({ intent: z.literal('unhelper'), userId: Id }),
	z.object({ intent: z.literal('remove'), userId: Id }),
	z.object({ intent: z.literal('decide'), postId: Id, decision: z.enum(DECISIONS) }),
])

export type ManageResult = { ok: true; intent: string; token?: string } | { ok: false; error: MessageKey; params?: Record<string, string | number>; status: number }

/** One of the leader's tools on the manage page; each checks the actor's standing in the group itself. */
export async function handleManageAction(actor: NonNullable<GroupViewer>, groupId: string, form: FormData): Promise<ManageResult> {
	const parsed = ManageSchema.safeParse(Object.fromEntries(form))
	if (!parsed.success) {
		const tooLong = parsed.error.issues.find((i) => i.path[0] === 'announcement')
		return { ok: false, error: (tooLong?.message as MessageKey | undefined) ?? 'page.badRequestTitle', status: 400 }
	}
	const input = parsed.data
	const result: ({ ok: true } & { token?: string }) | GroupRefusal = await (async () => {
		switch (input.intent) {
			case 'approve':
			case 'decline':
				return decideRequest(actor, groupId, input.userId, input.intent === 'approve')
			case 'invite':
				return createInvite(actor, groupId)
			case 'revoke':
				return revokeInvite(actor, groupId, input.inviteId)
			case 'announce':
				return setAnnouncement(actor, groupId, input.announcement)
			case 'helper':
			case 'unhelper':
				return setHelper(actor, groupId, input.userId, input.intent === 'helper')
			case 'remove':
				return removeMember(actor, groupId, input.userId)
			case 'decide':
				return decideGroupPost(actor, groupId, input.postId, input.decision)
		}
	})()
	if (!result.ok) return { ok: false, error: result.error, params: result.params, status: result.status ?? 400 }
	return { ok: true, intent: input.intent, token: result.token }
}
