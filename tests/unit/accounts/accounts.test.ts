import { createHash, randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { changePassword, ensureMerchant, logIn, signUp } from '#app/domain/accounts/accounts.server.ts'
import { authenticate, endSession, requireRole, SESSION_COOKIE } from '#app/domain/accounts/auth.server.ts'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { LoginSchema, ProfileSchema, SignupSchema } from '#app/domain/accounts/schemas.ts'
import { prisma } from '#app/lib/db.server.ts'

const email = () => `m-${randomUUID()}@quanzi.test`
const address = () => `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`
const cookieOf = (setCookie: string) => setCookie.split(';')[0]!

async function member(password = 'correct horse') {
	const result = await signUp({ email: email(), displayName: 'Mei', password }, address())
	if (!result.ok) throw new Error(result.error)
	return result
}

describe('sign-up and sessions', () => {
	test('the password is stored as an argon2id hash, never as typed', async () => {
		const { userId } = await member('correct horse')
		const row = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
		expect(row.passwordHash).toMatch(/^\$argon2id\$/)
		expect(row.passwordHash).not.toContain('correct horse')
	})

	test('the cookie holds a random token of at least 128 bits; the database holds only its SHA-256', async () => {
		const { token, setCookie, userId } = await member()
		expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`))
		expect(setCookie).toMatch(/HttpOnly/i)
		expect(setCookie).toMatch(/SameSite=Lax/i)
		expect(token.length * 5).toBeGreaterThanOrEqual(128) // lucia's base32 alphabet: 5 bits a character
		const sessions = await prisma.session.findMany({ where: { userId }, select: { id: true } })
		expect(sessions).toEqual([{ id: createHash('sha256').update(token).digest('hex') }])
		const auth = await authenticate(cookieOf(setCookie))
		expect(auth.user?.id).toBe(userId)
	})

	test('the same email cannot sign up twice, whatever its case or spacing', async () => {
		const from = address()
		const local = `Case-${randomUUID()}`
		const first = SignupSchema.parse({ email: `  ${local}@Quanzi.TEST `, displayName: 'A', password: 'long enough' })
		expect(first.email).toBe(`${local.toLowerCase()}@quanzi.test`)
		expect((await signUp(first, from)).ok).toBe(true)
		const again = SignupSchema.parse({ email: `${local.toUpperCase()}@quanzi.test`, displayName: 'B', password: 'long enough' })
		expect(await signUp(again, from)).toEqual({ ok: false, error: 'error.emailTaken', field: 'email' })
	})

	test('an idle session expires: a session past its expiry is refused and its cookie blanked', async () => {
		const { token, setCookie } = await member()
		await prisma.session.update({ where: { id: createHash('sha256').update(token).digest('hex') }, data: { expiresAt: new Date(Date.now() - 1000) } })
		const auth = await authenticate(cookieOf(setCookie))
		expect(auth.user).toBeNull()
		expect(auth.setCookie).toMatch(/Max-Age=0/)
	})

	test('logout ends the session in the database', async () => {
		const { token, setCookie } = await member()
		const blank = await endSession(token)
		expect(blank).toMatch(/Max-Age=0/)
		expect((await authenticate(cookieOf(setCookie))).user).toBeNull()
	})

	test('a forged or unknown token is refused', async () => {
		expect((await authenticate(`${SESSION_COOKIE}=abcdefghijklmnopqrstuvwxyz234567`)).user).toBeNull()
		expect((await authenticate(undefined)).user).toBeNull()
	})
})

describe('log in', () => {
	test('right password logs in; wrong password and unknown email give the same answer', async () => {
		const address1 = address()
		const { userId } = await member('right password')
		const { email: mail } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
		const ok = await logIn({ email: mail, password: 'right password' }, address1)
		expect(ok.ok && ok.userId).toBe(userId)
		expect(await logIn({ email: mail, password: 'wrong password' }, address1)).toEqual({ ok: false, error: 'error.loginFailed' })
		expect(await logIn({ email: email(), password: 'whatever' }, address1)).toEqual({ ok: false, error: 'error.loginFailed' })
	})

	test('five wrong passwords lock the account for 15 minutes, even with the right one, from any address', async () => {
		const { userId } = await member('right password')
		const { email: mail } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
		for (let i = 0; i < 5; i++) await logIn({ email: mail, password: `wrong ${i}` }, address())
		const locked = await logIn({ email: mail, password: 'right password' }, address())
		expect(locked).toEqual({ ok: false, error: 'error.tooManyAttempts', params: { minutes: 15 } })
	})

	test('twenty failures from one address lock that address for every account', async () => {
		const from = address()
		for (let i = 0; i < 20; i++) await logIn({ email: email(), password: 'nope' }, from)
		const { userId } = await member('right password')
		const { email: mail } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
		expect((await logIn({ email: mail, password: 'right password' }, from)).ok).toBe(false)
		expect((await logIn({ email: mail, password: 'right password' }, address())).ok).toBe(true)
	})

	test('sign-up is limited to ten accounts an hour from one address', async () => {
		const from = address()
		for (let i = 0; i < 10; i++) expect((await signUp({ email: email(), displayName: 'N', password: 'long enough' }, from)).ok).toBe(true)
		const refused = await signUp({ email: email(), displayName: 'N', password: 'long enough' }, from)
		expect(refused).toMatchObject({ ok: false, error: 'error.tooManyAttempts' })
	})
})

describe('password change', () => {
	test('needs the current password, and ends every other session but this one', async () => {
		const first = await member('old password')
		const { email: mail } = await prisma.user.findUniqueOrThrow({ where: { id: first.userId }, select: { email: true } })
		const second = await logIn({ email: mail, password: 'old password' }, address())
		if (!second.ok) throw new Error('login failed')

		const wrong = await changePassword(first.userId, first.token, { currentPassword: 'not it', newPassword: 'new password' })
		expect(wrong).toEqual({ ok: false, error: 'error.passwordWrong', field: 'currentPassword' })
		expect((await authenticate(cookieOf(second.setCookie))).user).not.toBeNull()

		expect(await changePassword(first.userId, first.token, { currentPassword: 'old password', newPassword: 'new password' })).toEqual({ ok: true })
		expect((await authenticate(cookieOf(first.setCookie))).user?.id).toBe(first.userId)
		expect((await authenticate(cookieOf(second.setCookie))).user).toBeNull()
		expect((await logIn({ email: mail, password: 'old password' }, address())).ok).toBe(false)
		expect((await logIn({ email: mail, password: 'new password' }, address())).ok).toBe(true)
	})
})

describe('roles', () => {
	test('merchant ⊃ superuser ⊃ customer, and unknown roles have no rights', () => {
		expect(hasRole('merchant', 'superuser')).toBe(true)
		expect(hasRole('superuser', 'customer')).toBe(true)
		expect(hasRole('customer', 'superuser')).toBe(false)
		expect(hasRole('superuser', 'merchant')).toBe(false)
		expect(hasRole('admin', 'customer')).toBe(false)
	})

	test('requireRole answers 403 to a customer and redirects a visitor to log in', async () => {
		const request = new Request('http://localhost/console?tab=1')
		const customer = { id: 'u1', role: 'customer', email: '', displayName: '', locale: null }
		expect(() => requireRole({ request, context: { user: customer } }, 'merchant')).toThrow(
			expect.objectContaining({ status: 403 }) as Error,
		)
		try {
			requireRole({ request, context: { user: null } }, 'merchant')
			expect.unreachable()
		} catch (response) {
			expect((response as Response).status).toBe(302)
			expect((response as Response).headers.get('Location')).toBe('/login?redirectTo=%2Fconsole%3Ftab%3D1')
		}
		const merchant = { ...customer, role: 'merchant' }
		expect(requireRole({ request, context: { user: merchant } }, 'merchant')).toBe(merchant)
	})

	test('the merchant comes from MERCHANT_EMAIL: created once, an existing account promoted', async () => {
		const mail = email()
		expect(await ensureMerchant(mail, 'merchant password')).toBe('created')
		expect(await ensureMerchant(mail, 'merchant password')).toBe('unchanged')
		const { userId } = await member()
		const existing = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
		expect(await ensureMerchant(existing.email.toUpperCase(), 'ignored password')).toBe('promoted')
		expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).role).toBe('merchant')
	})
})

describe('form schemas', () => {
	test('field errors are i18n keys for each bad field', () => {
		const bad = SignupSchema.safeParse({ email: 'nope', displayName: '', password: 'short' })
		expect(bad.success).toBe(false)
		const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]))
		expect(messages).toEqual({ email: 'error.emailInvalid', displayName: 'error.displayNameRequired', password: 'error.passwordTooShort' })
		expect(LoginSchema.safeParse({}).error!.issues.map((i) => i.message)).toEqual(['error.emailRequired', 'error.passwordRequired'])
	})

	test('a birthday needs both parts and a real date; 29 February is allowed', () => {
		const base = { displayName: 'Mei', region: '', locale: '' }
		expect(ProfileSchema.parse({ ...base, birthdayMonth: '2', birthdayDay: '29' })).toMatchObject({ birthdayMonth: 2, birthdayDay: 29, region: null, locale: null })
		expect(ProfileSchema.safeParse({ ...base, birthdayMonth: '2', birthdayDay: '30' }).error!.issues[0]!.message).toBe('error.birthdayInvalid')
		expect(ProfileSchema.safeParse({ ...base, birthdayMonth: '5', birthdayDay: '' }).error!.issues[0]!.message).toBe('error.birthdayIncomplete')
		expect(ProfileSchema.safeParse({ ...base, birthdayMonth: '', birthdayDay: '', locale: 'fr' }).success).toBe(false)
	})
})
