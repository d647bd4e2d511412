/** English: commission. Spread into en.ts. */
export const enCommission = {
} as const
