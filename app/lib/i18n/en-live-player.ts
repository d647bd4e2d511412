/** English: live player. Spread into en.ts. */
export const enLivePlayer = {
} as const
