import type { ActionFunctionArgs } from '@remix-run/node'
import { receiveOrdersWebhook } from '#app/domain/membership/orders-webhook.server.ts'

// The shop's order webhook: signed deliveries only (see orders-webhook.server.ts); the CSRF
// origin check exempts exactly this path (middleware).

const NOT_ALLOWED = { error: 'method not allowed', message: 'This is the shop’s order webhook: send the orders with a signed POST (the merchant’s Orders page shows how).' }

/** A GET (someone opening the address) is told what the address is for, not Remix's bare 400. */
export function loader() {
	return Response.json(NOT_ALLOWED, { status: 405, headers: { Allow: 'POST', 'Cache-Control': 'no-store' } })
}

export async function action({ request }: ActionFunctionArgs) {
	if (request.method !== 'POST') return Response.json(NOT_ALLOWED, { status: 405, headers: { Allow: 'POST' } })
	const reply = await receiveOrdersWebhook(request)
	return Response.json(reply.body, { status: reply.status, headers: { 'Cache-Control': 'no-store' } })
}
