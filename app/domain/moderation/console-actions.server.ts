import type { MessageKey } from '#app/lib/i18n/index.ts'
import { prisma } from '#app/lib/db.server.ts'
import { decideItems, DECISIONS, setBanned, warnMember, type Decision } from './decisions.server.ts'
import { addWatchWord, removeWatchWord } from './watch-words.server.ts'

export type ConsoleActionResult = { ok: true; message: MessageKey; params?: Record<string, number> } | { ok: false; error: MessageKey }

const asDecision = (value: string | undefined): Decision | undefined => DECISIONS.find((d) => d === value)

/**
 * The moderation console's one form: `bulk:<decision>` applies to the ticked items,
 * `item:<id>:<decision>` to one, `warn:<id>` / `ban:<id>` to an item's author, and the
 * watch list's add and remove.
 */
export async function handleModerationAction(staffId: string, formData: FormData): Promise<ConsoleActionResult> {
	const [verb, arg, extra] = String(formData.get('intent') ?? '').split(':')
	if (verb === 'bulk') {
		const decision = asDecision(arg)
		const ids = formData.getAll('itemId').map(String)
		if (!decision) return { ok: false, error: 'page.badRequestTitle' }
		if (ids.length === 0) return { ok: false, error: 'console.nothingSelected' }
		return { ok: true, message: 'console.bulkDone', params: { count: await decideItems(staffId, ids, decision) } }
	}
	if (verb === 'item') {
		const decision = asDecision(extra)
		if (!decision || !arg) return { ok: false, error: 'page.badRequestTitle' }
		return { ok: true, message: 'console.bulkDone', params: { count: await decideItems(staffId, [arg], decision) } }
	}
	if (verb === 'warn' || verb === 'ban' || verb === 'unban') {
		const item = await prisma.reviewItem.findUnique({ where: { id: arg ?? '' }, select: { targetType: true, targetId: true } })
		if (!item) return { ok: false, error: 'console.targetGone' }
		const target =
			item.targetType === 'post'
				? await prisma.post.findUnique({ where: { id: item.targetId }, select: { authorId: true } })
				: await prisma.comment.findUnique({ where: { id: item.targetId }, select: { authorId: true } })
		if (!target) return { ok: false, error: 'console.targetGone' }
		if (verb === 'warn') {
			await warnMember(staffId, target.authorId, { targetType: item.targetType as 'post' | 'comment', targetId: item.targetId })
			return { ok: true, message: 'console.warned' }
		}
		await setBanned(staffId, target.authorId, verb === 'ban')
		return { ok: true, message: verb === 'ban' ? 'console.banned' : 'console.unbanned' }
	}
	if (verb === 'word') {
		if (arg === 'remove') {
			await removeWatchWord(staffId, String(formData.get('wordId') ?? ''))
			return { ok: true, message: 'console.productSaved' }
		}
		const result = await addWatchWord(staffId, { phrase: String(formData.get('phrase') ?? ''), action: String(formData.get('action') ?? '') })
		return result.ok ? { ok: true, message: 'console.productSaved' } : result
	}
	return { ok: false, error: 'page.badRequestTitle' }
}
