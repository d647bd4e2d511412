import type { enGroupDeals } from './en-group-deals.ts'

/** 简体中文: 小组团购。Typed against en-group-deals.ts, so a missing key fails the type check. */
export const zhCNGroupDeals: Record<keyof typeof enGroupDeals, string> = {
}
