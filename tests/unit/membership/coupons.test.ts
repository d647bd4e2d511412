import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { issueToSegment } from '#app/domain/membership/coupon-bulk.server.ts'
import { newCouponCode } from '#app/domain/membership/coupon-codes.server.ts'
import { issueToMemberForm } from '#app/domain/membership/coupon-console.server.ts'
import { COUPON_CODE_PATTERN } from '#app/domain/membership/coupon-schema.ts'
import { listTemplates, saveTemplate } from '#app/domain/membership/coupon-templates.server.ts'
import { issueCoupon, listMemberCoupons } from '#app/domain/membership/coupons.server.ts'
import { saveSegment } from '#app/domain/segments/segments.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { customer, paidOrder, template, templateForm } from './coupons-fixtures.ts'

const DAY = 86_400_000

async function couponsOf(userId: string) {
	return prisma.coupon.findMany({ where: { userId }, select: { id: true, code: true, key: true, source: true, expiresAt: true } })
}

describe('issuing a coupon', () => {
	test('30 concurrent issues for one reason give one coupon, and every call gets its code', async () => {
		const templateId = await template()
		const member = await customer()
		const key = `manual:${randomUUID()}:${member}`
		const results = await Promise.all(Array.from({ length: 30 }, () => issueCoupon({ templateId, userId: member, source: 'manual', key })))
		expect(results.every((r) => r.ok)).toBe(true)
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1)
		const codes = new Set(results.map((r) => (r.ok ? r.code : null)))
		expect(codes.size).toBe(1)
		const rows = await couponsOf(member)
		expect(rows).toHaveLength(1)
		expect(rows[0]!.code).toBe([...codes][0])
		// The member heard of it once.
		expect(await prisma.notification.count({ where: { userId: member, kind: 'couponIssued' } })).toBe(1)
	})

	test('codes are QZ- and 8 Crockford characters, and unique', async () => {
		const templateId = await template()
		const members = await Promise.all(Array.from({ length: 5 }, () => customer()))
		const results = await Promise.all(Array.from({ length: 100 }, (_, i) => issueCoupon({ templateId, userId: members[i % 5]!, source: 'manual', key: `codes:${randomUUID()}` })))
		const codes = results.map((r) => (r.ok ? r.code : ''))
		for (const code of codes) expect(code).toMatch(/^QZ-[0-9A-HJKMNP-TV-Z]{8}$/)
		expect(new Set(codes).size).toBe(100)
		// The generator itself never uses the letters Crockford leaves out (I, L, O, U).
		const many = Array.from({ length: 5000 }, newCouponCode)
		expect(many.every((c) => COUPON_CODE_PATTERN.test(c))).toBe(true)
		expect(many.join('').slice(0).replaceAll('QZ-', '')).not.toMatch(/[ILOU]/)
	})

	test('a coupon lasts to the end of its last China day, and the notice says that date', async () => {
		const templateId = await template({ validDays: '7' })
		const member = await customer()
		// 20:00 UTC on 10 March is already 04:00 on 11 March in China: day 1 is the 11th.
		const now = new Date('2026-03-10T20:00:00Z')
		const issued = await issueCoupon({ templateId, userId: member, source: 'manual', key: `expiry:${member}`, now })
		expect(issued.ok).toBe(true)
		const [row] = await couponsOf(member)
		expect(row!.expiresAt.toISOString()).toBe('2026-03-18T15:59:59.999Z')
		const notice = await prisma.notification.findFirstOrThrow({ where: { userId: member, kind: 'couponIssued' }, select: { params: true, link: true } })
		expect(JSON.parse(notice.params)).toEqual({ name: 'Tea treat', expires: '2026-03-18' })
		expect(notice.link).toBe('/me/coupons')
	})

	test('a missing template or member is refused, and nothing is written', async () => {
		const member = await customer()
		expect(await issueCoupon({ templateId: 'no-such-template', userId: member, source: 'manual', key: `x:${member}` })).toEqual({ ok: false, error: 'coupons.error.templateMissing' })
		const templateId = await template()
		expect(await issueCoupon({ templateId, userId: 'no-such-member', source: 'manual', key: `y:${member}` })).toEqual({ ok: false, error: 'coupons.error.noMember' })
		expect(await prisma.coupon.count({ where: { key: { in: [`x:${member}`, `y:${member}`] } } })).toBe(0)
	})
})

