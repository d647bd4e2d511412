/** English: live. Spread into en.ts. */
export const enLive = {
} as const
