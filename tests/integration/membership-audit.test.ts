import { afterAll, beforeAll, expect, test } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from '#tests/helpers/db.ts'
import { loginCookie, signupCookie } from '#tests/helpers/http.ts'
import { startServer, type RunningServer } from '#tests/helpers/server.ts'

// Every staff action of the membership consoles lands in the audit log with its actor, as the
// moderation ones do; a refused action writes nothing there.

let server: RunningServer
let db: PrismaClient
let merchant: string
let merchantId: string

beforeAll(async () => {
	server = await startServer({ MERCHANT_EMAIL: 'boss@quanzi.test', MERCHANT_PASSWORD: 'boss password' })
	db = openDatabase(server.databaseUrl)
	merchant = await loginCookie(server.url, 'boss@quanzi.test', 'boss password')
	await signupCookie(server.url, 'fan@quanzi.test')
	merchantId = (await db.user.findUniqueOrThrow({ where: { email: 'boss@quanzi.test' }, select: { id: true } })).id
}, 120_000)
afterAll(async () => {
	await db?.$disconnect()
	await server?.stop()
})

function post(pathname: string, fields: Record<string, string>) {
	return fetch(server.url + pathname, {
		method: 'POST',
		redirect: 'manual',
		headers: { Cookie: merchant, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
		body: new URLSearchParams(fields),
	})
}

const actions = async () => (await db.auditLog.findMany({ where: { actorId: merchantId }, orderBy: { createdAt: 'asc' }, select: { action: true, targetType: true } })).map((a) => `${a.targetType}:${a.action}`)

test('tier, tag, segment and webhook changes are logged with the merchant as actor; a refused one is not', async () => {
	expect((await post('/console/tiers', { intent: 'suggested' })).status).toBe(302)
	expect((await post('/console/segments/tags', { email: 'fan@quanzi.test', tag: 'Oolong' })).status).toBe(302)
	expect((await post('/console/segments/tags', { email: 'nobody@quanzi.test', tag: 'oolong' })).status).toBe(400)
	expect((await post('/console/segments', { intent: 'save', name: 'Oolong fans', tags: 'oolong' })).status).toBe(302)
	expect((await post('/console/orders', { intent: 'rotate' })).status).toBe(302)
	expect(await actions()).toEqual(['tier:tiers.suggested', 'tag:tags.add', 'segment:segments.create', 'orders:orders.rotateSecret'])
	const tag = await db.auditLog.findFirstOrThrow({ where: { action: 'tags.add' }, select: { detail: true } })
	expect(JSON.parse(tag.detail)).toEqual({ tag: 'oolong' })
})
