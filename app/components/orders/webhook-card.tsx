import { Form } from '@remix-run/react'
import { useState } from 'react'
import { useT } from '#app/lib/i18n/use-t.ts'

type Webhook = { endpoint: string; secret: string; signatureHeader: string; timestampHeader: string; maxOrders: number; example: string }

/** Copies text to the clipboard and says so for a moment; hidden where the browser cannot. */
function CopyButton({ text }: { text: string }) {
	const t = useT()
	const [copied, setCopied] = useState(false)
	return (
		<button
			type="button"
			className="button button-quiet"
			onClick={() => {
				void navigator.clipboard?.writeText(text).then(() => {
					setCopied(true)
					setTimeout(() => setCopied(false), 2000)
				})
			}}
		>
			{copied ? t('orders.webhook.copied') : t('orders.webhook.copy')}
		</button>
	)
}

/** The endpoint, the secret (masked until asked for), rotating it, and how to sign. */
export function WebhookCard({ webhook, rotated }: { webhook: Webhook; rotated: boolean }) {
	const t = useT()
	const masked = `${'•'.repeat(12)}${webhook.secret.slice(-4)}`
	return (
		<section className="card stack" id="webhook" aria-labelledby="webhook-title">
			<h2 id="webhook-title">{t('orders.webhook.title')}</h2>
			<p className="muted">{t('orders.webhook.intro')}</p>
			{rotated ? <p className="form-success" role="status">{t('orders.webhook.rotated')}</p> : null}
			<dl className="orders-webhook">
				<dt>{t('orders.webhook.endpoint')}</dt>
				<dd className="orders-copyable"><code>{webhook.endpoint}</code><CopyButton text={webhook.endpoint} /></dd>
				<dt>{t('orders.webhook.secret')}</dt>
				<dd>
					<code aria-label={t('orders.webhook.secret')}>{masked}</code>
					<details className="orders-reveal">
						<summary>{t('orders.webhook.reveal')}</summary>
						<div className="orders-copyable"><code className="orders-secret">{webhook.secret}</code><CopyButton text={webhook.secret} /></div>
					</details>
				</dd>
			</dl>
			<Form method="post" className="orders-actions">
				<input type="hidden" name="intent" value="rotate" />
				<button type="submit" className="button button-quiet">{t('orders.webhook.rotate')}</button>
				<span className="field-hint">{t('orders.webhook.rotateHint')}</span>
			</Form>
			<h3>{t('orders.webhook.howTitle')}</h3>
			<ol className="orders-how">
				<li>{t('orders.webhook.how1', { max: webhook.maxOrders })}</li>
				<li>{t('orders.webhook.how2', { timestamp: webhook.timestampHeader })}</li>
				<li>{t('orders.webhook.how3', { signature: webhook.signatureHeader })}</li>
				<li>{t('orders.webhook.how4')}</li>
			</ol>
			<h3>{t('orders.webhook.example')}</h3>
			<pre className="orders-code">{webhook.example}</pre>
		</section>
	)
}
