/** English: tiers, coupons and member benefits. Spread into en.ts. */
export const enMembership = {
	'tiers.consoleLink': 'Tiers',
	'coupons.consoleLink': 'Coupons',
	'membership.meLink': 'Membership',
	'coupons.meLink': 'My coupons',
} as const
