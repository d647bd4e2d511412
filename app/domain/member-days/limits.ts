/** Bounds of member days and blind-box pools, shared by the domain and the console form. */
export const DAY_LIMITS = {
	title: 80,
	description: 1000,
	itemName: 80,
	items: 30,
	boxes: 1_000_000,
	perMember: 1000,
	pricePoints: 1_000_000,
	priceCents: 1_000_000,
} as const
