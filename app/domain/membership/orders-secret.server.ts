import { randomBytes } from 'node:crypto'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'

// The secret the shop signs webhook deliveries with. It is made on first need, shown only to
// the merchant, and rotated by them; it never goes into a log line.

const KEY = 'orders.webhookSecret'
const fresh = () => randomBytes(32).toString('hex')

export async function getWebhookSecret(): Promise<string> {
	const row = await prisma.setting.findUnique({ where: { key: KEY }, select: { value: true } })
	if (row) return row.value
	try {
		await prisma.setting.create({ data: { key: KEY, value: fresh() }, select: { key: true } })
	} catch (error) {
		// Two first requests at once: the other one's secret stands.
		if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error
	}
	return (await prisma.setting.findUniqueOrThrow({ where: { key: KEY }, select: { value: true } })).value
}

/** A new secret; deliveries signed with the old one are refused from now on. */
export async function rotateWebhookSecret(): Promise<void> {
	const value = fresh()
	await prisma.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value }, select: { key: true } })
}
