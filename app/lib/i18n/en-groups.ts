/** English: groups. Spread into en.ts. */
export const enGroups = {
} as const
