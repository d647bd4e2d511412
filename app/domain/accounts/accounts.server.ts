import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { createLimiter, minutesToWait } from '#app/lib/rate-limit.server.ts'
import { linkOrdersToMember } from '#app/domain/membership/orders-link.server.ts'
import { notify } from '#app/domain/notifications/notifications.server.ts'
import { logError } from '#app/lib/log.server.ts'
import { endOtherSessions, startSession } from './auth.server.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import type { Role } from './roles.ts'
import type { ProfileInput } from './schemas.ts'

// Login: 5 wrong passwords per account, 20 per address, in 15 minutes (ASVS 6.3.1).
const loginByAccount = createLimiter('login:account', { limit: 5, windowMs: 15 * 60_000 })
const loginByAddress = createLimiter('login:address', { limit: 20, windowMs: 15 * 60_000 })
// Sign-up: 10 new accounts per address an hour.
const signupByAddress = createLimiter('signup:address', { limit: 10, windowMs: 60 * 60_000 })

export type Refusal = { ok: false; error: MessageKey; field?: string; params?: Record<string, number> }
type Signed = { ok: true; userId: string; token: string; setCookie: string }

function throttled(retryAfterMs: number): Refusal {
	return { ok: false, error: 'error.tooManyAttempts', params: { minutes: minutesToWait(retryAfterMs) } }
}

export async function createUser(input: {
	email: string
	displayName: string
	password: string
	role?: Role
}): Promise<{ id: string } | null> {
	try {
		return await prisma.user.create({
			data: {
				email: input.email,
				displayName: input.displayName,
				passwordHash: await hashPassword(input.password),
				role: input.role ?? 'customer',
			},
			select: { id: true },
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null
		throw error
	}
}

export async function signUp(
	input: { email: string; displayName: string; password: string },
	address: string,
): Promise<Signed | Refusal> {
	// Counting first makes the limit exact when several processes take sign-ups at once.
	const gate = await signupByAddress.hit(address)
	if (!gate.allowed) return throttled(gate.retryAfterMs)
	const user = await createUser(input)
	if (!user) return { ok: false, error: 'error.emailTaken', field: 'email' }
	await notify(user.id, { kind: 'welcome', params: { name: input.displayName }, link: '/me' })
	await linkOrders(user.id)
	return { ok: true, userId: user.id, ...(await startSession(user.id)) }
}

export async function logIn(input: { email: string; password: string }, address: string): Promise<Signed | Refusal> {
	for (const gate of await Promise.all([loginByAccount.check(input.email), loginByAddress.check(address)])) {
		if (!gate.allowed) return throttled(gate.retryAfterMs)
	}
	const user = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true } })
	const valid = await verifyPassword(user?.passwordHash ?? null, input.password)
	if (!user || !valid) {
		await Promise.all([loginByAccount.hit(input.email), loginByAddress.hit(address)])
		return { ok: false, error: 'error.loginFailed' }
	}
	await loginByAccount.reset(input.email)
	return { ok: true, userId: user.id, ...(await startSession(user.id)) }
}

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(
	userId: string,
	currentToken: string,
	input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true } | Refusal> {
	const gate = await loginByAccount.check(`user:${userId}`)
	if (!gate.allowed) return throttled(gate.retryAfterMs)
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } })
	if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
		await loginByAccount.hit(`user:${userId}`)
		return { ok: false, error: 'error.passwordWrong', field: 'currentPassword' }
	}
	await prisma.user.update({
		where: { id: userId },
		data: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() },
		select: { id: true },
	})
	await endOtherSessions(userId, currentToken)
	await notify(userId, { kind: 'passwordChanged', link: '/me/password' })
	return { ok: true }
}

export function getProfile(userId: string) {
	return prisma.user.findUnique({
		where: { id: userId },
		select: {
			id: true,
			email: true,
			displayName: true,
			role: true,
			locale: true,
			birthdayMonth: true,
			birthdayDay: true,
			region: true,
			phone: true,
			createdAt: true,
		},
	})
}

/** Shop orders placed with this member's email or phone become theirs; a failure must not stop a sign-up or a save. */
async function linkOrders(userId: string): Promise<void> {
	try {
		await linkOrdersToMember(userId)
	} catch (error) {
		logError('accounts:linkOrders', error, { userId })
	}
}

/**
 * Saves the profile. A changed birthday stamps birthdaySetAt in the same statement (a
 * birthday entered under 30 days ago earns no coupon yet, or changing it would mint one);
 * a phone already on another account is refused; a new phone links the shop's orders made with it.
 */
export async function updateProfile(userId: string, input: ProfileInput, now = new Date()): Promise<{ ok: true } | Refusal> {
	const current = await prisma.user.findUnique({ where: { id: userId }, select: { birthdayMonth: true, birthdayDay: true, phone: true } })
	if (!current) return { ok: false, error: 'profile.error.notFound' }
	const birthdayChanged = current.birthdayMonth !== input.birthdayMonth || current.birthdayDay !== input.birthdayDay
	const phoneChanged = input.phone !== undefined && input.phone !== current.phone
	try {
		await prisma.user.update({
			where: { id: userId },
			data: { ...input, ...(birthdayChanged ? { birthdaySetAt: input.birthdayMonth === null ? null : now } : {}) },
			select: { id: true },
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: false, error: 'profile.error.phoneTaken', field: 'phone' }
		throw error
	}
	if (phoneChanged && input.phone) await linkOrders(userId)
	return { ok: true }
}

export async function setLocale(userId: string, locale: string | null): Promise<void> {
	await prisma.user.update({ where: { id: userId }, data: { locale }, select: { id: true } })
}

/**
 * Makes sure a merchant account exists for this email: creates it, or promotes the
 * existing account. The only ways to a merchant are this and the npm script.
 */
export async function ensureMerchant(email: string, password: string): Promise<'created' | 'promoted' | 'unchanged'> {
	const normalized = email.trim().toLowerCase()
	const existing = await prisma.user.findUnique({ where: { email: normalized }, select: { role: true } })
	if (!existing) {
		await createUser({ email: normalized, displayName: 'Merchant', password, role: 'merchant' })
		return 'created'
	}
	if (existing.role === 'merchant') return 'unchanged'
	await prisma.user.update({ where: { email: normalized }, data: { role: 'merchant' }, select: { id: true } })
	return 'promoted'
}
