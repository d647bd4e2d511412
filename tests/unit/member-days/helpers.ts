import { randomUUID } from 'node:crypto'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { createMemberDay, type MemberDayInput } from '#app/domain/member-days/days.server.ts'
import { packPool, type PoolInput } from '#app/domain/member-days/pools.server.ts'
import { award } from '#app/domain/points/ledger.server.ts'
import { SegmentRulesSchema } from '#app/domain/segments/rules.ts'
import { saveSegment } from '#app/domain/segments/segments.server.ts'
import { prisma } from '#app/lib/db.server.ts'

// Real rows through the real domain functions; points are granted through the ledger.

export const HOUR = 3_600_000
export const DAY = 86_400_000

export async function memberWith(points = 0, region: string | null = null): Promise<string> {
	const user = await createUser({ email: `d-${randomUUID()}@quanzi.test`, displayName: 'Box fan', password: 'long enough' })
	if (points > 0) await award({ memberId: user!.id, trigger: 'prize.points', key: randomUUID(), points })
	if (region) await prisma.user.update({ where: { id: user!.id }, data: { region } })
	return user!.id
}

/** A segment of the members living in one region. */
export async function regionSegment(region: string): Promise<string> {
	const saved = await saveSegment({ name: `${region} ${randomUUID().slice(0, 6)}`, rules: SegmentRulesSchema.parse({ regions: [region] }) })
	if (!saved.ok) throw new Error(saved.error)
	return saved.id
}

export async function day(overrides: Partial<MemberDayInput> = {}): Promise<string> {
	const created = await createMemberDay({ title: 'Member day', startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + 3 * DAY), ...overrides })
	if (!created.ok) throw new Error(JSON.stringify(created.errors))
	return created.id
}

export async function pool(memberDayId: string, overrides: Partial<PoolInput> = {}): Promise<string> {
	const packed = await packPool({
		memberDayId,
		name: 'Autumn box',
		boxes: 100,
		pricePoints: 10,
		perMemberLimit: 50,
		items: [{ name: 'Tablet', total: 1 }, { name: 'Gift set', total: 19 }, { name: 'Tea sample', total: 80 }],
		...overrides,
	})
	if (!packed.ok) throw new Error(JSON.stringify(packed.errors))
	return packed.id
}
