/** English: live console. Spread into en.ts. */
export const enLiveConsole = {
} as const
