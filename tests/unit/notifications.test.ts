import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { countUnread, getNotification, listNotifications, markAllRead, notify } from '#app/domain/notifications/notifications.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'

async function newMember() {
	const user = await createUser({ email: `n-${randomUUID()}@quanzi.test`, displayName: 'N', password: 'long enough' })
	return user!.id
}

describe('notification centre', () => {
	test('notify saves the notification and announces it for live delivery', async () => {
		const userId = await newMember()
		const seen: unknown[] = []
		const listener = (e: unknown) => seen.push(e)
		domainEvents.on('notification:created', listener)
		const { id } = (await notify(userId, { kind: 'welcome', params: { name: 'Mei' }, link: '/me' }))!
		domainEvents.off('notification:created', listener)
		expect(seen).toEqual([{ userId, notificationId: id }])
		expect(await getNotification(userId, id)).toMatchObject({ kind: 'welcome', params: { name: 'Mei' }, link: '/me', read: false })
	})

	test('unread count, newest first, and mark all read', async () => {
		const userId = await newMember()
		for (let i = 0; i < 3; i++) await notify(userId, { kind: 'welcome', params: { name: `n${i}` } })
		expect(await countUnread(userId)).toBe(3)
		const { items } = await listNotifications(userId)
		expect(items.map((n) => n.params.name)).toEqual(['n2', 'n1', 'n0'])
		expect(await markAllRead(userId)).toBe(3)
		expect(await countUnread(userId)).toBe(0)
		expect(await markAllRead(userId)).toBe(0)
	})

	test('pages with a cursor cover every notification once, and the page size is capped', async () => {
		const userId = await newMember()
		for (let i = 0; i < 7; i++) await notify(userId, { kind: 'welcome', params: { name: `n${i}` } })
		const seen: string[] = []
		let cursor: string | null = null
		do {
			const page: Awaited<ReturnType<typeof listNotifications>> = await listNotifications(userId, { cursor, take: 3 })
			seen.push(...page.items.map((n) => String(n.params.name)))
			cursor = page.nextCursor
		} while (cursor)
		expect(seen).toEqual(['n6', 'n5', 'n4', 'n3', 'n2', 'n1', 'n0'])
		expect((await listNotifications(userId, { take: 10_000 })).items.length).toBe(7)
	})

	test("a member never reads another member's notification", async () => {
		const owner = await newMember()
		const other = await newMember()
		const { id } = (await notify(owner, { kind: 'welcome', params: { name: 'x' } }))!
		expect(await getNotification(other, id)).toBeNull()
		expect((await listNotifications(other)).items).toEqual([])
	})
})
