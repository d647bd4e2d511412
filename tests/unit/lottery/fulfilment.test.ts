import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { createCampaign } from '#app/domain/lottery/campaigns.server.ts'
import { draw } from '#app/domain/lottery/draws.server.ts'
import { listToShip, markShipped, parsePrizeRef, setShippingAddress } from '#app/domain/lottery/fulfilment.server.ts'
import { openBlindBox } from '#app/domain/member-days/open-box.server.ts'
import { day, memberWith, pool } from '../member-days/helpers.ts'

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

describe('sending prizes', () => {
	test('the winner gives an address; the merchant sees it and marks it sent once', async () => {
		const { memberId, drawId } = await winner()
		const ref = { source: 'draw', id: drawId } as const
		expect((await listToShip()).find((d) => d.id === drawId)?.shipTo).toBeNull()
		expect(await markShipped(ref)).toBe(false)
		expect(await setShippingAddress(ref, memberId, 'x')).toBe('invalid')
		expect(await setShippingAddress(ref, memberId, '  Room 5, 88 West Lake Rd, Hangzhou  ')).toBe('saved')
		expect((await listToShip()).find((d) => d.id === drawId)).toMatchObject({ source: 'draw', item: 'Teapot', from: 'Ship it', shipTo: 'Room 5, 88 West Lake Rd, Hangzhou' })
		expect(await markShipped(ref)).toBe(true)
		expect(await markShipped(ref)).toBe(false)
		expect((await listToShip()).some((d) => d.id === drawId)).toBe(false)
		expect(await setShippingAddress(ref, memberId, 'Too late, it left')).toBe('notYours')
	})

	test("nobody else can set the address of a member's prize", async () => {
		const { drawId } = await winner()
		const other = (await createUser({ email: `o-${randomUUID()}@quanzi.test`, displayName: 'O', password: 'long enough' }))!.id
		expect(await setShippingAddress({ source: 'draw', id: drawId }, other, 'My own address, 1 Main St')).toBe('notYours')
	})

	test('what a blind box held is sent the same way: the opener’s address, listed with the draws, sent once', async () => {
		const memberId = await memberWith(100)
		const opened = await openBlindBox(await pool(await day(), { name: 'Shipping box' }), memberId)
		if (!opened.ok) throw new Error(opened.error)
		const ref = { source: 'box', id: opened.openingId } as const
		const other = await memberWith()
		expect(await setShippingAddress(ref, other, 'Not my box, 2 Main St')).toBe('notYours')
		// A draw's id is not a box's: the source decides which record is meant.
		expect(await setShippingAddress({ source: 'draw', id: opened.openingId }, memberId, 'Room 8, 12 Lake Rd')).toBe('notYours')
		expect(await setShippingAddress(ref, memberId, 'Room 8, 12 Lake Rd, Suzhou')).toBe('saved')
		expect((await listToShip()).find((d) => d.id === opened.openingId)).toMatchObject({ source: 'box', item: opened.item.name, from: 'Shipping box', shipTo: 'Room 8, 12 Lake Rd, Suzhou' })
		const marks = await Promise.all([markShipped(ref), markShipped(ref), markShipped(ref)])
		expect(marks.filter(Boolean)).toHaveLength(1)
		expect((await listToShip()).some((d) => d.id === opened.openingId)).toBe(false)
	})

	test('a prize reference from a form is a known source and a short id, or nothing', () => {
		expect(parsePrizeRef('box', 'abc')).toEqual({ source: 'box', id: 'abc' })
		expect(parsePrizeRef('order', 'abc')).toBeNull()
		expect(parsePrizeRef('draw', '')).toBeNull()
		expect(parsePrizeRef('draw', 'x'.repeat(65))).toBeNull()
		expect(parsePrizeRef(null, 'abc')).toBeNull()
	})
})
