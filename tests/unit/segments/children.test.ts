import { describe, expect, test } from 'vitest'
import { addChild, deleteChild, listChildren, MAX_CHILDREN } from '#app/domain/segments/children.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '#tests/unit/posts/fixtures.ts'

// A child's birth month and year is a minor's data: kept only with the parent's explicit
// consent, only if it makes sense, and deleted at the parent's word (theirs alone).

const NOW = new Date('2025-06-15T12:00:00Z')
const count = (userId: string) => prisma.child.count({ where: { userId } })

describe('adding a child', () => {
	test('without the consent box ticked nothing is saved, whatever else is right', async () => {
		const parent = await member()
		for (const consent of [undefined, '', 'off', 'false', 'yes']) {
			const result = await addChild(parent.id, { birthYear: '2023', birthMonth: '4', ...(consent === undefined ? {} : { consent }) }, NOW)
			expect(result, String(consent)).toEqual({ ok: false, fieldErrors: { consent: 'family.error.consent' } })
		}
		expect(await count(parent.id)).toBe(0)
	})

	test('a birth month still to come, or 18 years ago or more, is refused; this month and 17 years 11 months are fine', async () => {
		const parent = await member()
		expect(await addChild(parent.id, { birthYear: '2025', birthMonth: '7', consent: 'on' }, NOW)).toEqual({ ok: false, fieldErrors: { birthYear: 'family.error.future' } })
		expect(await addChild(parent.id, { birthYear: '2026', birthMonth: '1', consent: 'on' }, NOW)).toEqual({ ok: false, fieldErrors: { birthYear: 'family.error.future' } })
		expect(await addChild(parent.id, { birthYear: '2007', birthMonth: '6', consent: 'on' }, NOW)).toEqual({ ok: false, fieldErrors: { birthYear: 'family.error.tooOld' } })
		expect(await count(parent.id)).toBe(0)
		expect(await addChild(parent.id, { birthYear: '2025', birthMonth: '6', consent: 'on' }, NOW)).toMatchObject({ ok: true })
		expect(await addChild(parent.id, { birthYear: '2007', birthMonth: '7', consent: 'on' }, NOW)).toMatchObject({ ok: true })
		expect(await count(parent.id)).toBe(2)
	})

	test('a month or year that is not one is refused next to its field', async () => {
		const parent = await member()
		expect(await addChild(parent.id, { birthYear: '', birthMonth: '13', consent: 'on' }, NOW)).toEqual({
			ok: false,
			fieldErrors: { birthYear: 'family.error.year', birthMonth: 'family.error.month' },
		})
		expect(await addChild(parent.id, { birthYear: 'soon', birthMonth: '0', consent: 'on' }, NOW)).toMatchObject({ ok: false })
		expect(await count(parent.id)).toBe(0)
	})

	test('only the month, year and the moment of consent are kept; the list shows today’s band', async () => {
		const parent = await member()
		const added = await addChild(parent.id, { birthYear: '2022', birthMonth: '7', consent: 'on' }, NOW)
		if (!added.ok) throw new Error('refused')
		const row = await prisma.child.findUniqueOrThrow({ where: { id: added.id } })
		expect(row).toEqual({ id: added.id, userId: parent.id, birthYear: 2022, birthMonth: 7, consentAt: NOW, createdAt: expect.any(Date) })
		expect(await listChildren(parent.id, NOW)).toEqual([{ id: added.id, birthYear: 2022, birthMonth: 7, band: '0-3' }])
		expect(await listChildren(parent.id, new Date('2025-07-01T00:00:00Z'))).toEqual([{ id: added.id, birthYear: 2022, birthMonth: 7, band: '3-6' }])
	})

	test(`at most ${MAX_CHILDREN} children per account`, async () => {
		const parent = await member()
		await prisma.child.createMany({ data: Array.from({ length: MAX_CHILDREN }, () => ({ userId: parent.id, birthYear: 2020, birthMonth: 1, consentAt: NOW })) })
		expect(await addChild(parent.id, { birthYear: '2021', birthMonth: '1', consent: 'on' }, NOW)).toEqual({ ok: false, fieldErrors: {}, formError: 'family.error.tooMany' })
		expect(await count(parent.id)).toBe(MAX_CHILDREN)
	})
})

describe('deleting a child', () => {
	test('the parent deletes their own; another member’s child is refused and stays', async () => {
		const [parent, other] = await Promise.all([member(), member()])
		const mine = await addChild(parent.id, { birthYear: '2020', birthMonth: '2', consent: 'on' }, NOW)
		const theirs = await addChild(other.id, { birthYear: '2019', birthMonth: '5', consent: 'on' }, NOW)
		if (!mine.ok || !theirs.ok) throw new Error('refused')

		expect(await deleteChild(parent.id, theirs.id)).toBe(false)
		expect(await prisma.child.count({ where: { id: theirs.id } })).toBe(1)

		expect(await deleteChild(parent.id, mine.id)).toBe(true)
		expect(await prisma.child.count({ where: { id: mine.id } })).toBe(0)
		// Already gone: nothing more to delete.
		expect(await deleteChild(parent.id, mine.id)).toBe(false)
		expect(await count(other.id)).toBe(1)
	})
})
