import { describe, expect, test } from 'vitest'
import { openBlindBox } from '#app/domain/member-days/open-box.server.ts'
import { sharedBox } from '#app/domain/member-days/share.server.ts'
import type { DayWinPush } from '#app/domain/member-days/views.ts'
import { prisma } from '#app/lib/db.server.ts'
import { domainEvents } from '#app/lib/events.server.ts'
import { day, HOUR, memberWith, pool } from './helpers.ts'

// After a box is opened: the member is told (the record in Me), a pool's top item goes to the
// day's ticker, and the shared box re-computes publicly once the day is over, never before.

async function opened(poolId: string, memberId: string) {
	const result = await openBlindBox(poolId, memberId)
	if (!result.ok) throw new Error(result.error)
	return result
}

describe('after a box is opened', () => {
	test('the member gets one notification per box, linking to My prizes', async () => {
		const id = await pool(await day(), { name: 'Tea box' })
		const m = await memberWith(100)
		const boxes = [await opened(id, m), await opened(id, m)]
		const notes = await prisma.notification.findMany({ where: { userId: m, kind: 'boxOpened' }, select: { params: true, link: true } })
		expect(notes).toHaveLength(2)
		expect(notes.every((n) => n.link === '/me/prizes')).toBe(true)
		expect(notes.map((n) => JSON.parse(n.params).item).sort()).toEqual(boxes.map((b) => b.item.name).sort())
		expect(JSON.parse(notes[0]!.params).pool).toBe('Tea box')
	})

	test('only a pool’s top item reaches the day’s ticker, with the member’s display name', async () => {
		const dayId = await day()
		// Position 0 is the top item: a pool of top items only, and one without any.
		const top = await pool(dayId, { boxes: 2, items: [{ name: 'Tablet', total: 2 }] })
		const small = await pool(dayId, { boxes: 2, items: [{ name: 'Sticker', total: 1 }, { name: 'Tea sample', total: 1 }], guaranteeEvery: null, guaranteePosition: null })
		const pushed: DayWinPush[] = []
		const listen = (push: DayWinPush) => void pushed.push(push)
		domainEvents.on('day:win', listen)
		try {
			const m = await memberWith(100)
			const win = await opened(top, m)
			const stickerFirst = await prisma.blindBoxItem.findFirstOrThrow({ where: { poolId: small, position: 0 }, select: { name: true } })
			const rest = [await opened(small, m), await opened(small, m)]
			const tops = rest.filter((r) => r.item.name === stickerFirst.name)
			expect(pushed.map((p) => p.win.id)).toEqual([win.openingId, ...tops.map((t) => t.openingId)])
			expect(pushed[0]).toMatchObject({ dayId, win: { member: 'Box fan', item: 'Tablet' } })
		} finally {
			domainEvents.off('day:win', listen)
		}
	})

	test('a shared box shows what it held and its odds; the seed and the check only once the day is over', async () => {
		const endsAt = new Date(Date.now() + HOUR)
		const id = await pool(await day({ endsAt }))
		const m = await memberWith(100)
		const box = await opened(id, m)
		const during = await sharedBox(box.shareCode)
		expect(during).toMatchObject({ member: 'Box fan', item: box.item.name, pool: 'Autumn box', total: 100, check: null })
		expect(JSON.stringify(during)).not.toContain((await prisma.blindBoxPool.findUniqueOrThrow({ where: { id }, select: { seed: true } })).seed)
		const after = await sharedBox(box.shareCode, new Date(endsAt.getTime() + 1))
		expect(after!.check).toMatchObject({ verifiable: true, seedMatchesCommitment: true, matches: true, recordedPosition: box.item.position })
		expect(after!.check!.seed).toMatch(/^[0-9a-f]{64}$/)
	})

	test('a tampered record no longer re-computes; unknown or malformed codes find nothing', async () => {
		const endsAt = new Date(Date.now() + HOUR)
		const id = await pool(await day({ endsAt }), { boxes: 2, items: [{ name: 'Tablet', total: 1 }, { name: 'Sticker', total: 1 }] })
		const box = await opened(id, await memberWith(100))
		const other = await prisma.blindBoxItem.findFirstOrThrow({ where: { poolId: id, position: box.item.position === 0 ? 1 : 0 }, select: { id: true } })
		await prisma.blindBoxOpening.update({ where: { id: box.openingId }, data: { itemId: other.id } })
		const check = (await sharedBox(box.shareCode, new Date(endsAt.getTime() + 1)))!.check!
		expect(check.matches).toBe(false)
		expect(await sharedBox('nosuchcd')).toBeNull()
		expect(await sharedBox("'; drop--")).toBeNull()
	})
})
