import type { enAnalytics } from './en-analytics.ts'

/** 简体中文: the merchant's analytics dashboard. Typed against en-analytics.ts, so a missing key fails the type check. */
export const zhCNAnalytics: Record<keyof typeof enAnalytics, string> = {
	'analytics.consoleLink': '数据分析',
}
