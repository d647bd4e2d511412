export const ROLES = ['customer', 'superuser', 'merchant'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

// A super-user can do what a customer can; the merchant (staff) can do everything.
const RANK: Record<Role, number> = { customer: 0, superuser: 1, merchant: 2 }

/** True when a user with `role` may act where `needed` is required. */
export function hasRole(role: string, needed: Role): boolean {
	return isRole(role) && RANK[role] >= RANK[needed]
}
