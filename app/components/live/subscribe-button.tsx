import { useFetcher } from '@remix-run/react'
import { useT } from '#app/lib/i18n/use-t.ts'
import { Icon } from '../icons.tsx'

/**
 * "Tell me when it starts": answered at once on screen, then confirmed by the server. A
 * plain form underneath, so it works before the page's scripts have loaded.
 */
export function SubscribeButton({ roomId, title, subscribed, action }: { roomId: string; title: string; subscribed: boolean; action: string }) {
	const t = useT()
	const fetcher = useFetcher()
	// formData stays set until the page's data has been reloaded, so the button never flickers back.
	const pending = fetcher.formData?.get('intent')
	const on = pending ? pending === 'subscribe' : subscribed
	const hint = `subscribe-hint-${roomId}`
	return (
		<fetcher.Form method="post" action={action} className="subscribe-form">
			<input type="hidden" name="roomId" value={roomId} />
			<input type="hidden" name="intent" value={on ? 'unsubscribe' : 'subscribe'} />
			<button type="submit" className={on ? 'button button-quiet subscribe-button is-on' : 'button button-primary subscribe-button'} aria-describedby={hint}>
				<Icon name="bell" width={18} height={18} />
				{on ? t('liveList.subscribed') : t('liveList.subscribe')}
			</button>
			<span id={hint} className="visually-hidden">{t('liveList.subscribeHint', { title })}</span>
		</fetcher.Form>
	)
}
