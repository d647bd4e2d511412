// What the commission and leaders pages share with the server; client-importable.

export const LEADERBOARD_ORDERS = ['members', 'sales'] as const
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number]
