// Client-importable: the console's forms offer the same choices the server accepts.

export const WATCH_ACTIONS = ['block', 'hold', 'allow'] as const
export type WatchAction = (typeof WATCH_ACTIONS)[number]
