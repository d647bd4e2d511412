import { createHmac, timingSafeEqual } from 'node:crypto'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { negotiateLocale, translator, type MessageKey } from '#app/lib/i18n/index.ts'
import {
	incomingFromWebhook,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
	TIMESTAMP_TOLERANCE_S,
	WEBHOOK_MAX_BYTES,
	WebhookBodySchema,
} from './order-webhook-schema.ts'
import { importOrders } from './orders-import.server.ts'
import { getWebhookSecret } from './orders-secret.server.ts'

// POST /api/orders: the shop pushes orders, signed with the shared secret. The signature is
// HMAC-SHA256(secret, `${timestamp}.${rawBody}`): the timestamp is inside what is signed, so
// an old delivery cannot be given a fresh timestamp, and a signature is accepted once
// (WebhookDelivery), so a captured delivery cannot be sent again while its timestamp is fresh.

export type WebhookReply = { status: number; body: Record<string, unknown> }

/** The body as text, refused past the limit while it streams (the request may carry no Content-Length). */
async function readBody(request: Request): Promise<string | null> {
	if (!request.body) return ''
	const chunks: Uint8Array[] = []
	let bytes = 0
	for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
		bytes += chunk.length
		if (bytes > WEBHOOK_MAX_BYTES) return null
		chunks.push(chunk)
	}
	return Buffer.concat(chunks).toString('utf8')
}

export function signDelivery(secret: string, timestamp: number | string, rawBody: string): string {
	return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')
}

function signatureMatches(secret: string, timestamp: string, rawBody: string, given: string): boolean {
	const expected = Buffer.from(signDelivery(secret, timestamp, rawBody), 'hex')
	const received = Buffer.from(given, 'hex')
	// Constant time: how much of a guess matched must not show in how long the refusal takes.
	return received.length === expected.length && timingSafeEqual(received, expected)
}

const isUnique = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'

/** Checks, records and imports one delivery; the reply's messages are in the sender's Accept-Language (English by default). */
export async function receiveOrdersWebhook(request: Request, now = new Date()): Promise<WebhookReply> {
	const t = translator(negotiateLocale(request.headers.get('accept-language')) ?? 'en')
	const refuse = (status: number, error: string, key: MessageKey, params?: Record<string, string | number>): WebhookReply => ({
		status,
		body: { error, message: t(key, params) },
	})
	const raw = await readBody(request)
	if (raw === null) return refuse(413, 'too large', 'ordersApi.tooLarge', { max: WEBHOOK_MAX_BYTES / 1024 })

	const timestamp = request.headers.get(TIMESTAMP_HEADER) ?? ''
	const signature = /^sha256=([0-9a-f]{64})$/i.exec(request.headers.get(SIGNATURE_HEADER)?.trim() ?? '')?.[1]?.toLowerCase()
	if (!signature || !/^\d{1,12}$/.test(timestamp)) return refuse(401, 'missing signature', 'ordersApi.missingSignature', { signature: SIGNATURE_HEADER, timestamp: TIMESTAMP_HEADER })
	if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_S) return refuse(401, 'stale timestamp', 'ordersApi.staleTimestamp', { minutes: TIMESTAMP_TOLERANCE_S / 60 })
	if (!signatureMatches(await getWebhookSecret(), timestamp, raw, signature)) return refuse(401, 'bad signature', 'ordersApi.badSignature')

	let json: unknown
	try {
		json = JSON.parse(raw)
	} catch {
		return refuse(400, 'invalid body', 'ordersApi.notJson')
	}
	const parsed = WebhookBodySchema.safeParse(json)
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!
		const path = issue.path.join('.') || '(body)'
		const reply = refuse(400, 'invalid body', 'ordersApi.invalidBody', { path, problem: issue.message })
		return { ...reply, body: { ...reply.body, path } }
	}

	try {
		await prisma.webhookDelivery.create({ data: { signature, receivedAt: now }, select: { signature: true } })
	} catch (error) {
		if (isUnique(error)) return refuse(409, 'replay', 'ordersApi.replay')
		throw error
	}
	// Signatures older than twice the tolerance can never be accepted again anyway.
	await prisma.webhookDelivery.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - 2 * TIMESTAMP_TOLERANCE_S * 1000) } } })

	try {
		const result = await importOrders({ incoming: incomingFromWebhook(parsed.data, now), source: 'webhook', now })
		const { created, updated, unchanged } = result.counts
		return { status: 200, body: { created, updated, unchanged, errors: result.errors.map((e) => ({ id: e.id, message: t(e.problem.key, e.problem.params) })) } }
	} catch (error) {
		// Not imported: forget the signature, so the shop's retry of this very delivery is accepted.
		await prisma.webhookDelivery.deleteMany({ where: { signature } })
		throw error
	}
}
