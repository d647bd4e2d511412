import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { OrderImportResult, OrderPreview, OrderUploadForm } from '#app/components/orders/order-import.tsx'
import { RecentImports, RecentOrders } from '#app/components/orders/order-lists.tsx'
import { WebhookCard } from '#app/components/orders/webhook-card.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { logAction } from '#app/domain/moderation/audit.server.ts'
import { exampleWebhookBody } from '#app/domain/membership/order-example.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, WEBHOOK_MAX_ORDERS } from '#app/domain/membership/order-webhook-schema.ts'
import { importKeptFile, previewUpload } from '#app/domain/membership/orders-console.server.ts'
import { listRecentImports, listRecentOrders } from '#app/domain/membership/orders-read.server.ts'
import { getWebhookSecret, rotateWebhookSecret } from '#app/domain/membership/orders-secret.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'orders.console.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const [imports, orders, secret] = await Promise.all([listRecentImports(), listRecentOrders(), getWebhookSecret()])
	return {
		imports,
		orders,
		webhook: {
			endpoint: `${getEnv().PUBLIC_URL}/api/orders`,
			secret,
			signatureHeader: SIGNATURE_HEADER,
			timestampHeader: TIMESTAMP_HEADER,
			maxOrders: WEBHOOK_MAX_ORDERS,
			example: exampleWebhookBody(),
		},
	}
}

export async function action(args: ActionFunctionArgs) {
	const merchant = requireRole(args, 'merchant')
	// The upload is the only multipart form here; it streams to disk (orders-upload.server.ts).
	if (/^multipart\/form-data/i.test(args.request.headers.get('content-type') ?? '')) {
		const outcome = await previewUpload(args.request)
		return data(outcome, { status: outcome.kind === 'fileError' ? 400 : 200 })
	}
	const form = await args.request.formData()
	const intent = form.get('intent')
	if (intent === 'rotate') {
		await rotateWebhookSecret()
		await logAction({ actorId: merchant.id, action: 'orders.rotateSecret', targetType: 'orders', targetId: 'webhook' })
		return redirect('/console/orders?rotated=1#webhook')
	}
	if (intent !== 'import') throw new Response('Unknown form', { status: 400 })
	const outcome = await importKeptFile({ sha256: String(form.get('sha256') ?? ''), fileName: String(form.get('fileName') ?? ''), byId: merchant.id })
	if (outcome.kind === 'imported') await logAction({ actorId: merchant.id, action: 'orders.import', targetType: 'orders', targetId: String(form.get('sha256') ?? ''), detail: { file: outcome.fileName, ...outcome.counts } })
	return data(outcome, { status: outcome.kind === 'fileError' ? 400 : 200 })
}

export default function ConsoleOrdersPage() {
	const { imports, orders, webhook } = useLoaderData<typeof loader>()
	const outcome = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	return (
		<div className="orders-page">
			<div className="page-head">
				<h1>{t('orders.console.title')}</h1>
				<Link to="/console" className="button button-quiet">{t('console.title')}</Link>
			</div>
			<p className="muted">{t('orders.console.intro')}</p>

			<section className="card">
				<OrderUploadForm fileError={outcome?.kind === 'fileError' ? t(outcome.problem.key, outcome.problem.params) : null} />
			</section>
			{outcome?.kind === 'preview' ? <OrderPreview key={outcome.sha256} preview={outcome} /> : null}
			{outcome?.kind === 'imported' ? <OrderImportResult result={outcome} /> : null}

			<section aria-labelledby="imports-title">
				<h2 id="imports-title">{t('orders.imports.title')}</h2>
				<RecentImports items={imports} />
			</section>
			<section aria-labelledby="orders-title">
				<h2 id="orders-title">{t('orders.recent.title')}</h2>
				<RecentOrders items={orders} />
			</section>
			<WebhookCard webhook={webhook} rotated={params.get('rotated') === '1'} />
		</div>
	)
}
