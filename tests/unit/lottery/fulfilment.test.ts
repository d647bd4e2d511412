import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { createCampaign } from '#app/domain/lottery/campaigns.server.ts'
import { draw } from '#app/domain/lottery/draws.server.ts'
import { listToShip, markShipped, setShippingAddress } from '#app/domain/lottery/fulfilment.server.ts'

async function winner() {
	const memberId = (await createUser({ email: `f-${randomUUID()}@quanzi.test`, displayName: 'F', password: 'long enough' }))!.id
	const created = await createCampaign({
		title: 'Ship it', costPoints: 0, perMemberLimit: 1, startsAt: new Date(Date.now() - 1000), endsAt: new Date(Date.now() + 3600_000),
		prizes: [{ name: 'Teapot', kind: 'physical', total: 1 }],
	})
	if (!created.ok) throw new Error()
	const result = await draw(created.id, memberId)
	if (!result.ok) throw new Error(result.error)
	return { memberId, drawId: result.drawId }
}

describe('physical prize fulfilment', () => {
	test('the winner gives an address; the merchant sees it and marks it sent once', async () => {
		const { memberId, drawId } = await winner()
		expect((await listToShip()).find((d) => d.id === drawId)?.shipTo).toBeNull()
		expect(await markShipped(drawId)).toBe(false)
		expect(await setShippingAddress(drawId, memberId, 'x')).toBe('invalid')
		expect(await setShippingAddress(drawId, memberId, '  Room 5, 88 West Lake Rd, Hangzhou  ')).toBe('saved')
		expect((await listToShip()).find((d) => d.id === drawId)?.shipTo).toBe('Room 5, 88 West Lake Rd, Hangzhou')
		expect(await markShipped(drawId)).toBe(true)
		expect(await markShipped(drawId)).toBe(false)
		expect((await listToShip()).some((d) => d.id === drawId)).toBe(false)
		expect(await setShippingAddress(drawId, memberId, 'Too late, it left')).toBe('notYours')
	})

	test("nobody else can set the address of a member's prize", async () => {
		const { drawId } = await winner()
		const other = (await createUser({ email: `o-${randomUUID()}@quanzi.test`, displayName: 'O', password: 'long enough' }))!.id
		expect(await setShippingAddress(drawId, other, 'My own address, 1 Main St')).toBe('notYours')
	})
})