describe('issuing by hand, by email', () => {
	test('the same form sent twice issues one coupon; an unknown email is refused next to the field', async () => {
		const templateId = await template()
		const member = await customer()
		const email = (await prisma.user.findUniqueOrThrow({ where: { id: member }, select: { email: true } })).email
		const form = new FormData()
		form.set('templateId', templateId)
		form.set('email', email.toUpperCase())
		form.set('issueId', randomUUID())
		const [first, second] = await Promise.all([issueToMemberForm(form), issueToMemberForm(form)])
		expect(first.ok && second.ok).toBe(true)
		expect([first, second].filter((r) => r.ok && !r.duplicate)).toHaveLength(1)
		expect(await couponsOf(member)).toHaveLength(1)

		form.set('email', 'nobody@quanzi.test')
		const refused = await issueToMemberForm(form)
		expect(refused).toMatchObject({ ok: false, fieldErrors: { email: 'coupons.error.noMember' }, values: { email: 'nobody@quanzi.test' } })
	})
})

describe('issuing to a segment', () => {
	test('each member of the segment gets one coupon, even when the issue runs twice at once', async () => {
		const tag = `tea-${randomUUID().slice(0, 8)}`
		const tagged = await Promise.all(Array.from({ length: 5 }, () => customer()))
		const outsider = await customer()
		await prisma.memberTag.createMany({ data: tagged.map((userId) => ({ userId, tag })) })
		const segment = await saveSegment({ name: `Tea lovers ${tag}`, rules: { tags: [tag] } })
		if (!segment.ok) throw new Error(segment.error)
		const templateId = await template()
		const merchant = await customer()
		const issueId = randomUUID()
		const [a, b] = await Promise.all([issueToSegment(templateId, segment.id, merchant, issueId), issueToSegment(templateId, segment.id, merchant, issueId)])
		expect(a).toMatchObject({ ok: true, members: 5 })
		expect(b).toMatchObject({ ok: true, members: 5 })
		expect((a.ok ? a.issued : 0) + (b.ok ? b.issued : 0)).toBe(5)
		for (const member of tagged) {
			const rows = await couponsOf(member)
			expect(rows).toHaveLength(1)
			expect(rows[0]).toMatchObject({ source: 'segment', key: `segment:${issueId}:${member}` })
		}
		expect(await couponsOf(outsider)).toHaveLength(0)
		// Retrying the same issue later changes nothing.
		expect(await issueToSegment(templateId, segment.id, merchant, issueId)).toEqual({ ok: true, members: 5, issued: 0 })
	})

	test('a segment with no members today is refused with that message, and nothing is issued', async () => {
		const segment = await saveSegment({ name: `Nobody ${randomUUID().slice(0, 8)}`, rules: { tags: [`none-${randomUUID().slice(0, 8)}`] } })
		if (!segment.ok) throw new Error(segment.error)
		const templateId = await template()
		const before = await prisma.coupon.count()
		expect(await issueToSegment(templateId, segment.id, 'staff', randomUUID())).toEqual({ ok: false, error: 'coupons.error.segmentEmpty', field: 'segmentId' })
		expect(await prisma.coupon.count()).toBe(before)
	})

	test('an inactive template or an unknown segment is refused', async () => {
		const off = await template({ active: '' })
		expect(await issueToSegment(off, 'any', 'staff', randomUUID())).toMatchObject({ ok: false, error: 'coupons.error.templateInactive' })
		expect(await issueToSegment(await template(), 'no-such-segment', 'staff', randomUUID())).toMatchObject({ ok: false, error: 'coupons.error.segmentMissing' })
	})
})

