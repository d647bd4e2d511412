/** English: orders. Spread into en.ts. */
export const enOrders = {
	'orders.consoleLink': 'Orders',
	'orders.meLink': 'My orders',
} as const
