import type { enCommission } from './en-commission.ts'

/** 简体中文: 超级用户与佣金。Typed against en-commission.ts, so a missing key fails the type check. */
export const zhCNCommission: Record<keyof typeof enCommission, string> = {
}
