/** English: group deals. Spread into en.ts. */
export const enGroupDeals = {
} as const
