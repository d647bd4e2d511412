import { randomUUID } from 'node:crypto'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { saveTemplate } from '#app/domain/membership/coupon-templates.server.ts'
import { prisma } from '#app/lib/db.server.ts'

// Real rows through the real domain functions (templates through the console's own parser).

export async function customer(fields: { birthdayMonth?: number; birthdaySetAt?: Date | null } = {}): Promise<string> {
	const user = await createUser({ email: `c-${randomUUID()}@quanzi.test`, displayName: 'Customer', password: 'long enough' })
	if (Object.keys(fields).length > 0) await prisma.user.update({ where: { id: user!.id }, data: { birthdayMonth: fields.birthdayMonth, birthdayDay: 12, birthdaySetAt: fields.birthdaySetAt } })
	return user!.id
}

export function templateForm(fields: Record<string, string> = {}): FormData {
	const form = new FormData()
	const all = { name: 'Tea treat', kind: 'amount', value: '20', minSpend: '99', validDays: '7', auto: 'none', active: 'on', ...fields }
	for (const [key, value] of Object.entries(all)) if (value !== '') form.set(key, value)
	return form
}

/** A saved template's id; throws with the refusal if the form was refused. */
export async function template(fields: Record<string, string> = {}): Promise<string> {
	const saved = await saveTemplate(templateForm(fields))
	if (!saved.ok) throw new Error(`template refused: ${JSON.stringify(saved)}`)
	return saved.id
}

/** A paid shop order of the member's, placed at `placedAt`. */
export async function paidOrder(memberId: string, totalCents: number, placedAt = new Date(), status = 'paid') {
	return prisma.shopOrder.create({ data: { externalId: randomUUID(), memberId, totalCents, status, placedAt }, select: { id: true } })
}
