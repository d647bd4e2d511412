import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { saveWeeklyCap } from '#app/domain/notifications/cap-settings.server.ts'
import { notify, notifyMany } from '#app/domain/notifications/notifications.server.ts'
import { isoWeek, type OptionalCategory } from '#app/domain/notifications/policy.ts'
import { savePreferences } from '#app/domain/notifications/preferences.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { onPostgres } from '#tests/setup/databases.ts'
import { holdings, members, one } from './helpers.ts'

// The weekly cap on marketing notifications, the members' switches and once-only keys, through
// notify() on a real database. A Wednesday in ISO week 48 of 2026.
const NOW = new Date('2026-11-25T10:00:00Z')
const WEEK = '2026-W48'
const coupon = { kind: 'couponIssued', params: { name: '¥20 off', expires: '2026-12-31' }, link: '/me/coupons' } as const
const prize = { kind: 'prizeWon', params: { prize: 'Tea set', campaign: 'Winter draw' }, link: '/me/prizes' } as const

const off = (category: OptionalCategory, channels: { inApp: boolean; email: boolean }) => ({ category, ...channels })

afterEach(async () => {
	await saveWeeklyCap(3)
})

describe('the weekly cap on marketing notifications', () => {
	test('after 3 marketing notifications the 4th writes nothing, but a prize and a group message still arrive', async () => {
		const { id: member } = await one()
		for (let i = 0; i < 3; i++) expect(await notify(member, coupon, NOW)).not.toBeNull()
		const before = await holdings(member, WEEK)
		expect(before.quota).toBe(3)
		expect(before.rows).toHaveLength(3)
		expect(before.emails).toHaveLength(3)

		expect(await notify(member, { kind: 'liveStarted', params: { title: 'Spring tea' }, link: '/live/x' }, NOW)).toBeNull()
		expect(await notify(member, coupon, NOW)).toBeNull()
		expect(await holdings(member, WEEK)).toEqual(before)

		const won = await notify(member, prize, NOW)
		expect(won).not.toBeNull()
		const after = await holdings(member, WEEK)
		expect(after.rows.filter((r) => r.kind === 'prizeWon').map((r) => r.id)).toEqual([won!.id])
		expect(after.emails.filter((e) => e.notificationId === won!.id)).toHaveLength(1)
		expect(after.quota).toBe(3)
		// Groups can be switched off but are not capped: they answer something the member did.
		expect(await notify(member, { kind: 'dealUnlocked', params: { product: 'Tea cup' }, link: '/deals/d' }, NOW)).not.toBeNull()
	})

	test('the count starts again in the next ISO week (Monday 00:00 UTC)', async () => {
		const { id: member } = await one()
		for (let i = 0; i < 3; i++) await notify(member, coupon, NOW)
		expect(await notify(member, coupon, new Date('2026-11-29T23:59:59Z'))).toBeNull()
		expect(await notify(member, coupon, new Date('2026-11-30T00:00:00Z'))).not.toBeNull()
		expect((await holdings(member, '2026-W49')).quota).toBe(1)
		expect((await holdings(member, WEEK)).quota).toBe(3)
	})

	test('ISO weeks around the turn of the year', () => {
		expect(isoWeek(NOW)).toBe(WEEK)
		expect(isoWeek(new Date('2021-01-01T12:00:00Z'))).toBe('2020-W53')
		expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01')
		expect(isoWeek(new Date('2026-01-04T23:59:59Z'))).toBe('2026-W01')
		expect(isoWeek(new Date('2026-01-05T00:00:00Z'))).toBe('2026-W02')
	})

	test('20 marketing notifications at once: exactly 3 arrive, with 3 emails, and the count is 3', async () => {
		const { id: member } = await one()
		const results = await Promise.all(Array.from({ length: 20 }, (_, i) => notify(member, { ...coupon, params: { ...coupon.params, name: `c${i}` } }, NOW)))
		expect(results.filter(Boolean)).toHaveLength(3)
		const { rows, emails, quota } = await holdings(member, WEEK)
		expect(rows.filter((r) => r.kind === 'couponIssued')).toHaveLength(3)
		expect(emails).toHaveLength(3)
		expect(quota).toBe(3)
	})

	test('the merchant’s cap applies, and 0 stops marketing altogether', async () => {
		const { id: member } = await one()
		expect(await saveWeeklyCap(1)).toBe(true)
		expect(await notify(member, coupon, NOW)).not.toBeNull()
		expect(await notify(member, coupon, NOW)).toBeNull()
		expect(await saveWeeklyCap(0)).toBe(true)
		const { id: fresh } = await one()
		expect(await notify(fresh, coupon, NOW)).toBeNull()
		expect(await notify(fresh, prize, NOW)).not.toBeNull()
		expect(await saveWeeklyCap(51)).toBe(false)
		expect(await saveWeeklyCap(-1)).toBe(false)
	})
})

