import { prisma } from '#app/lib/db.server.ts'
import type { NotificationKind } from './kinds.ts'
import { categoryOf, isOptional, OPTIONAL_CATEGORIES, sendsEmail, type OptionalCategory } from './policy.ts'

/** How a member hears of one kind: in the notification centre, by email, both or neither. */
export type Channels = { inApp: boolean; email: boolean }
export type CategoryPreference = { category: OptionalCategory } & Channels

/** The member's switches for every category that has them; no row means both on. */
export async function getPreferences(userId: string): Promise<CategoryPreference[]> {
	const rows = await prisma.notificationPreference.findMany({ where: { userId }, select: { category: true, inApp: true, email: true } })
	const saved = new Map(rows.map((r) => [r.category, r]))
	return OPTIONAL_CATEGORIES.map((category) => ({ category, inApp: saved.get(category)?.inApp ?? true, email: saved.get(category)?.email ?? true }))
}

/**
 * The settings form's checkboxes ("<category>.inApp", "<category>.email"; present means on)
 * as switches for every category. Fields of any other name (a member id, say) are ignored.
 */
export function preferencesFromForm(form: FormData): CategoryPreference[] {
	return OPTIONAL_CATEGORIES.map((category) => ({ category, inApp: form.has(`${category}.inApp`), email: form.has(`${category}.email`) }))
}

/** Saves one member's switches, all categories in one batch (so none is half-saved). */
export async function savePreferences(userId: string, preferences: CategoryPreference[]): Promise<void> {
	const known = preferences.filter((p) => (OPTIONAL_CATEGORIES as readonly string[]).includes(p.category))
	await prisma.$transaction(
		known.map(({ category, inApp, email }) =>
			prisma.notificationPreference.upsert({
				where: { userId_category: { userId, category } },
				create: { userId, category, inApp, email },
				update: { inApp, email },
				select: { category: true },
			}),
		),
	)
}

/**
 * The channels each member gets this kind on: one query for the whole page of members (none
 * for account kinds, which nobody can switch off). Email only where the kind is ever emailed.
 */
export async function channelsFor(userIds: string[], kind: NotificationKind): Promise<Map<string, Channels>> {
	const category = categoryOf(kind)
	const emailed = sendsEmail(kind)
	const channels = new Map<string, Channels>(userIds.map((id) => [id, { inApp: true, email: emailed }]))
	if (!isOptional(category) || userIds.length === 0) return channels
	const rows = await prisma.notificationPreference.findMany({
		where: { userId: { in: userIds }, category },
		select: { userId: true, inApp: true, email: true },
	})
	for (const row of rows) channels.set(row.userId, { inApp: row.inApp, email: emailed && row.email })
	return channels
}
