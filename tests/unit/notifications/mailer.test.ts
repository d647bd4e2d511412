import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { deliverPendingEmails, MAX_ATTEMPTS } from '#app/domain/notifications/mailer.server.ts'
import { notify, notifyMany } from '#app/domain/notifications/notifications.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { parseEnv } from '#app/lib/env.server.ts'
import { members, one } from './helpers.ts'

// The outbox against a real SMTP server on 127.0.0.1 (the smtp-server package): the outside
// world's edge, where a fake is allowed. Everything of ours runs for real.

type Received = { from: string; to: string[]; raw: string }

async function smtpServer(options: { refuse?: string } = {}) {
	const received: Received[] = []
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		onRcptTo(_address, _session, callback) {
			callback(options.refuse ? Object.assign(new Error(options.refuse), { responseCode: 550 }) : null)
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = []
			stream.on('data', (c: Buffer) => chunks.push(c))
			stream.on('end', () => {
				const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
				received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
				callback()
			})
		},
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.server.address() as AddressInfo
	return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** The decoded body of a plain-text message (nodemailer sends non-ASCII text as quoted-printable). */
function bodyOf(raw: string): string {
	const [head = '', ...rest] = raw.split('\r\n\r\n')
	const body = rest.join('\r\n\r\n')
	if (!/Content-Transfer-Encoding: quoted-printable/i.test(head)) return body
	const joined = body.replace(/=\r\n/g, '')
	return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
}

let smtp: Awaited<ReturnType<typeof smtpServer>>
let refusing: Awaited<ReturnType<typeof smtpServer>>
beforeAll(async () => {
	smtp = await smtpServer()
	refusing = await smtpServer({ refuse: 'No such mailbox here' })
})
afterAll(async () => {
	await smtp?.close()
	await refusing?.close()
})
beforeEach(async () => {
	// Each test reads the outbox as a whole, so it starts empty.
	await prisma.emailMessage.deleteMany({})
	smtp.received.length = 0
})

const NOW = new Date('2026-11-25T10:00:00Z')
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000)
const prize = { kind: 'prizeWon', params: { prize: 'Tea set', campaign: 'Winter draw' }, link: '/me/prizes' } as const
const outbox = () => prisma.emailMessage.findMany({ select: { id: true, to: true, status: true, attempts: true, error: true, sentAt: true } })

describe('sending through SMTP', () => {
	test('the server receives the email with the member’s address, the subject and the text', async () => {
		const member = await one({ name: 'Mei' })
		await notify(member.id, prize, NOW)
		const report = await deliverPendingEmails(NOW, { smtpUrl: smtp.url, from: 'Tea Shop <shop@quanzi.test>' })
		expect(report).toEqual({ sent: 1, captured: 0, retrying: 0, failed: 0 })
		expect(smtp.received).toHaveLength(1)
		const [message] = smtp.received
		expect(message!.to).toEqual([member.email])
		expect(message!.from).toBe('shop@quanzi.test')
		expect(message!.raw).toContain('Subject: About your Quanzi account')
		expect(message!.raw).toMatch(/Content-Type: text\/plain/i)
		expect(message!.raw).not.toMatch(/text\/html/i)
		const body = bodyOf(message!.raw)
		expect(body).toContain('Hello Mei,')
		expect(body).toContain('You won Tea set in “Winter draw”!')
		expect(body).toContain('http://localhost:3999/me/prizes')
		expect(body).toContain('http://localhost:3999/me/notification-settings')
		expect(await outbox()).toEqual([expect.objectContaining({ status: 'sent', attempts: 1, error: null, sentAt: NOW })])
		// Sent is sent: a later run has nothing to do.
		expect(await deliverPendingEmails(minutes(60), { smtpUrl: smtp.url })).toEqual({ sent: 0, captured: 0, retrying: 0, failed: 0 })
		expect(smtp.received).toHaveLength(1)
	})

	test('two runs at once send each email exactly once', async () => {
		const crowd = await members(60)
		expect(await notifyMany(crowd.map((m) => m.id), { kind: 'dealUnlocked', params: { product: 'Tea cup' }, link: '/deals/d' }, NOW)).toBe(60)
		const [a, b] = await Promise.all([deliverPendingEmails(NOW, { smtpUrl: smtp.url }), deliverPendingEmails(NOW, { smtpUrl: smtp.url })])
		expect(a.sent + b.sent).toBe(60)
		const recipients = smtp.received.flatMap((m) => m.to).sort()
		expect(recipients).toEqual(crowd.map((m) => m.email).sort())
		const rows = await outbox()
		expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true)
	})

	test('a refused email stays pending with its error, is retried after a wait, and fails after the last try', async () => {
		const member = await one()
		await notify(member.id, prize, NOW)
		expect((await deliverPendingEmails(NOW, { smtpUrl: refusing.url })).retrying).toBe(1)
		let [row] = await outbox()
		expect(row).toMatchObject({ status: 'pending', attempts: 1 })
		expect(row!.error).toContain('No such mailbox here')

		// Not due again until its wait has passed: a run right after (another process) leaves it alone.
		await deliverPendingEmails(minutes(0.5), { smtpUrl: refusing.url })
		expect((await outbox())[0]!.attempts).toBe(1)

		let at = 0
		for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
			at += 60
			await deliverPendingEmails(minutes(at), { smtpUrl: refusing.url })
			;[row] = await outbox()
			expect(row!.attempts).toBe(attempt)
			expect(row!.status).toBe(attempt < MAX_ATTEMPTS ? 'pending' : 'failed')
		}
		expect(row!.error).toContain('No such mailbox here')
		await deliverPendingEmails(minutes(at + 600), { smtpUrl: smtp.url })
		expect((await outbox())[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
		expect(smtp.received).toHaveLength(0)
	})
})

describe('without SMTP_URL', () => {
	test('the outbox is the capture: pending emails become captured and nothing is sent', async () => {
		const crowd = await members(3)
		for (const m of crowd) await notify(m.id, prize, NOW)
		// The tests' environment has no SMTP_URL, so this is what development does.
		expect(await deliverPendingEmails(NOW)).toEqual({ sent: 0, captured: 3, retrying: 0, failed: 0 })
		const rows = await outbox()
		expect(rows.map((r) => r.status)).toEqual(['captured', 'captured', 'captured'])
		expect(smtp.received).toHaveLength(0)
	})

	test('SMTP_URL is checked at boot, and its value (a password) is never echoed', () => {
		expect(parseEnv({ DATA_DIR: '/tmp/qz-notify-env', SMTP_URL: 'smtps://shop:s3cret@mail.example.com:465' })).toMatchObject({ SMTP_URL: 'smtps://shop:s3cret@mail.example.com:465', MAIL_FROM: 'Quanzi <no-reply@localhost>' })
		let message = ''
		try {
			parseEnv({ DATA_DIR: '/tmp/qz-notify-env', SMTP_URL: 'https://shop:s3cret@mail.example.com' })
		} catch (error) {
			message = (error as Error).message
		}
		expect(message).toMatch(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/)
		expect(message).not.toContain('s3cret')
	})
})
