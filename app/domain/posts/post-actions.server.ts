import type { FormFailure } from '#app/lib/forms.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { hasRole } from '../accounts/roles.ts'
import { decideComment, decidePost, DECISIONS, setBanned, warnMember, type Decision } from '../moderation/decisions.server.ts'
import { reportContent } from '../moderation/reports.server.ts'
import { featurePost, replyToPost, unfeaturePost } from './curation.server.ts'
import { addComment, deleteOwnComment, likePost, unlikePost } from './engagement.server.ts'
import { deleteOwnPost, loadAuthor } from './posts.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { CommentSchema, ReplySchema, ReportSchema } from './schemas.ts'

type Done = { ok: true; intent: string; message?: MessageKey; likeCount?: number; liked?: boolean; target?: string }
type Failed = FormFailure & { intent: string; status: number }
export type PostActionResult = Done | Failed | { redirect: string }

const STAFF_INTENTS = new Set(['feature', 'unfeature', 'reply', 'approve', 'hide', 'delete-staff', 'warn', 'ban', 'unban', 'decideComment'])

function failed(intent: string, failure: FormFailure, status = 400): Failed {
	return { ...failure, intent, status }
}

/** Everything a member or staff can do on a post page, by the form's intent. */
export async function handlePostAction(user: { id: string; role: string }, postId: string, formData: FormData): Promise<PostActionResult> {
	const intent = String(formData.get('intent') ?? '')
	const author = await loadAuthor(user.id)
	if (!author) return failed(intent, refusalToForm({ error: 'post.error.notFound' }, formData), 404)
	if (STAFF_INTENTS.has(intent)) {
		if (!hasRole(user.role, 'merchant')) return failed(intent, refusalToForm({ error: 'page.forbiddenTitle' }, formData), 403)
		return staffAction(user.id, postId, intent, formData)
	}
	switch (intent) {
		case 'like':
		case 'unlike': {
			const result = intent === 'like' ? await likePost(author, postId) : await unlikePost(author.id, postId)
			if (!result.ok) return failed(intent, refusalToForm(result, formData), result.error === 'post.error.notFound' ? 404 : 400)
			return { ok: true, intent, likeCount: result.likeCount, liked: intent === 'like' }
		}
		case 'comment': {
			const parsed = parseForm(CommentSchema, formData)
			if (!parsed.ok) return failed(intent, parsed)
			const result = await addComment(author, postId, parsed.data.body)
			if (!result.ok) return failed(intent, refusalToForm(result, formData), result.error === 'post.error.notFound' ? 404 : 400)
			return { ok: true, intent, message: result.status === 'held' ? 'comment.held' : undefined }
		}
		case 'deleteComment':
			// Another member's comment, or one already gone: not found, and nothing is deleted.
			if (!(await deleteOwnComment(author.id, String(formData.get('commentId') ?? '')))) return failed(intent, refusalToForm({ error: 'post.error.notFound' }, formData), 404)
			return { ok: true, intent }
		case 'report': {
			const parsed = parseForm(ReportSchema, formData)
			if (!parsed.ok) return failed(intent, parsed)
			const targetType = formData.get('targetType') === 'comment' ? 'comment' : 'post'
			const targetId = targetType === 'post' ? postId : String(formData.get('targetId') ?? '')
			const result = await reportContent(author, { targetType, targetId, ...parsed.data })
			if (!result.ok) return failed(intent, refusalToForm(result, formData), result.error === 'report.error.notFound' ? 404 : 400)
			return { ok: true, intent, message: 'report.thanks', target: targetId }
		}
		case 'delete':
			if (!(await deleteOwnPost(author.id, postId))) return failed(intent, refusalToForm({ error: 'post.error.notFound' }, formData), 404)
			return { redirect: `/members/${author.id}?deleted=1` }
		default:
			return failed(intent, refusalToForm({ error: 'page.badRequestTitle' }, formData))
	}
}

async function staffAction(staffId: string, postId: string, intent: string, formData: FormData): Promise<PostActionResult> {
	const notFound = () => failed(intent, refusalToForm({ error: 'post.error.notFound' }, formData), 404)
	switch (intent) {
		case 'feature':
			return (await featurePost(staffId, postId)) ? { ok: true, intent, message: 'console.featured' } : notFound()
		case 'unfeature':
			return (await unfeaturePost(staffId, postId)) ? { ok: true, intent } : notFound()
		case 'reply': {
			const parsed = parseForm(ReplySchema, formData)
			if (!parsed.ok) return failed(intent, parsed)
			return (await replyToPost(staffId, postId, parsed.data.body)) ? { ok: true, intent } : notFound()
		}
		case 'approve':
		case 'hide':
		case 'delete-staff': {
			const decision: Decision = intent === 'delete-staff' ? 'delete' : intent
			return (await decidePost(staffId, postId, decision)) ? { ok: true, intent } : notFound()
		}
		case 'decideComment': {
			const decision = DECISIONS.find((d) => d === formData.get('decision'))
			if (!decision) return failed(intent, refusalToForm({ error: 'page.badRequestTitle' }, formData))
			return (await decideComment(staffId, String(formData.get('commentId') ?? ''), decision)) ? { ok: true, intent } : notFound()
		}
		case 'warn':
		case 'ban':
		case 'unban': {
			const post = await prisma.post.findUnique({ where: { id: postId }, select: { authorId: true } })
			if (!post) return notFound()
			if (intent === 'warn') await warnMember(staffId, post.authorId, { targetType: 'post', targetId: postId })
			else await setBanned(staffId, post.authorId, intent === 'ban')
			return { ok: true, intent, message: intent === 'warn' ? 'console.warned' : intent === 'ban' ? 'console.banned' : 'console.unbanned' }
		}
		default:
			return notFound()
	}
}
