import type { enNotify } from './en-notify.ts'

/** 简体中文: notification preferences, caps and email. Typed against en-notify.ts, so a missing key fails the type check. */
export const zhCNNotify: Record<keyof typeof enNotify, string> = {
	'notifyConsole.link': '通知与邮件',
	'notifySettings.meLink': '通知设置',
	'notification.orderLinked': '订单 {order}（{total}）已关联到你的账户。你对所购商品的评价会显示“已购买”标识。',
	'notification.tierReached': '欢迎升级为{tier}！新的会员权益在“我的”里等你。',
	'notification.couponIssued': '送你一张优惠券：{name}，请在 {expires} 前使用。',
	'notification.couponExpiring': '你的优惠券 {name} 将于 {expires} 到期，记得在此之前使用券码 {code}。',
	'notification.repurchaseReminder': '{product}快用完了吗？差不多该补货啦。',
	'notification.prizeWon': '你在“{campaign}”中抽中了{prize}！到“我的奖品”查看。',
}
