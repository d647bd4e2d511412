/** English: the merchant's analytics dashboard. Spread into en.ts. */
export const enAnalytics = {
	'analytics.consoleLink': 'Analytics',
} as const
