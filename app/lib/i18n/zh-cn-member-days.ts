import type { enMemberDays } from './en-member-days.ts'

/** 简体中文: member days and blind boxes. Typed against en-member-days.ts, so a missing key fails the type check. */
export const zhCNMemberDays: Record<keyof typeof enMemberDays, string> = {
	'days.consoleLink': '会员日',
}