describe('templates', () => {
	test('out-of-bounds values are refused next to their fields, and nothing is saved', async () => {
		const before = await prisma.couponTemplate.count()
		const refused = async (fields: Record<string, string>) => {
			const saved = await saveTemplate(templateForm(fields))
			expect(saved.ok).toBe(false)
			return saved.ok ? {} : saved.fieldErrors
		}
		expect(await refused({ kind: 'percent', value: '95' })).toEqual({ value: 'coupons.error.percent' })
		expect(await refused({ kind: 'percent', value: '12.5' })).toEqual({ value: 'coupons.error.percent' })
		expect(await refused({ kind: 'amount', value: '0' })).toEqual({ value: 'coupons.error.amount' })
		expect(await refused({ kind: 'amount', value: '-5' })).toEqual({ value: 'coupons.error.amount' })
		expect(await refused({ kind: 'amount', value: '9.999' })).toEqual({ value: 'coupons.error.amount' })
		expect(await refused({ validDays: '0' })).toEqual({ validDays: 'coupons.error.validDays' })
		expect(await refused({ validDays: '3651' })).toEqual({ validDays: 'coupons.error.validDays' })
		expect(await refused({ name: '', minSpend: '-1' })).toEqual({ name: 'coupons.error.name', minSpend: 'coupons.error.minSpend' })
		expect(await prisma.couponTemplate.count()).toBe(before)
		// The table's CHECK holds even for a write that skips the form.
		await expect(prisma.couponTemplate.create({ data: { name: 'Bad', kind: 'percent', value: 95, validDays: 7 } })).rejects.toThrow()
	})

	test('values are stored as cents or percent', async () => {
		const amount = await template({ value: '9.90', minSpend: '100' })
		const percent = await template({ kind: 'percent', value: '15', minSpend: '0' })
		const rows = await listTemplates()
		expect(rows.find((r) => r.id === amount)).toMatchObject({ kind: 'amount', value: 990, minSpendCents: 10_000 })
		expect(rows.find((r) => r.id === percent)).toMatchObject({ kind: 'percent', value: 15, minSpendCents: 0 })
	})

	test('one active template per automatic coupon; what a template gives is fixed once coupons of it are out', async () => {
		const first = await template({ auto: 'winback' })
		const second = await saveTemplate(templateForm({ auto: 'winback' }))
		expect(second).toEqual({ ok: false, fieldErrors: { auto: 'coupons.error.autoTaken' } })
		// Saved inactive, it may exist alongside.
		expect((await saveTemplate(templateForm({ auto: 'winback', active: '' }))).ok).toBe(true)

		const member = await customer()
		await issueCoupon({ templateId: first, userId: member, source: 'manual', key: `lock:${member}` })
		const edit = templateForm({ id: first, auto: 'winback', value: '30' })
		expect(await saveTemplate(edit)).toEqual({ ok: false, fieldErrors: { value: 'coupons.error.valueLocked' } })
		// Its name and its switch may still change.
		expect((await saveTemplate(templateForm({ id: first, auto: 'winback', name: 'Come back soon', active: '' }))).ok).toBe(true)
		const rows = await listTemplates()
		expect(rows.find((r) => r.id === first)).toMatchObject({ name: 'Come back soon', value: 2000, active: false, issued: 1, redeemed: 0 })
	})
})

describe('a member’s coupons', () => {
	test('usable first (soonest ending first), then used, then expired', async () => {
		const member = await customer()
		const week = await template({ validDays: '7' })
		const month = await template({ validDays: '30' })
		const now = new Date()
		await issueCoupon({ templateId: month, userId: member, source: 'manual', key: `l1:${member}`, now })
		await issueCoupon({ templateId: week, userId: member, source: 'manual', key: `l2:${member}`, now })
		await issueCoupon({ templateId: week, userId: member, source: 'manual', key: `l3:${member}`, now: new Date(now.getTime() - 20 * DAY) })
		const used = await issueCoupon({ templateId: month, userId: member, source: 'manual', key: `l4:${member}`, now })
		const order = await paidOrder(member, 20_000)
		// Redeemed as the order import does it: a guarded update that only an unused coupon matches.
		if (!used.ok) throw new Error(used.error)
		await prisma.coupon.update({ where: { code: used.code, redeemedAt: null }, data: { redeemedAt: now, orderId: order.id } })
		await expect(prisma.coupon.update({ where: { code: used.code, redeemedAt: null }, data: { redeemedAt: now } })).rejects.toThrow()

		const list = await listMemberCoupons(member, now)
		expect(list.map((c) => [c.state, c.expiresAt > now.toISOString()])).toEqual([
			['usable', true],
			['usable', true],
			['used', true],
			['expired', false],
		])
		expect(list[0]!.expiresAt < list[1]!.expiresAt).toBe(true)
		expect(list[0]).toMatchObject({ name: 'Tea treat', kind: 'amount', value: 2000, minSpendCents: 9900 })
	})
})
