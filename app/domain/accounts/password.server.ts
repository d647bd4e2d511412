import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id minimum: 19 MiB memory, 2 iterations, 1 lane (Password Storage Cheat Sheet).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS)
}

// NOTE: verified against when the email is unknown, so a login for a missing account
// takes as long as one with a wrong password and does not reveal who has an account.
const DUMMY_HASH = hash('quanzi-not-a-password', OPTIONS)

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash ?? (await DUMMY_HASH), password)
	} catch {
		return false
	}
}
