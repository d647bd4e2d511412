// What group pages and group socket events carry; client-importable.

export type DealStatus = 'open' | 'unlocked' | 'released'
export type DealProgressPush = { dealId: string; joined: number; target: number; cap: number; status: DealStatus }
