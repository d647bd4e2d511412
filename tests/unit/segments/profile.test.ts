import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { updateProfile } from '#app/domain/accounts/accounts.server.ts'
import { ProfileSchema } from '#app/domain/accounts/schemas.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '#tests/unit/posts/fixtures.ts'

// The profile's phone (digits only, one account each, linking the shop's orders placed with it)
// and the birthday's "entered on" date, which the birthday coupon waits on.

const form = (fields: Record<string, string>) => ProfileSchema.parse({ displayName: 'Mei', birthdayMonth: '', birthdayDay: '', region: '', locale: '', ...fields })
const saved = (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { phone: true, displayName: true, birthdayMonth: true, birthdaySetAt: true } })

describe('phone', () => {
	test('stored as digits only; a bad one is refused by the form; not sent leaves it as it was; empty removes it', async () => {
		const mei = await member()
		expect(await updateProfile(mei.id, form({ phone: '+86 138-0013-8000' }))).toEqual({ ok: true })
		expect((await saved(mei.id)).phone).toBe('13800138000')
		expect(ProfileSchema.safeParse({ displayName: 'Mei', birthdayMonth: '', birthdayDay: '', region: '', locale: '', phone: 'call me' }).error?.issues[0]?.message).toBe('profile.error.phoneInvalid')
		expect(await updateProfile(mei.id, form({}))).toEqual({ ok: true })
		expect((await saved(mei.id)).phone).toBe('13800138000')
		expect(await updateProfile(mei.id, form({ phone: ' ' }))).toEqual({ ok: true })
		expect((await saved(mei.id)).phone).toBeNull()
	})

	test('a phone already on another account is refused next to the field, and nothing of the form is saved', async () => {
		const [mei, lin] = await Promise.all([member(), member()])
		await updateProfile(mei.id, form({ phone: '13900139000' }))
		expect(await updateProfile(lin.id, form({ displayName: 'Lin changed', phone: '139 0013 9000' }))).toEqual({ ok: false, error: 'profile.error.phoneTaken', field: 'phone' })
		expect(await saved(lin.id)).toMatchObject({ phone: null, displayName: 'Member' })
	})

	test('a new phone links the shop orders placed with it', async () => {
		const mei = await member()
		const order = await prisma.shopOrder.create({ data: { externalId: randomUUID(), phone: '13700137000', totalCents: 9900, placedAt: new Date() }, select: { id: true } })
		await updateProfile(mei.id, form({ phone: '13700137000' }))
		expect(await prisma.shopOrder.findUniqueOrThrow({ where: { id: order.id }, select: { memberId: true } })).toEqual({ memberId: mei.id })
	})
})

describe('birthday', () => {
	test('birthdaySetAt is stamped when the birthday changes, kept when it does not, cleared with it', async () => {
		const mei = await member()
		const first = new Date('2025-01-10T08:00:00Z')
		const later = new Date('2025-03-01T08:00:00Z')
		expect((await saved(mei.id)).birthdaySetAt).toBeNull()
		await updateProfile(mei.id, form({ birthdayMonth: '5', birthdayDay: '20' }), first)
		expect((await saved(mei.id)).birthdaySetAt).toEqual(first)
		await updateProfile(mei.id, form({ displayName: 'Mei Mei', birthdayMonth: '5', birthdayDay: '20' }), later)
		expect((await saved(mei.id)).birthdaySetAt).toEqual(first)
		await updateProfile(mei.id, form({ birthdayMonth: '5', birthdayDay: '21' }), later)
		expect((await saved(mei.id)).birthdaySetAt).toEqual(later)
		await updateProfile(mei.id, form({}), later)
		expect(await saved(mei.id)).toMatchObject({ birthdayMonth: null, birthdaySetAt: null })
	})
})