describe('the member’s switches', () => {
	test('in-app off sends only the email, email off writes only the row, both off nothing (and uses no quota)', async () => {
		const { id: member } = await one()
		await savePreferences(member, [off('coupons', { inApp: false, email: true }), off('votes', { inApp: true, email: false }), off('live', { inApp: false, email: false })])

		const seen: unknown[] = []
		const listen = (e: unknown) => seen.push(e)
		domainEvents.on('notification:created', listen)
		const emailOnly = await notify(member, coupon, NOW)
		const rowOnly = await notify(member, { kind: 'voteSelected', params: { title: 'Jasmine tin', reason: '' }, link: '/vote/c' }, NOW)
		const none = await notify(member, { kind: 'liveStarted', params: { title: 'Tea' }, link: '/live/r' }, NOW)
		domainEvents.off('notification:created', listen)

		const { rows, emails, quota } = await holdings(member, WEEK)
		expect(rows.map((r) => r.kind)).toEqual(['voteSelected'])
		expect(emails.map((e) => e.id)).toEqual([emailOnly!.id])
		expect(emails[0]!.notificationId).toBeNull()
		expect(rowOnly).toEqual({ id: rows[0]!.id })
		expect(none).toBeNull()
		expect(quota).toBe(2)
		// Only the centre row is announced to open tabs.
		expect(seen).toEqual([{ userId: member, notificationId: rows[0]!.id }])
	})

	test('account notifications cannot be switched off, and only some of them are emailed', async () => {
		const { id: member } = await one()
		await savePreferences(member, [{ category: 'account' as OptionalCategory, inApp: false, email: false }])
		expect(await prisma.notificationPreference.count({ where: { userId: member } })).toBe(0)
		const won = await notify(member, prize, NOW)
		const commented = await notify(member, { kind: 'postCommented', link: '/posts/p' }, NOW)
		const { rows, emails } = await holdings(member, WEEK)
		expect(rows.map((r) => r.id).sort()).toEqual([won!.id, commented!.id].sort())
		expect(emails.map((e) => e.notificationId)).toEqual([won!.id])
	})

	test('the email speaks the member’s language, links back, and says why it came and where to change that', async () => {
		const { id: english } = await one({ name: 'Mei' })
		const { id: chinese } = await one({ name: '小美', locale: 'zh-CN' })
		await notify(english, coupon, NOW)
		await notify(chinese, coupon, NOW)
		const [en] = (await holdings(english, WEEK)).emails
		const [zh] = (await holdings(chinese, WEEK)).emails
		expect(en!.subject).toBe('A coupon for you')
		expect(en!.text).toContain('Hello Mei,')
		expect(en!.text).toContain('A coupon for you: ¥20 off. Use it by 2026-12-31.')
		expect(en!.text).toContain('http://localhost:3999/me/coupons')
		expect(en!.text).toContain('email for “Coupons and offers” is on')
		expect(en!.text).toContain('http://localhost:3999/me/notification-settings')
		expect(zh!.subject).toBe('送你一张优惠券')
		expect(zh!.text).toContain('小美，你好')
		expect(zh!.text).toContain('送你一张优惠券：¥20 off，请在 2026-12-31 前使用。')
		expect(zh!.text).toContain('http://localhost:3999/me/notification-settings')
	})
})

describe('once-only keys', () => {
	test('ten racing calls with one key deliver once, and the losers’ quota is given back', async () => {
		const { id: member } = await one()
		const reminder = { kind: 'repurchaseReminder', params: { product: 'Green tea' }, link: '/products/p', key: `repurchase:${member}:1` } as const
		const results = await Promise.all(Array.from({ length: 10 }, () => notify(member, reminder, NOW)))
		expect(results.filter(Boolean)).toHaveLength(1)
		const { rows, emails, quota } = await holdings(member, WEEK)
		expect(rows.filter((r) => r.kind === 'repurchaseReminder').map((r) => r.key)).toEqual([reminder.key])
		expect(emails).toHaveLength(1)
		expect(quota).toBe(1)
		expect(await notify(member, reminder, NOW)).toBeNull()
	})

	test('a key holds for email-only members too, and across a change of switches', async () => {
		const { id: member } = await one()
		const reminder = { kind: 'repurchaseReminder', params: { product: 'Oolong' }, key: `repurchase:${member}:2` } as const
		await savePreferences(member, [off('reminders', { inApp: false, email: true })])
		const results = await Promise.all(Array.from({ length: 5 }, () => notify(member, reminder, NOW)))
		expect(results.filter(Boolean)).toHaveLength(1)
		expect((await holdings(member, WEEK)).emails).toHaveLength(1)

		const prizeKey = { ...prize, key: `prize:${member}:1` }
		expect(await notify(member, prizeKey, NOW)).not.toBeNull()
		await savePreferences(member, [off('reminders', { inApp: true, email: true })])
		expect(await notify(member, reminder, NOW)).toBeNull()
		expect(await notify(member, prizeKey, NOW)).toBeNull()
		const { rows, emails, quota } = await holdings(member, WEEK)
		expect(rows.map((r) => r.kind)).toEqual(['prizeWon'])
		expect(emails).toHaveLength(2)
		expect(quota).toBe(1)
	})
})

