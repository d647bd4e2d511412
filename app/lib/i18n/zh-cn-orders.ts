import type { enOrders } from './en-orders.ts'

/** 简体中文: orders. Typed against en-orders.ts, so a missing key fails the type check. */
export const zhCNOrders: Record<keyof typeof enOrders, string> = {
	'orders.consoleLink': '订单',
	'orders.meLink': '我的订单',
}
