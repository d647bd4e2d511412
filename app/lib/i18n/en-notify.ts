/** English: notification preferences, caps and email. Spread into en.ts. */
export const enNotify = {
	'notifyConsole.link': 'Notifications and email',
	'notifySettings.meLink': 'Notification settings',
	'notification.orderLinked': 'Order {order} ({total}) is now on your account. Your reviews of what you bought show the verified-buyer badge.',
	'notification.tierReached': 'Welcome to {tier}! Your new benefits are waiting in Me.',
	'notification.couponIssued': 'A coupon for you: {name}. Use it by {expires}.',
	'notification.couponExpiring': 'Your coupon {name} ends on {expires}. Use code {code} before then.',
	'notification.repurchaseReminder': 'Running low on {product}? It is about time for a new one.',
	'notification.prizeWon': 'You won {prize} in “{campaign}”! See it in My prizes.',
} as const
