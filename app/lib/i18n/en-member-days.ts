/** English: member days and blind boxes. Spread into en.ts. */
export const enMemberDays = {
	'days.consoleLink': 'Member days',
} as const
