import type { ActionFunctionArgs } from '@remix-run/node'
import { receiveOrdersWebhook } from '#app/domain/membership/orders-webhook.server.ts'

// The shop's order webhook: signed deliveries only (see orders-webhook.server.ts). No loader,
// so a GET is a 405 from Remix; the CSRF origin check exempts exactly this path (middleware).

export async function action({ request }: ActionFunctionArgs) {
	if (request.method !== 'POST') return Response.json({ error: 'method not allowed' }, { status: 405, headers: { Allow: 'POST' } })
	const reply = await receiveOrdersWebhook(request)
	return Response.json(reply.body, { status: reply.status, headers: { 'Cache-Control': 'no-store' } })
}