describe('notifyMany', () => {
	/** The SQL the database is asked to run while `task` runs (the driver's edge, counted, not changed). */
	async function statementsOf<T>(task: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
		// On PostgreSQL the adapter's pool sends each statement through pg's Client.query, as text or { text }.
		const spy = onPostgres ? vi.spyOn(pg.Client.prototype, 'query') : vi.spyOn(Database.prototype, 'prepare')
		try {
			const result = await task()
			const text = (arg: unknown) => (typeof arg === 'string' ? arg : String((arg as { text?: string })?.text))
			return { result, sql: spy.mock.calls.map((call) => text(call[0])) }
		} finally {
			spy.mockRestore()
		}
	}

	test('the same switches, cap and keys as notify, with a few queries for the whole page', async () => {
		const crowd = await members(40)
		const [emailOnly, rowOnly, neither, capped, keyed] = crowd.map((m) => m.id)
		await savePreferences(emailOnly!, [off('coupons', { inApp: false, email: true })])
		await savePreferences(rowOnly!, [off('coupons', { inApp: true, email: false })])
		await savePreferences(neither!, [off('coupons', { inApp: false, email: false })])
		for (let i = 0; i < 3; i++) await notify(capped!, { kind: 'liveStarted', params: { title: 'Tea' } }, NOW)
		await notify(keyed!, { ...coupon, key: `winter:${keyed}` }, NOW)

		const seen: string[] = []
		const listen = (e: { notificationId: string }) => seen.push(e.notificationId)
		domainEvents.on('notification:created', listen)
		const { result: reached, sql } = await statementsOf(() => notifyMany(crowd.map((m) => m.id), { ...coupon, keyPrefix: 'winter:' }, NOW))
		domainEvents.off('notification:created', listen)

		expect(reached).toBe(37)
		// Reads: cap, switches, addresses, counts, used keys (2); writes: quota (2), rows, emails; BEGIN/COMMIT twice.
		expect(sql.filter((q) => q.includes('NotificationPreference'))).toHaveLength(1)
		expect(sql.length).toBeLessThanOrEqual(16)

		const all = await prisma.notification.findMany({ where: { userId: { in: crowd.map((m) => m.id) }, kind: 'couponIssued' }, select: { userId: true, id: true } })
		const emails = await prisma.emailMessage.findMany({ where: { userId: { in: crowd.map((m) => m.id) }, subject: 'A coupon for you' }, select: { userId: true } })
		const rowsOf = (id: string) => all.filter((r) => r.userId === id).length
		const emailsOf = (id: string) => emails.filter((e) => e.userId === id).length
		expect([rowsOf(emailOnly!), emailsOf(emailOnly!)]).toEqual([0, 1])
		expect([rowsOf(rowOnly!), emailsOf(rowOnly!)]).toEqual([1, 0])
		expect([rowsOf(neither!), emailsOf(neither!)]).toEqual([0, 0])
		expect([rowsOf(capped!), emailsOf(capped!)]).toEqual([0, 0])
		expect([rowsOf(keyed!), emailsOf(keyed!)]).toEqual([1, 1])
		for (const m of crowd.slice(5)) expect([rowsOf(m.id), emailsOf(m.id)]).toEqual([1, 1])
		expect(seen).toHaveLength(36)
		expect((await holdings(capped!, WEEK)).quota).toBe(3)
		expect((await holdings(crowd[9]!.id, WEEK)).quota).toBe(1)

		// Run again with the same keys: nobody hears twice.
		expect(await notifyMany(crowd.map((m) => m.id), { ...coupon, keyPrefix: 'winter:' }, NOW)).toBe(0)
	})

	test('racing pages never pass the cap, and uncapped kinds still reach a member at the cap', async () => {
		const crowd = (await members(10)).map((m) => m.id)
		const reached = await Promise.all(Array.from({ length: 6 }, () => notifyMany(crowd, coupon, NOW)))
		expect(reached.reduce((a, b) => a + b, 0)).toBe(30)
		for (const id of crowd) {
			const { rows, emails, quota } = await holdings(id, WEEK)
			expect([rows.length, emails.length, quota]).toEqual([3, 3, 3])
		}
		expect(await notifyMany(crowd, { kind: 'dealUnlocked', params: { product: 'Tea cup' }, link: '/deals/d' }, NOW)).toBe(10)
		expect(await notifyMany(crowd, prize, NOW)).toBe(10)
	})
})
