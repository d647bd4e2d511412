import type { enMembership } from './en-membership.ts'

/** 简体中文: tiers, coupons and member benefits. Typed against en-membership.ts, so a missing key fails the type check. */
export const zhCNMembership: Record<keyof typeof enMembership, string> = {
	'tiers.consoleLink': '会员等级',
	'coupons.consoleLink': '优惠券',
	'membership.meLink': '会员',
	'coupons.meLink': '我的优惠券',
}
